import type { NodeApiError } from 'n8n-workflow';

import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import { type Emulator, startEmulator } from '../../emulator/server';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import {
	type TriggerHost,
	activateTrigger,
	emulatorCredentials,
	startTriggerHost,
} from '../helpers/triggerHost';
import { apiClient, registerAndSubscribe } from './emulator/helpers/api';

const SUBSCRIBER = DEFAULT_USERS[0];
const { checkExists, create, delete: remove } = new XAccountActivityTrigger().webhookMethods.setup;

let emu: Emulator;
let host: TriggerHost;
const hosts: TriggerHost[] = [];

async function newHost(parameters: Record<string, unknown> = {}, consumerSecret?: string) {
	const created = await startTriggerHost({
		credentials: emulatorCredentials(emu.url, consumerSecret),
		parameters,
	});
	hosts.push(created);
	return created;
}

beforeAll(async () => {
	emu = await startEmulator({ port: 0, log: () => undefined });
});
afterAll(async () => {
	await emu.close();
});
beforeEach(async () => {
	await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
	host = await newHost();
});
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});

const control = (path: string, body?: unknown) =>
	fetch(`${emu.url}/_emulator${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body ?? {}),
	});

const activate = (target = host) => activateTrigger(target);

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a failure');
}

test('activation registers the webhook (passing a real CRC through the node) and subscribes the account', async () => {
	expect(await activate()).toBe('created');
	const { webhooks, subscriptions, crcChecks } = emu.state.x;
	expect(webhooks).toEqual([expect.objectContaining({ url: host.url, valid: true })]);
	expect(crcChecks.some((check) => check.ok && check.url === host.url)).toBe(true);
	expect(subscriptions).toEqual([
		expect.objectContaining({ webhookId: webhooks[0].id, userId: SUBSCRIBER.id }),
	]);
	expect(host.staticData).toMatchObject({
		webhookId: webhooks[0].id,
		webhookCreated: true,
		subscribedUserId: SUBSCRIBER.id,
		subscriptionCreated: true,
	});
	expect(await checkExists.call(host.hooks())).toBe(true);
});

test('injected events reach the node signed and become items', async () => {
	await activate();
	const response = await control('/x/events', { type: 'post.mention' });
	const { deliveries } = (await response.json()) as { deliveries: Array<{ status: number }> };
	expect(deliveries.map((d) => d.status)).toEqual([200]);
	expect(host.emitted).toHaveLength(1);
	expect(host.emitted[0][0]).toMatchObject({
		event: 'post.mention',
		forUserId: SUBSCRIBER.id,
		source: 'aaa',
	});
});

test('deactivation removes the subscription and the webhook it created', async () => {
	await activate();
	await remove.call(host.hooks());
	expect(emu.state.x.webhooks).toEqual([]);
	expect(emu.state.x.subscriptions).toEqual([]);
	expect(host.staticData.webhookId).toBeUndefined();
});

test('a second activation after deactivation leaves exactly one webhook', async () => {
	await activate();
	await remove.call(host.hooks());
	await activate();
	expect(emu.state.x.webhooks).toHaveLength(1);
	expect(emu.state.x.subscriptions).toHaveLength(1);
});

test('activating again without deactivating reuses everything', async () => {
	await activate();
	const before = JSON.stringify(emu.state.x.webhooks);
	expect(await activate()).toBe('reused');
	expect(JSON.stringify(emu.state.x.webhooks)).toBe(before);
	expect(emu.state.x.subscriptions).toHaveLength(1);
});

test('a webhook registered by someone else is reused and left in place on deactivation', async () => {
	const api = apiClient(emu);
	const existing = (await api.bearer('POST', '/2/webhooks', { url: host.url })).json.data
		.id as string;
	expect(await activate()).toBe('created');
	expect(emu.state.x.webhooks.map((w) => w.id)).toEqual([existing]);
	expect(host.staticData).toMatchObject({
		webhookId: existing,
		webhookCreated: false,
		subscriptionCreated: true,
	});
	await remove.call(host.hooks());
	expect(emu.state.x.webhooks.map((w) => w.id)).toEqual([existing]);
	expect(emu.state.x.subscriptions).toEqual([]);
});

test('an existing subscription (DuplicateSubscriptionFailed) is success and is not removed later', async () => {
	const webhookId = await registerAndSubscribe(apiClient(emu), host.url);
	await create.call(host.hooks());
	expect(host.staticData).toMatchObject({
		webhookId,
		webhookCreated: false,
		subscriptionCreated: false,
	});
	await remove.call(host.hooks());
	expect(emu.state.x.subscriptions).toEqual([
		expect.objectContaining({ webhookId, userId: SUBSCRIBER.id }),
	]);
});

test('a webhook X marked invalid is re-validated with PUT', async () => {
	await activate();
	const id = emu.state.x.webhooks[0].id;
	await control(`/x/webhooks/${id}/invalidate`);
	expect(emu.state.x.webhooks[0].valid).toBe(false);
	expect(await checkExists.call(host.hooks())).toBe(true);
	expect(emu.state.x.webhooks[0].valid).toBe(true);
});

test('subscribeOnActivation=false registers only the webhook', async () => {
	const quiet = await newHost({ options: { subscribeOnActivation: false } });
	await activate(quiet);
	expect(emu.state.x.webhooks).toHaveLength(1);
	expect(emu.state.x.subscriptions).toEqual([]);
	expect(await checkExists.call(quiet.hooks())).toBe(true);
});

describe('errors name X’s reason and the fix, and never a secret', () => {
	const noSecrets = (error: unknown) => {
		const text =
			JSON.stringify(error) +
			String((error as Error).message) +
			String((error as { description?: string }).description);
		for (const secret of [
			DEFAULT_APP.consumerSecret,
			DEFAULT_APP.bearerToken,
			SUBSCRIBER.accessTokenSecret ?? '-',
		])
			expect(text).not.toContain(secret);
	};

	test('CRC failure (wrong consumer secret) → CrcValidationFailed advice, nothing left behind', async () => {
		const wrong = await newHost({}, 'not-the-app-secret');
		const error = await failure(activate(wrong));
		// n8n 2.41 shows only the message of an activation error: it carries the description too.
		expect(error.message).toBe(
			`X could not reach or validate your webhook URL: ${error.description}`,
		);
		expect(error.description).toMatch(/public https URL on port 443/);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(emu.state.x.webhooks).toEqual([]);
		noSecrets(error);
	});

	test('subscription failure after registering rolls the new webhook back', async () => {
		await control('/fail', {
			method: 'POST',
			path: '/2/account_activity/webhooks/:id/subscriptions/all',
			status: 403,
			body: { title: 'Forbidden', detail: 'Forbidden', type: 'about:blank', status: 403 },
		});
		const error = await failure(activate());
		// n8n 2.41 shows only the message of an activation error: it carries the description too.
		expect(error.message).toBe(`X refused this request for your app: ${error.description}`);
		expect(error.description).toMatch(/Read, Write and Direct Messages/);
		expect(emu.state.x.webhooks).toEqual([]);
		expect(host.staticData.webhookId).toBeUndefined();
	});

	test('429 says when to retry', async () => {
		const reset = Math.floor(Date.now() / 1000) + 120;
		await control('/fail', {
			method: 'GET',
			path: '/2/webhooks',
			status: 429,
			headers: { 'x-rate-limit-reset': String(reset), 'x-rate-limit-remaining': '0' },
			body: {
				title: 'Too Many Requests',
				detail: 'Too Many Requests',
				type: 'about:blank',
				status: 429,
			},
		});
		const error = await failure(activate());
		// n8n 2.41 shows only the message of an activation error: it carries the description too.
		expect(error.message).toBe(`X rate limit reached: ${error.description}`);
		expect(error.description).toContain(new Date(reset * 1000).toISOString());
		expect(error.httpCode).toBe('429');
	});

	test('a wrong bearer token → credentials advice', async () => {
		const bad = await startTriggerHost({
			credentials: {
				...emulatorCredentials(emu.url),
				xBearerApi: { bearerToken: 'nope', baseUrl: emu.url },
			},
		});
		hosts.push(bad);
		const error = await failure(activate(bad));
		// n8n 2.41 shows only the message of an activation error: it carries the description too.
		expect(error.message).toBe(`X did not accept the credentials: ${error.description}`);
		noSecrets(error);
	});

	test('webhook limit → names the limit and the test-URL trap', async () => {
		const limited = await startEmulator({ port: 0, webhookLimit: 1, log: () => undefined });
		try {
			const other = await startTriggerHost({
				credentials: emulatorCredentials(limited.url),
				path: '/webhook-test/abc/webhook',
			});
			const prod = await startTriggerHost({ credentials: emulatorCredentials(limited.url) });
			hosts.push(other, prod);
			await activate(other);
			const error = await failure(activate(prod));
			// n8n 2.41 shows only the message of an activation error: it carries the description too.
			expect(error.message).toBe(`Your X app has reached its webhook limit: ${error.description}`);
			expect(error.description).toMatch(/Listen for test event/);
		} finally {
			await limited.close();
		}
	});

	test('an unreachable base URL says to check it', async () => {
		const offline = await startTriggerHost({
			credentials: emulatorCredentials('http://127.0.0.1:1'),
		});
		hosts.push(offline);
		const error = await failure(activate(offline));
		expect(error.message).toMatch(/Could not reach X/);
		expect(error.description).toMatch(/Base URL/);
	});
});
