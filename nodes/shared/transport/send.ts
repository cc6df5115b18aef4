import {
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

/** Webhook requests call X too: missed-event recovery asks for replays when a delivery or CRC arrives. */
export type RequestContext =
	IHookFunctions | IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface ServiceResponse {
	statusCode: number;
	/** The JSON body, or `{}` when there was none: services' error mapping reads fields off it. */
	body: IDataObject;
	headers: IDataObject;
}

export function asObject(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

/**
 * Sends through n8n's credential machinery (the credential authenticates and supplies the base
 * URL) and always returns the answer, whatever its status: each service decides what a failure
 * is. Only "no answer at all" throws here.
 */
export async function sendWithCredential(
	this: RequestContext,
	credentialType: string,
	service: string,
	options: Pick<IHttpRequestOptions, 'method' | 'url' | 'body' | 'qs' | 'headers'>,
): Promise<ServiceResponse> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
			...options,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw unreachable(this.getNode(), error, service, options);
	}
	return {
		statusCode: response.statusCode,
		body: asObject(response.body) as IDataObject,
		headers: asObject(response.headers) as IDataObject,
	};
}

/**
 * n8n-core already wraps every failure of `httpRequestWithAuthentication` in a NodeApiError, and
 * `new NodeApiError(node, aNodeApiError, …)` hands back that same error, dropping our message. So
 * a fresh error is built; only the original message travels on (never the request's headers or
 * config, which hold the credential). A missing credential is not a network problem: it is
 * rethrown as it is (n8n-core wraps its NodeOperationError, marking the wrapper `reWrapped`).
 */
function unreachable(
	node: ReturnType<RequestContext['getNode']>,
	error: unknown,
	service: string,
	options: Pick<IHttpRequestOptions, 'method' | 'url'>,
): Error {
	if (isNodeError(error)) return error;
	const original = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
	const advice = `Check the Base URL in the ${service} credential and that this n8n can reach it.`;
	return new NodeApiError(
		node,
		{ message: original },
		{
			message: `Could not reach ${service} (${options.method ?? 'GET'} ${options.url})`,
			description: original ? `${advice} (${original})` : advice,
		},
	);
}

/** By name, not `instanceof`: n8n-core may load another copy of n8n-workflow than this package. */
function isNodeError(error: unknown): error is Error {
	if (!(error instanceof Error)) return false;
	if (error instanceof NodeOperationError || error.name === 'NodeOperationError') return true;
	return (
		error.name === 'NodeApiError' &&
		(error as { tags?: { reWrapped?: unknown } }).tags?.reWrapped === true
	);
}
