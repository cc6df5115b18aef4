import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { isUserSubscribed } from '../../../shared/api/xAccountActivity';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{
		...webhookIdField,
		description: 'The X webhook to check for the account in the X OAuth1 User credential',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['check'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const webhookId = readString.call(this, 'webhookId', itemIndex);
	return { webhookId, subscribed: await isUserSubscribed.call(this, webhookId) };
}
