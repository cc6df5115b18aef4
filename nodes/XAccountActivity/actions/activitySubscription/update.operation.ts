import {
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { updateActivitySubscription } from '../../../shared/api/xActivity';
import { readString, updateFieldsCollection, withoutEmpty } from '../common';
import { subscriptionIdField } from './subscriptionIdField';

const properties: INodeProperties[] = [
	{
		displayName:
			'Only the tag and the webhook can change. To change the event type or the filter, delete the subscription and create a new one.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	subscriptionIdField,
	updateFieldsCollection([
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			description: 'New label X repeats on every event of the subscription',
		},
		{
			displayName: 'Webhook ID',
			name: 'webhookId',
			type: 'string',
			default: '',
			description:
				'The X webhook that should receive the events from now on (Webhook → Get Many lists them)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['activitySubscription'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		tag?: string;
		webhookId?: string;
	};
	const changes = withoutEmpty({ tag: fields.tag?.trim(), webhook_id: fields.webhookId?.trim() });
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add a Tag or a Webhook ID under Update Fields.',
		});
	}
	return await updateActivitySubscription.call(
		this,
		readString.call(this, 'subscriptionId', itemIndex),
		changes,
	);
}
