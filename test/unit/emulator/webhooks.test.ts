import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { apiClient, type ApiClient } from './helpers/api';
import { startReceiver, type Receiver } from './helpers/receiver';

const INVALID_REQUEST_TYPE = 'https://api.twitter.com/2/problems/invalid-request';

describe('emulator: /2/webhooks with real CRC checks', () => {
	let emu: Emulator;
	let api: ApiClient;
	let receiver: Receiver;

	beforeEach(async () => {
		emu = await startEmulator({ port: 0, webhookLimit: 2, crcTimeoutMs: 200 });
		api = apiClient(emu);
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	});
	afterEach(async () => {
		await emu.close();
		await receiver.close();
	});

	it('sends a CRC GET on register and stores the webhook when the answer is right', async () => {
		const res = await api.bearer('POST', '/2/webhooks', { url: receiver.url });
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual({
			id: expect.stringMatching(/^\d{1,19}$/),
			url: receiver.url,
			valid: true,
			created_at: expect.any(String),
		});

		const [crc] = receiver.requests;
		expect(crc.method).toBe('GET');
		expect(crc.query.get('crc_token')).toBeTruthy();
		expect(crc.query.get('nonce')).toBeTruthy();
		expect(emu.state.x.crcChecks[0]).toMatchObject({
			ok: true,
			crcToken: crc.query.get('crc_token'),
			webhookId: res.json.data.id,
		});

		const list = await api.bearer('GET', '/2/webhooks');
		expect(list.json).toEqual({ data: [res.json.data], meta: { result_count: 1 } });
	});

	it.each([
		['wrong', 'did not match'],
		['error', 'non-200'],
		['slow', 'timed out'],
	] as const)(
		'rejects a %s CRC answer with CrcValidationFailed and stores nothing',
		async (mode, why) => {
			receiver.crcMode = mode;
			const res = await api.bearer('POST', '/2/webhooks', { url: receiver.url });
			expect(res.status).toBe(400);
			expect(res.json.title).toBe('Invalid Request');
			expect(res.json.type).toBe(INVALID_REQUEST_TYPE);
			expect(res.json.errors[0].message).toMatch(/^CrcValidationFailed: /);
			expect(res.json.errors[0].message).toContain(why);
			expect(emu.state.x.webhooks).toHaveLength(0);
		},
	);

	it('answers an empty list without data, as X does', async () => {
		const res = await api.bearer('GET', '/2/webhooks');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ meta: { result_count: 0 } });
	});

	it('refuses duplicate URLs and enforces the webhook limit', async () => {
		expect((await api.bearer('POST', '/2/webhooks', { url: receiver.url })).status).toBe(200);
		const dup = await api.bearer('POST', '/2/webhooks', { url: receiver.url });
		expect(dup.json.errors[0].message).toMatch(/^DuplicateUrlFailed: /);
		expect((await api.bearer('POST', '/2/webhooks', { url: `${receiver.url}2` })).status).toBe(200);
		const over = await api.bearer('POST', '/2/webhooks', { url: `${receiver.url}3` });
		expect(over.status).toBe(400);
		expect(over.json.errors[0].message).toMatch(/^WebhookLimitExceeded: /);
	});

	it('re-validates with PUT: a failing CRC answers 200 valid:false and a passing one re-enables', async () => {
		const id = (await api.bearer('POST', '/2/webhooks', { url: receiver.url })).json.data.id;
		receiver.crcMode = 'wrong';
		const bad = await api.bearer('PUT', `/2/webhooks/${id}`);
		expect(bad.status).toBe(200);
		expect(bad.json).toEqual({ data: { valid: false } });
		expect(emu.state.x.webhooks[0].valid).toBe(false);

		receiver.crcMode = 'correct';
		const good = await api.user('PUT', `/2/webhooks/${id}`);
		expect(good.json).toEqual({ data: { valid: true } });
		expect(receiver.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
	});

	it('deletes webhooks (and their subscriptions) and reports unknown ids as WebhookIdInvalid', async () => {
		const id = (await api.bearer('POST', '/2/webhooks', { url: receiver.url })).json.data.id;
		await api.user('POST', `/2/account_activity/webhooks/${id}/subscriptions/all`);
		expect(emu.state.x.subscriptions).toHaveLength(1);
		expect((await api.bearer('DELETE', `/2/webhooks/${id}`)).json).toEqual({
			data: { deleted: true },
		});
		expect(emu.state.x.subscriptions).toHaveLength(0);
		for (const bad of [id, 'abc', '12345678901234567890']) {
			const res = await api.bearer('DELETE', `/2/webhooks/${bad}`);
			expect(res.status).toBe(400);
			expect(res.json.errors[0].message).toMatch(/^WebhookIdInvalid: /);
		}
	});

	it('checks the bearer token and answers X 401s', async () => {
		const res = await api.bearer('GET', '/2/webhooks', undefined, 'not-the-token');
		expect(res.status).toBe(401);
		expect(res.json).toEqual({
			title: 'Unauthorized',
			type: 'about:blank',
			status: 401,
			detail: 'Unauthorized',
		});
		expect((await api.call('GET', '/2/webhooks', undefined)).status).toBe(401);
	});

	it('lists webhooks with the bearer token only', async () => {
		const res = await api.user('GET', '/2/webhooks');
		expect(res.status).toBe(403);
		expect(res.json.detail).toContain(
			'Supported authentication types are [OAuth 2.0 Application-Only]',
		);
	});

	it('puts rate-limit headers on every response and counts down per group', async () => {
		const first = await api.bearer('GET', '/2/webhooks');
		const second = await api.bearer('GET', '/2/webhooks', undefined, 'wrong');
		expect(first.headers.get('x-rate-limit-limit')).toBe('450');
		expect(first.headers.get('x-rate-limit-remaining')).toBe('449');
		expect(second.headers.get('x-rate-limit-remaining')).toBe('448');
		expect(Number(first.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
	});

	it('escapes slashes in responses the way X does', async () => {
		const res = await api.bearer('POST', '/2/webhooks', { url: receiver.url });
		expect(res.text).toContain('http:\\/\\/127.0.0.1');
	});
});

describe('emulator: strict URL rules', () => {
	it.each([
		'http://example.com/hook',
		'https://example.com:8443/hook',
		'https://example.com/hook?x=1',
		'not a url',
	])('rejects %s with UrlValidationFailed', async (url) => {
		const emu = await startEmulator({ strictUrls: true });
		try {
			const res = await apiClient(emu).bearer('POST', '/2/webhooks', { url });
			expect(res.status).toBe(400);
			expect(res.json.errors[0].message).toMatch(/^UrlValidationFailed: /);
			expect(emu.state.x.crcChecks).toHaveLength(0);
		} finally {
			await emu.close();
		}
	});
});
