import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { listSubscriptions } from '../../../shared/api/xAccountActivity';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{ ...webhookIdField, description: 'The X webhook whose subscribed accounts to list' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getAll'] } },
	properties,
);

/** One item per subscribed account, so the next node can act on each. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object[]> {
	const list = await listSubscriptions.call(this, readString.call(this, 'webhookId', itemIndex));
	return list.subscriptions.map(({ user_id: userId }) => ({
		userId,
		webhookId: list.webhook_id ?? null,
		webhookUrl: list.webhook_url ?? null,
		applicationId: list.application_id ?? null,
	}));
}
