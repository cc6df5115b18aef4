import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { oauth1Header } from '../nodes/shared/crypto/oauth1';
import { baseUrlProperty, DEFAULT_X_BASE_URL, resolveRequestUrl } from '../nodes/shared/transport/url';

export class XOAuth1UserApi implements ICredentialType {
	name = 'xOAuth1UserApi';

	displayName = 'X OAuth1 User API';

	documentationUrl = 'https://github.com/n8n-nodes-x-account-activity/n8n-nodes-x-account-activity#credentials';

	icon: Icon = { light: 'file:x.svg', dark: 'file:x.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'Paste the keys of your X app and the access token of the account to watch, from the app’s "Keys and tokens" page in the X developer portal. The app needs "Read, Write and Direct Messages" permission for DM events.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key (Consumer Key)',
			name: 'consumerKey',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'API Key Secret (Consumer Secret)',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Also signs the answers to X’s webhook checks and verifies every event X sends',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Access token of the X account whose activity you want to receive',
		},
		{
			displayName: 'Access Token Secret',
			name: 'accessTokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		baseUrlProperty(DEFAULT_X_BASE_URL),
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const url = resolveRequestUrl(requestOptions, credentials.baseUrl);
		const authorization = oauth1Header(
			{
				consumerKey: String(credentials.consumerKey ?? ''),
				consumerSecret: String(credentials.consumerSecret ?? ''),
				accessToken: String(credentials.accessToken ?? ''),
				accessTokenSecret: String(credentials.accessTokenSecret ?? ''),
			},
			{ method: requestOptions.method ?? 'GET', url, query: requestOptions.qs },
		);
		return { ...requestOptions, url, baseURL: undefined, headers: { ...requestOptions.headers, Authorization: authorization } };
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/2/users/me' },
	};
}
