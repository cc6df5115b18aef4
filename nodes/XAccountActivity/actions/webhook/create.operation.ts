import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { registerWebhook } from '../../../shared/api/xWebhooks';
import { readString } from '../common';

const properties: INodeProperties[] = [
	{
		displayName:
			'X sends a challenge (CRC) to the URL while it registers the webhook, so the URL must already answer it, for example the production URL of an active X Account Activity Trigger. It must be public HTTPS without a port or query string.',
		name: 'crcNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/0b7c.../webhook',
		description:
			'Public HTTPS address X will send events to. It must answer X’s CRC check at once, or X refuses to register it.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	return await registerWebhook.call(this, readString.call(this, 'url', itemIndex));
}
