import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { createActivitySubscription } from '../../../shared/api/xActivity';
import { optionsCollection, readString, webhookIdField } from '../common';
import { eventTypeFields, readEventType } from './eventTypeField';
import { filterField, readFilter } from './filterFields';

const properties: INodeProperties[] = [
	...eventTypeFields,
	filterField,
	{
		...webhookIdField,
		required: false,
		description:
			'The X webhook that receives the events (Webhook → Get Many lists them). Leave empty to deliver to X’s activity stream only: then no webhook, and no trigger, sees them.',
	},
	optionsCollection([
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'crm-sync',
			description: 'Your label for the subscription. X repeats it on every event, so a workflow can tell its subscriptions apart.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['activitySubscription'], operation: ['create'] } }, properties);

/** The credential follows the type's privacy in the event catalog, as in the trigger: user context for private ones, the app token for public ones. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const type = readEventType.call(this, itemIndex);
	const filter = await readFilter.call(this, type, itemIndex);
	const tag = String((this.getNodeParameter('options', itemIndex, {}) as { tag?: string }).tag ?? '').trim();
	const webhookId = readString.call(this, 'webhookId', itemIndex);
	return await createActivitySubscription.call(this, {
		event_type: type,
		filter,
		...(tag ? { tag } : {}),
		...(webhookId ? { webhook_id: webhookId } : {}),
	});
}
