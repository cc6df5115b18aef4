import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { registerAyrshareWebhook } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey, readString } from '../common';
import { actionFields, readAction } from './actionField';
import { ayrshareWebhookSecret } from '../../../shared/credentialSecrets';

const properties: INodeProperties[] = [
	...actionFields('send to the URL'),
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/0b7c.../webhook',
		description:
			'Public HTTPS address Ayrshare posts the events to. It must answer directly: Ayrshare does not follow redirects.',
	},
	profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP),
	{
		displayName: 'Signing Secret',
		name: 'signingSecret',
		type: 'options',
		default: 'credential',
		description:
			'The secret Ayrshare signs each delivery with (X-Authorization-Content-SHA256). Ayrshare keeps one secret per profile, so registering re-keys every webhook of the profile.',
		options: [
			{
				name: 'Credential’s Webhook Secret',
				value: 'credential',
				description:
					'The Webhook Secret of the Ayrshare credential, which the trigger verifies deliveries with. When the credential has none, deliveries are not signed.',
			},
			{
				name: 'None',
				value: 'none',
				description: 'Deliveries are not signed: anyone who knows the URL can send events to it',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareWebhook'], operation: ['register'] } },
	properties,
);

/** Registering an action again replaces its URL. The answer never repeats the secret. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const signWith = this.getNodeParameter('signingSecret', itemIndex, 'credential') as string;
	return await registerAyrshareWebhook.call(this, {
		action: readAction.call(this, itemIndex),
		url: readString.call(this, 'url', itemIndex),
		secret:
			signWith === 'none'
				? undefined
				: ((await ayrshareWebhookSecret.call(this, itemIndex)) ?? undefined),
		profileKey: readProfileKey.call(this, itemIndex),
	});
}
