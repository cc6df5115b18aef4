import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { oauth1Header } from '../nodes/shared/crypto/oauth1';
import { appTokenBasicAuth, isAppTokenRequest } from '../nodes/shared/transport/appToken';
import { xCredentialTest } from '../nodes/shared/transport/xCredentialTest';
import {
	baseUrlProperty,
	DEFAULT_X_BASE_URL,
	resolveRequestUrl,
} from '../nodes/shared/transport/url';

export class XOAuth1UserApi implements ICredentialType {
	name = 'xOAuth1UserApi';

	displayName = 'X OAuth1 User API';

	documentationUrl =
		'https://github.com/n8n-nodes-x-account-activity/n8n-nodes-x-account-activity#credentials';

	icon: Icon = { light: 'file:x.svg', dark: 'file:x.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'Paste the keys of your X app and the access token of the account to watch, from the app’s "Keys and tokens" page in the X developer portal. The app needs "Read, Write and Direct Messages" permission for DM events. This credential is enough on its own: the nodes get the app’s bearer token from the API Key and Secret when no X App Bearer Token credential is set.',
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
			description:
				'Also signs the answers to X’s webhook checks, verifies every event X sends, and gets the app’s bearer token',
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

	/**
	 * OAuth 1.0a signs every request as the watched account. Two exceptions let this one credential
	 * do the app-only calls too (the nodes do this when no X App Bearer Token credential is set):
	 * X's `POST /oauth2/token` takes the API Key and Secret as HTTP Basic (docs.x.com "App only
	 * authentication and OAuth 2.0 Bearer Token"), and a request that already carries the app
	 * bearer token obtained that way is sent with it as it is.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const url = resolveRequestUrl(requestOptions, credentials.baseUrl);
		const consumerKey = String(credentials.consumerKey ?? '');
		const consumerSecret = String(credentials.consumerSecret ?? '');
		const preset = requestOptions.headers?.Authorization;
		let authorization: string;
		// Basic carries the secret itself, so only to the credential's own Base URL (a relative path), never to a URL typed elsewhere.
		const toBaseUrl = !/^https?:\/\//i.test(requestOptions.url);
		if (toBaseUrl && isAppTokenRequest(requestOptions.method, url))
			authorization = appTokenBasicAuth(consumerKey, consumerSecret);
		else if (typeof preset === 'string' && /^Bearer\s/.test(preset)) authorization = preset;
		else {
			authorization = oauth1Header(
				{
					consumerKey,
					consumerSecret,
					accessToken: String(credentials.accessToken ?? ''),
					accessTokenSecret: String(credentials.accessTokenSecret ?? ''),
				},
				{ method: requestOptions.method ?? 'GET', url, query: requestOptions.qs },
			);
		}
		return {
			...requestOptions,
			url,
			baseURL: undefined,
			headers: { ...requestOptions.headers, Authorization: authorization },
		};
	};

	test: ICredentialTestRequest = xCredentialTest(
		'/2/users/me',
		'data.id',
		'the account of the access token',
	);
}
