import {
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
	type IN8nHttpFullResponse,
	NodeApiError,
} from 'n8n-workflow';

export type RequestContext = IHookFunctions | IExecuteFunctions | ILoadOptionsFunctions;

export interface ServiceResponse {
	statusCode: number;
	/** The JSON body, or `{}` when there was none: services' error mapping reads fields off it. */
	body: IDataObject;
	headers: IDataObject;
}

export function asObject(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
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
		throw new NodeApiError(this.getNode(), error as JsonObject, {
			message: `Could not reach ${service} (${options.method} ${options.url})`,
			description: `Check the Base URL in the ${service} credential and that this n8n can reach it.`,
		});
	}
	return { statusCode: response.statusCode, body: asObject(response.body) as IDataObject, headers: asObject(response.headers) as IDataObject };
}
