import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { fakeContext, fakeResponse } from './n8nContext';

export interface WebhookRequest {
	method: 'GET' | 'POST';
	rawBody?: Buffer;
	headers?: Record<string, string | string[] | undefined>;
	query?: Record<string, string>;
}

export interface WebhookAnswer {
	status: number;
	body: unknown;
	/** The items of the execution the request started, or null when it started none. */
	items: IDataObject[] | null;
}

/**
 * One request through the trigger's `webhook()` the way n8n routes it: GET to the `setup`
 * webhook, POST to `default`. A handler that answers itself (`noWebhookResponse`) sets the status;
 * otherwise n8n answers 200 with `webhookResponse`.
 */
export async function callWebhook(
	trigger: XAccountActivityTrigger,
	base: ReturnType<typeof fakeContext>,
	request: WebhookRequest,
): Promise<WebhookAnswer> {
	const { res, sent } = fakeResponse();
	const rawBody = request.rawBody ?? Buffer.alloc(0);
	const context = {
		...base,
		getWebhookName: () => (request.method === 'GET' ? 'setup' : 'default'),
		getQueryData: () => request.query ?? {},
		getHeaderData: () => request.headers ?? {},
		getRequestObject: () => ({ rawBody, readRawBody: async () => undefined }),
		getResponseObject: () => res,
	} as unknown as IWebhookFunctions;
	const result = await trigger.webhook.call(context);
	const items = result.workflowData ? result.workflowData[0].map((entry) => entry.json) : null;
	if (result.noWebhookResponse) return { status: sent.status ?? 200, body: sent.body, items };
	return { status: 200, body: result.webhookResponse, items };
}
