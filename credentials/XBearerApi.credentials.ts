import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { xCredentialTest } from '../nodes/shared/transport/xCredentialTest';
import {
	baseUrlProperty,
	DEFAULT_X_BASE_URL,
	resolveRequestUrl,
} from '../nodes/shared/transport/url';

export class XBearerApi implements ICredentialType {
	name = 'xBearerApi';

	displayName = 'X App Bearer Token API';

	documentationUrl =
		'https://github.com/n8n-nodes-x-account-activity/n8n-nodes-x-account-activity#credentials';

	icon: Icon = { light: 'file:x.svg', dark: 'file:x.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'Optional. Without it, the nodes ask X for this bearer token with the API Key and Secret of the X OAuth1 User credential, so that one credential is enough. Set it to use a token you already have.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app-only bearer token from your X app’s "Keys and tokens" page',
		},
		{
			displayName: 'API Key Secret (Consumer Secret)',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The trigger uses it to answer X’s webhook checks and verify events when no X OAuth1 User credential is set.',
		},
		baseUrlProperty(DEFAULT_X_BASE_URL),
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		url: resolveRequestUrl(requestOptions, credentials.baseUrl),
		baseURL: undefined,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.bearerToken ?? '')}`,
		},
	});

	// Every answer of GET /2/webhooks has `meta`, also when the app has no webhook.
	test: ICredentialTestRequest = xCredentialTest('/2/webhooks', 'meta', 'the app’s webhooks');
}
