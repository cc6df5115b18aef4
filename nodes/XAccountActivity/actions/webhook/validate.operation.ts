import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { revalidateWebhook } from '../../../shared/api/xWebhooks';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{
		...webhookIdField,
		description:
			'The X webhook to check again. X re-runs its CRC against the URL and re-enables the webhook when it passes; the output says whether it did.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['validate'] } },
	properties,
);

/** A failed check is an answer, not an error: `valid: false` lets the workflow branch on it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const id = readString.call(this, 'webhookId', itemIndex);
	return { id, valid: await revalidateWebhook.call(this, id) };
}
