import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError } from 'n8n-workflow';

import { SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { DEFAULT_AYRSHARE } from '../../../emulator/defaults';
import { XAccountActivity } from '../../../nodes/XAccountActivity/XAccountActivity.node';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: Ayrshare webhook', () => {
	let env: ActionEnv;
	beforeEach(async () => {
		env = await startActionEnv();
	});
	afterEach(() => env.close());

	const register = (extra: Record<string, unknown> = {}, credentials?: ActionEnv['credentials']) =>
		env.run(
			{
				resource: 'ayrshareWebhook',
				operation: 'register',
				action: 'accountActivity',
				url: 'https://example.com/hook',
				...extra,
			},
			credentials ? { credentials } : {},
		);

	const withSecret = (webhookSecret: string) => ({
		...env.credentials,
		ayrshareApi: { ...env.credentials.ayrshareApi, webhookSecret },
	});

	it('register posts action, URL and the credential’s Webhook Secret for the named profile and never outputs the secret', async () => {
		const [item] = await register(
			{ profileKey: SEEDED_PROFILE_KEY },
			withSecret('shh-its-a-secret'),
		);
		expect(item.json).toEqual({
			status: 'success',
			action: 'accountActivity',
			url: 'https://example.com/hook',
			refId: 'emu0client0ref0id',
		});
		const [request] = env.sent();
		expect(request).toMatchObject({
			method: 'POST',
			headers: { 'Profile-Key': SEEDED_PROFILE_KEY },
		});
		expect(pathOf(request)).toBe('/api/hook/webhook');
		expect(request.body).toEqual({
			action: 'accountActivity',
			url: 'https://example.com/hook',
			secret: 'shh-its-a-secret',
		});
		expect(env.emu.state.ayrshare.webhooks[0].secret).toBe('shh-its-a-secret');
	});

	it('register signs with no secret when asked to, or when the credential has none; there is no secret parameter', async () => {
		await register({ signingSecret: 'none' }, withSecret('shh-its-a-secret'));
		expect(env.sent()[0].body).toEqual({
			action: 'accountActivity',
			url: 'https://example.com/hook',
		});
		await register({ signingSecret: 'credential' });
		expect(env.sent()[0].body).toEqual({
			action: 'accountActivity',
			url: 'https://example.com/hook',
		});
		const { properties } = new XAccountActivity().description;
		const ofOperation = (operation: string) =>
			properties.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes('ayrshareWebhook') &&
					p.displayOptions.show.operation?.includes(operation),
			);
		const signing = ofOperation('register').find((p) => p.name === 'signingSecret');
		expect(signing).toMatchObject({ type: 'options', default: 'credential' });
		expect(signing?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'credential',
			'none',
		]);
		for (const operation of ['register', 'rotateSecret']) {
			const fields = ofOperation(operation);
			expect(fields.filter((p) => p.typeOptions?.password)).toEqual([]);
			expect(JSON.stringify(fields.find((p) => p.name === 'options') ?? {})).not.toContain(
				'"secret"',
			);
			expect(fields.map((p) => p.name)).not.toContain('secret');
		}
	});

	it('register takes a free-text action and defaults to the primary profile', async () => {
		const [item] = await register({ action: 'other', customAction: 'mentions' });
		expect(item.json).toMatchObject({ action: 'mentions', refId: 'emu0primary0ref0id' });
		expect(env.sent()[0].headers['Profile-Key']).toBeUndefined();
		expect(env.sent()[0].body).toEqual({ action: 'mentions', url: 'https://example.com/hook' });
	});

	it('getAll returns one item per registered action', async () => {
		await register();
		await register({ action: 'social', url: 'https://example.com/social' });
		const items = await env.run({ resource: 'ayrshareWebhook', operation: 'getAll' });
		expect(items.map((i) => [i.json.action, i.json.url])).toEqual([
			['accountActivity', 'https://example.com/hook'],
			['social', 'https://example.com/social'],
		]);
		expect(env.sent()[0].method).toBe('GET');
	});

	it('getAll makes actions only of URLs, not of the answer’s other fields', async () => {
		const body = {
			status: 'success',
			accountActivity: 'https://example.com/hook',
			social: { url: 'http://example.com/social', created: '2026-01-01T00:00:00Z' },
			lastUpdated: '2026-01-01T00:00:00Z',
			nextUpdate: '2026-01-01T00:01:00Z',
			action: 'list',
			title: 'Emulator Client',
		};
		await env.control('POST', '/_emulator/fail', {
			method: 'GET',
			path: '/api/hook/webhook',
			status: 200,
			body,
		});
		const items = await env.run({ resource: 'ayrshareWebhook', operation: 'getAll' });
		expect(items.map((i) => [i.json.action, i.json.url])).toEqual([
			['accountActivity', 'https://example.com/hook'],
			['social', 'http://example.com/social'],
		]);
	});

	it('rotateSecret makes the credential’s Webhook Secret the new one and keeps the old one for 24 hours', async () => {
		await register({}, withSecret('old-secret-1'));
		const [item] = await env.run(
			{ resource: 'ayrshareWebhook', operation: 'rotateSecret' },
			{ credentials: withSecret('new-secret-2') },
		);
		expect(item.json).toMatchObject({ status: 'success', rotated: true });
		expect(JSON.stringify(item.json)).not.toContain('new-secret-2');
		expect(pathOf(env.sent()[0])).toBe('/api/hook/webhook/secret');
		expect(env.sent()[0].body).toEqual({ secret: 'new-secret-2' });
		expect(env.emu.state.ayrshare.webhooks[0]).toMatchObject({
			secret: 'new-secret-2',
			previousSecret: 'old-secret-1',
		});
	});

	it('rotateSecret with no Webhook Secret in the credential fails before calling Ayrshare', async () => {
		const error = await runError(env, {
			resource: 'ayrshareWebhook',
			operation: 'rotateSecret',
			secret: 'typed-in-secret',
		});
		expect(error.message).toBe('The Ayrshare credential has no Webhook Secret');
		expect(env.sent()).toEqual([]);
	});

	it('unregister removes the action; an unknown one is explained', async () => {
		await register();
		const [item] = await env.run({
			resource: 'ayrshareWebhook',
			operation: 'unregister',
			action: 'accountActivity',
		});
		expect(item.json).toEqual({ status: 'success', action: 'accountActivity' });
		expect(env.sent()[0]).toMatchObject({ method: 'DELETE', body: { action: 'accountActivity' } });
		const error = await runError(env, {
			resource: 'ayrshareWebhook',
			operation: 'unregister',
			action: 'accountActivity',
		});
		expect(error.description).toContain('No webhook registered for the action');
	});

	it('a 429 tells how much of the window is used and when to retry', async () => {
		await env.control('POST', '/_emulator/fail', {
			method: 'GET',
			path: '/api/hook/webhook',
			status: 429,
			headers: { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' },
		});
		const error = await runError(env, { resource: 'ayrshareWebhook', operation: 'getAll' });
		expect(error.message).toBe('Ayrshare rate limit reached');
		expect(error.description).toContain('300 of 300 requests used');
		expect(error.description).toContain('in 5 minutes');
	});

	it('an unreachable Base URL says to check it, with n8n’s reason and without the key', async () => {
		const closed = createServer();
		await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()));
		const { port } = closed.address() as AddressInfo;
		await new Promise((done) => closed.close(done));
		const credentials = {
			...env.credentials,
			ayrshareApi: { ...env.credentials.ayrshareApi, baseUrl: `http://127.0.0.1:${port}/api` },
		};
		const error = await runError(
			env,
			{ resource: 'ayrshareWebhook', operation: 'getAll' },
			{ credentials },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not reach Ayrshare (GET /hook/webhook)');
		expect(error.description).toContain('Check the Base URL in the Ayrshare credential');
		expect(error.description).toContain('refused the connection');
		expect(
			JSON.stringify({ ...error, message: error.message, description: error.description }),
		).not.toContain(DEFAULT_AYRSHARE.apiKey);
	});

	it('a missing credential keeps n8n’s message, not "Could not reach"', async () => {
		const credentials = Object.fromEntries(
			Object.entries(env.credentials).filter(([type]) => type !== 'ayrshareApi'),
		);
		const error = await runError(
			env,
			{ resource: 'ayrshareWebhook', operation: 'getAll' },
			{ credentials },
		);
		expect(error.message).toBe('Node does not have any credentials set for "ayrshareApi"');
	});

	it('a wrong API key is a credential error that does not repeat the key', async () => {
		const credentials = {
			...env.credentials,
			ayrshareApi: { ...env.credentials.ayrshareApi, apiKey: 'wrong-api-key' },
		};
		const error = await runError(
			env,
			{ resource: 'ayrshareWebhook', operation: 'getAll' },
			{ credentials },
		);
		expect(error.message).toBe('Ayrshare did not accept the API key');
		expect(error.description).not.toContain('wrong-api-key');
	});
});
