import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { type RequestContext, sendWithCredential } from './send';
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
export async function xApiCall(this: XRequestContext, auth: XAuth, request: XRequest): Promise<XResponse> {
	const { statusCode, body, headers } = await sendWithCredential.call(this, X_CREDENTIAL[auth], 'X', {
		method: request.method,
		url: request.path,
		body: request.body,
		qs: request.qs,
	});
	if (statusCode < 400) return { body, toleratedReason: null };
	const { reason } = parseXError(body);
	if (reason && request.tolerate?.includes(reason)) return { body, toleratedReason: reason };
	throw xApiError(this.getNode(), { statusCode, body, headers });
}

export async function xApiRequest(this: XRequestContext, auth: XAuth, request: XRequest): Promise<IDataObject> {
	return (await xApiCall.call(this, auth, request)).body;
}
