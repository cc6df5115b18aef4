import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { deleteWebhook } from '../../../shared/api/xWebhooks';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{
		...webhookIdField,
		description:
			'The X webhook to delete, with all its subscriptions. A webhook that an active trigger registered stops receiving events. An ID X does not know (already deleted, or another app’s; X answers WebhookIdInvalid) is not an error: the output says deleted: false.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	properties,
);

/** `deleted: false` when X did not know the webhook (already gone, or another app's): nothing left to remove. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const id = readString.call(this, 'webhookId', itemIndex);
	return { id, deleted: (await deleteWebhook.call(this, id)) === 'deleted' };
}
