import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { registerAyrshareWebhook } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey, readString, optionsCollection } from '../common';
import { actionFields, readAction } from './actionField';

const properties: INodeProperties[] = [
	...actionFields('send to the URL'),
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/0b7c.../webhook',
		description: 'Public HTTPS address Ayrshare posts the events to. It must answer directly: Ayrshare does not follow redirects.',
	},
	profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP),
	optionsCollection([
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Ayrshare signs each delivery with this secret (X-Authorization-Content-SHA256). Use the Webhook Secret of the Ayrshare credential so the trigger can verify them.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['ayrshareWebhook'], operation: ['register'] } }, properties);

/** Registering an action again replaces its URL. The answer never repeats the secret. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const { secret } = this.getNodeParameter('options', itemIndex, {}) as { secret?: string };
	return await registerAyrshareWebhook.call(this, {
		action: readAction.call(this, itemIndex),
		url: readString.call(this, 'url', itemIndex),
		secret: secret || undefined,
		profileKey: readProfileKey.call(this, itemIndex),
	});
}
