import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { unsubscribeUser } from '../../../shared/api/xAccountActivity';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{ ...webhookIdField, description: 'The X webhook to remove the account from' },
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1500000000000000001',
		description: 'Numeric ID of the X account to unsubscribe. Subscription → Get Many lists them.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['unsubscribe'] } },
	properties,
);

/** `removed: false` when the account was not subscribed (X's SubscriptionNotFound): already as asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const webhookId = readString.call(this, 'webhookId', itemIndex);
	const userId = readString.call(this, 'userId', itemIndex);
	const outcome = await unsubscribeUser.call(this, webhookId, userId);
	return { webhookId, userId, subscribed: false, removed: outcome === 'removed' };
}
