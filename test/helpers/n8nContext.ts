import {
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type IN8nHttpFullResponse,
	type JsonObject,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { AyrshareApi } from '../../credentials/AyrshareApi.credentials';
import { XBearerApi } from '../../credentials/XBearerApi.credentials';
import { XOAuth1UserApi } from '../../credentials/XOAuth1UserApi.credentials';

/**
 * A stand-in for the slice of n8n's execution context the nodes use, for unit tests only.
 * HTTP is real: the credential classes' own `authenticate` signs each request and `fetch`
 * sends it, so these tests exercise signing against the emulator. Failures reach the node the
 * way n8n-core 2.8.4 hands them over (request-helper-functions.js, httpRequestWithAuthentication):
 * every one, a missing credential or an unreachable host included, wrapped in a NodeApiError.
 * The e2e suite covers the same paths inside a real n8n.
 */

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	xOAuth1UserApi: new XOAuth1UserApi(),
	xBearerApi: new XBearerApi(),
	ayrshareApi: new AyrshareApi(),
};

export interface FakeContextOptions {
	parameters?: Record<string, unknown>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	staticData?: IDataObject;
	webhookUrl?: string;
	/** Who the trigger is, for its process-level dedupe memory (defaults: one workflow per static-data object, node-1, production). */
	workflowId?: string;
	nodeId?: string;
	mode?: 'webhook' | 'manual';
}

export const fakeNode: INode = {
	id: 'node-1',
	name: 'X Account Activity Trigger',
	type: 'n8n-nodes-x-account-activity.xAccountActivityTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface LoggedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: unknown;
}

export const requestLog: LoggedRequest[] = [];

async function send(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		if (value !== undefined) url.searchParams.set(key, String(value));
	const method = options.method ?? 'GET';
	const hasBody = options.body !== undefined && method !== 'GET';
	requestLog.push({
		method,
		url: url.toString(),
		headers: { ...(options.headers as Record<string, string>) },
		body: hasBody ? options.body : undefined,
	});
	let response: Response;
	try {
		// A string body (a form) is sent as it is, with the caller's content type; objects as JSON.
		const json = hasBody && typeof options.body !== 'string';
		response = await fetch(url, {
			method,
			headers: {
				...(options.headers as Record<string, string>),
				...(json ? { 'content-type': 'application/json' } : {}),
			},
			body: hasBody ? (json ? JSON.stringify(options.body) : String(options.body)) : undefined,
		});
	} catch (error) {
		// fetch says "fetch failed" and keeps the system error in `cause`; axios, which n8n uses,
		// reports the system error itself ("connect ECONNREFUSED …", code ECONNREFUSED).
		const cause = (error as { cause?: { message?: string; code?: string } }).cause;
		throw Object.assign(new Error(cause?.message ?? (error as Error).message), {
			code: cause?.code,
		});
	}
	const text = await response.text();
	let body: IN8nHttpFullResponse['body'] = text;
	try {
		body = text ? JSON.parse(text) : {};
	} catch {
		// Not JSON: keep the text.
	}
	return {
		body,
		headers: Object.fromEntries(response.headers.entries()),
		statusCode: response.status,
		statusMessage: response.statusText,
	};
}

/**
 * The trigger's dedupe memory lives in the process, keyed by workflow and node id: one workflow
 * id per static-data object, so a test that passes the same static data talks to the same
 * trigger, and one that passes fresh static data to a new one.
 */
const workflowIds = new WeakMap<IDataObject, string>();
let workflowCount = 0;
function workflowIdFor(staticData: IDataObject): string {
	let id = workflowIds.get(staticData);
	if (!id) workflowIds.set(staticData, (id = `wf-${++workflowCount}`));
	return id;
}

export function fakeContext(options: FakeContextOptions = {}) {
	const staticData = options.staticData ?? {};
	const credentials = options.credentials ?? {};
	// As in a workflow: the node lists the credentials set on it (n8n's INode.credentials).
	const node: INode = {
		...fakeNode,
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: type, name: type }]),
		),
	};
	const getCredentials = async (type: string) => {
		if (!credentials[type])
			throw new NodeOperationError(
				fakeNode,
				`Node does not have any credentials set for "${type}"`,
				{ level: 'warning' },
			);
		return credentials[type];
	};
	return {
		staticData,
		getNode: () => (options.nodeId ? { ...node, id: options.nodeId } : node),
		getWorkflow: () => ({
			id: options.workflowId ?? workflowIdFor(staticData),
			name: 'Unit test',
			active: true,
		}),
		getMode: () => options.mode ?? 'webhook',
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in (options.parameters ?? {}) ? options.parameters![name] : fallback,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => options.webhookUrl,
		getCredentials,
		getTimezone: () => 'UTC',
		logger: {
			debug: (_message: string) => undefined,
			info: (_message: string) => undefined,
			warn: (_message: string) => undefined,
			error: (_message: string) => undefined,
		} as Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>,
		helpers: {
			returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })),
			async httpRequestWithAuthentication(
				this: { getNode?: () => INode } | undefined,
				type: string,
				requestOptions: IHttpRequestOptions,
			) {
				try {
					const authenticate = CREDENTIAL_TYPES[type].authenticate as (
						c: ICredentialDataDecryptedObject,
						o: IHttpRequestOptions,
					) => Promise<IHttpRequestOptions>;
					const signed = await authenticate(await getCredentials(type), requestOptions);
					const response = await send(signed);
					if (!requestOptions.ignoreHttpStatusErrors && response.statusCode >= 400) {
						throw Object.assign(
							new Error(`Request failed with status code ${response.statusCode}`),
							{ httpCode: String(response.statusCode) },
						);
					}
					return requestOptions.returnFullResponse ? response : response.body;
				} catch (error) {
					// As n8n-core does: `throw new NodeApiError(this.getNode(), error)`.
					throw new NodeApiError(this?.getNode?.() ?? fakeNode, error as JsonObject);
				}
			},
		},
	};
}

/** A recorded express-like response, for webhook handler tests. */
export function fakeResponse() {
	const sent: { status?: number; body?: unknown } = {};
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		json(body: unknown) {
			sent.body = body;
			return res;
		},
	};
	return { res, sent };
}
