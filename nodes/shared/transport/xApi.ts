import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { appBearerToken } from './appToken';
import { type RequestContext, sendWithCredential, type ServiceResponse } from './send';
import { parseXError, xApiError } from './xErrors';

/** `user`: OAuth 1.0a user context (the watched account). `app`: app-only bearer token. */
export type XAuth = 'user' | 'app';

export const X_CREDENTIAL: Record<XAuth, string> = { user: 'xOAuth1UserApi', app: 'xBearerApi' };

export type XRequestContext = RequestContext;

export interface XRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** X error reasons that mean "already as you want it" for this call: answered, not thrown. */
	tolerate?: readonly string[];
}

export interface XResponse {
	body: IDataObject;
	/** Set when X answered with one of the tolerated error reasons. */
	toleratedReason: string | null;
}

/**
 * The one way this package talks to X: the credential signs and supplies the base URL, and
 * every non-2xx answer becomes a NodeApiError that names X's reason and what to do.
 */
export async function xApiCall(
	this: XRequestContext,
	auth: XAuth,
	request: XRequest,
): Promise<XResponse> {
	const options = { method: request.method, url: request.path, body: request.body, qs: request.qs };
	const { statusCode, body, headers } =
		auth === 'app'
			? await sendAsApp.call(this, options)
			: await sendWithCredential.call(this, X_CREDENTIAL.user, 'X', options);
	if (statusCode < 400) return { body, toleratedReason: null };
	const { reason } = parseXError(body);
	if (reason && request.tolerate?.includes(reason)) return { body, toleratedReason: reason };
	throw xApiError(this.getNode(), { statusCode, body, headers });
}

type SendOptions = Parameters<typeof sendWithCredential>[2];

/**
 * App-only calls use the node's X App Bearer Token credential when it has one; otherwise the app's
 * bearer token obtained from the X OAuth1 User credential's keys, re-obtained once if X no longer
 * accepts it (an app's token changes when it is invalidated, developer.x.com "POST oauth2/token").
 */
async function sendAsApp(this: XRequestContext, options: SendOptions): Promise<ServiceResponse> {
	if (this.getNode().credentials?.[X_CREDENTIAL.app])
		return await sendWithCredential.call(this, X_CREDENTIAL.app, 'X', options);
	const send = async (token: string) =>
		await sendWithCredential.call(this, X_CREDENTIAL.user, 'X', {
			...options,
			headers: { ...options.headers, Authorization: `Bearer ${token}` },
		});
	const response = await send(await appBearerToken.call(this, X_CREDENTIAL.user));
	if (response.statusCode !== 401) return response;
	return await send(await appBearerToken.call(this, X_CREDENTIAL.user, { refresh: true }));
}

export async function xApiRequest(
	this: XRequestContext,
	auth: XAuth,
	request: XRequest,
): Promise<IDataObject> {
	return (await xApiCall.call(this, auth, request)).body;
}
