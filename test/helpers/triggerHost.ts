import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions } from 'n8n-workflow';

import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { fakeContext } from './n8nContext';
import { callWebhook } from './webhookRequest';

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

export function emulatorCredentials(
	baseUrl: string,
	consumerSecret = DEFAULT_APP.consumerSecret,
): Record<string, ICredentialDataDecryptedObject> {
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

let hosts = 0;

export async function startTriggerHost(options: {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters?: Record<string, unknown>;
	path?: string;
	/** A fixed port and the static data of an earlier host: the same trigger after an n8n restart. */
	port?: number;
	staticData?: IDataObject;
	/** `manual`: the test URL ("Listen for test event"). */
	mode?: 'webhook' | 'manual';
}): Promise<TriggerHost> {
	const trigger = new XAccountActivityTrigger();
	const staticData: IDataObject = options.staticData ?? {};
	const emitted: IDataObject[][] = [];
	const parameters = { source: 'aaa', events: ['*'], options: {}, ...options.parameters };
	const path = options.path ?? '/webhook/abc/webhook';
	let url = '';
	const workflowId = `workflow-${++hosts}`;
	const base = () =>
		fakeContext({
			parameters,
			credentials: options.credentials,
			staticData,
			webhookUrl: url,
			workflowId,
			mode: options.mode,
		});

	const server: Server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const requestUrl = new URL(req.url ?? '/', 'http://localhost');
		if (requestUrl.pathname !== path) {
			res.writeHead(404).end();
			return;
		}
		const answer = await callWebhook(trigger, base(), {
			method: req.method === 'GET' ? 'GET' : 'POST',
			rawBody: Buffer.concat(chunks),
			headers: req.headers,
			query: Object.fromEntries(requestUrl.searchParams),
		});
		if (answer.items) emitted.push(answer.items);
		res
			.writeHead(answer.status, { 'content-type': 'application/json' })
			.end(JSON.stringify(answer.body ?? {}));
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

	return {
		url,
		staticData,
		emitted,
		hooks: () => base() as unknown as IHookFunctions,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** What n8n does on activation: `create` only when `checkExists` says the registration is missing. */
export async function activateTrigger(host: TriggerHost): Promise<'reused' | 'created'> {
	const { checkExists, create } = new XAccountActivityTrigger().webhookMethods.setup;
	if (await checkExists.call(host.hooks())) return 'reused';
	await create.call(host.hooks());
	return 'created';
}
