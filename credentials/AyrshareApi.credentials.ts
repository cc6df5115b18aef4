import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { applyProfileKey } from '../nodes/shared/transport/ayrshareProfileKey';
import { byoXKeyHeaders } from '../nodes/shared/transport/ayrshareXKeys';
import {
	baseUrlProperty,
	DEFAULT_AYRSHARE_BASE_URL,
	resolveRequestUrl,
} from '../nodes/shared/transport/url';

export class AyrshareApi implements ICredentialType {
	name = 'ayrshareApi';

	displayName = 'Ayrshare API';

	documentationUrl =
		'https://github.com/n8n-nodes-x-account-activity/n8n-nodes-x-account-activity#credentials';

	icon: Icon = { light: 'file:ayrshare.svg', dark: 'file:ayrshare.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your Ayrshare primary profile, from the API Key page of the Ayrshare dashboard',
		},
		{
			displayName: 'Profile Key',
			name: 'profileKey',
			type: 'string',
			default: '',
			description:
				'Optional. The key of the User Profile to act on (Business plan). Leave empty to act on the primary profile. An operation can name another profile.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional but advised: the secret Ayrshare signs webhook deliveries with; the trigger and Ayrshare Webhook → Register register it, Ayrshare Webhook → Rotate Secret makes it the profile’s new secret, and the trigger verifies every delivery with it (without one, anyone who knows the URL can start the workflow). Ayrshare keeps one secret per profile: registering re-keys every webhook of the profile, so other receivers of this profile must use the same secret.',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'Optional. The domain Ayrshare assigned to your Business plan for the social-account linking page; needed by Ayrshare Profile → Generate Link.',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'Optional. The private key (PEM) from Ayrshare’s onboarding for your Business plan (the "Social Accounts Linking" page) that signs linking URLs; needed by Ayrshare Profile → Generate Link.',
		},
		{
			displayName: 'X API Key',
			name: 'xApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The API Key (Consumer Key) of your own X Developer App. Since 31 March 2026 Ayrshare rejects X operations without your own X keys; when set, every Ayrshare call sends it in the X-Twitter-OAuth1-Api-Key header.',
		},
		{
			displayName: 'X API Key Secret',
			name: 'xApiKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The API Key Secret of the same X app, sent in the X-Twitter-OAuth1-Api-Secret header. Set it together with X API Key.',
		},
		baseUrlProperty(DEFAULT_AYRSHARE_BASE_URL),
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		url: resolveRequestUrl(requestOptions, credentials.baseUrl, DEFAULT_AYRSHARE_BASE_URL),
		baseURL: undefined,
		headers: {
			...applyProfileKey(requestOptions.headers, credentials.profileKey),
			...byoXKeyHeaders(credentials),
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
		},
	});

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/user' },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message: 'Ayrshare did not accept the API key or the Profile Key',
				},
			},
		],
	};
}
