import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { fakeContext, fakeResponse } from './n8nContext';

/**
 * Serves one trigger node over real HTTP, the way n8n would route its `setup` (GET) and
 * `default` (POST) webhooks, so the emulator's CRC calls and signed deliveries reach the node's
 * own handler. Unit-test scaffolding: the e2e suite does the same inside a real n8n.
 */
export interface TriggerHost {
	url: string;
	staticData: IDataObject;
	emitted: IDataObject[][];
	hooks: () => IHookFunctions;
	close: () => Promise<void>;
}

export function emulatorCredentials(baseUrl: string, consumerSecret = DEFAULT_APP.consumerSecret): Record<string, ICredentialDataDecryptedObject> {
	const subscriber = DEFAULT_USERS[0];
	return {
		xOAuth1UserApi: {
			consumerKey: DEFAULT_APP.consumerKey,
			consumerSecret,
			accessToken: subscriber.accessToken ?? '',
			accessTokenSecret: subscriber.accessTokenSecret ?? '',
			baseUrl,
		},
		xBearerApi: { bearerToken: DEFAULT_APP.bearerToken, baseUrl },
	};
}

export async function startTriggerHost(options: {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters?: Record<string, unknown>;
	path?: string;
}): Promise<TriggerHost> {
	const trigger = new XAccountActivityTrigger();
	const staticData: IDataObject = {};
	const emitted: IDataObject[][] = [];
	const parameters = { source: 'aaa', events: ['*'], options: {}, ...options.parameters };
	const path = options.path ?? '/webhook/abc/webhook';
	let url = '';
	const base = () => fakeContext({ parameters, credentials: options.credentials, staticData, webhookUrl: url });

	const server: Server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const requestUrl = new URL(req.url ?? '/', 'http://localhost');
		if (requestUrl.pathname !== path) {
			res.writeHead(404).end();
			return;
		}
		const { res: recorded, sent } = fakeResponse();
		const context = {
			...base(),
			getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
			getQueryData: () => Object.fromEntries(requestUrl.searchParams),
			getHeaderData: () => req.headers,
			getRequestObject: () => ({ rawBody: Buffer.concat(chunks), readRawBody: async () => undefined }),
			getResponseObject: () => recorded,
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook.call(context);
		if (result.workflowData) emitted.push(result.workflowData[0].map((entry) => entry.json));
		const status = result.noWebhookResponse ? (sent.status ?? 200) : 200;
		const body = result.noWebhookResponse ? sent.body : result.webhookResponse;
		res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

	return {
		url,
		staticData,
		emitted,
		hooks: () => base() as unknown as IHookFunctions,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** What n8n does on activation: `create` only when `checkExists` says the registration is missing. */
export async function activateTrigger(host: TriggerHost): Promise<'reused' | 'created'> {
	const { checkExists, create } = new XAccountActivityTrigger().webhookMethods.setup;
	if (await checkExists.call(host.hooks())) return 'reused';
	await create.call(host.hooks());
	return 'created';
}
