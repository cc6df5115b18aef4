import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { ayrshareApiError, isAyrshareFailure } from './ayrshareErrors';
import { PROFILE_KEY_HEADER } from './ayrshareProfileKey';
import { type RequestContext, sendWithCredential } from './send';

export const AYRSHARE_CREDENTIAL = 'ayrshareApi';

export type AyrshareRequestContext = RequestContext;

export interface AyrshareRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * The User Profile to act on. Undefined: the credential's Profile Key, if any.
	 * `PRIMARY_PROFILE`: the primary profile even when the credential names one.
	 */
	profileKey?: string;
	/** Appended to rejections: what Ayrshare needs first for this call. */
	hint?: string;
}

/**
 * The one way this package talks to Ayrshare: the credential adds the API key, the profile and
 * the base URL; failures (including a 200 saying `status: "error"`) become NodeApiErrors.
 */
export async function ayrshareApiRequest(
	this: AyrshareRequestContext,
	request: AyrshareRequest,
): Promise<IDataObject> {
	const { statusCode, body, headers } = await sendWithCredential.call(
		this,
		AYRSHARE_CREDENTIAL,
		'Ayrshare',
		{
			method: request.method,
			url: request.path,
			body: request.body,
			qs: request.qs,
			headers: request.profileKey === undefined ? {} : { [PROFILE_KEY_HEADER]: request.profileKey },
		},
	);
	if (!isAyrshareFailure(statusCode, body)) return body;
	throw ayrshareApiError(this.getNode(), { statusCode, body, headers }, request.hint);
}
