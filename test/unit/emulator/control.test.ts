import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { apiClient, registerAndSubscribe, type ApiClient } from './helpers/api';
import { signatureValid, startReceiver, type Receiver } from './helpers/receiver';

describe('emulator: control API (fail hook, raw deliveries, state, reset) and rate limits', () => {
	let emu: Emulator;
	let api: ApiClient;
	let receiver: Receiver;

	beforeEach(async () => {
		emu = await startEmulator({ rateLimits: { users: 2 } });
		api = apiClient(emu);
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	});
	afterEach(async () => {
		await emu.close();
		await receiver.close();
	});

	it('answers the next `times` matching requests with the canned response, then recovers', async () => {
		await api.control('POST', '/_emulator/fail', {
			method: 'GET',
			path: '/2/webhooks',
			status: 429,
			times: 2,
			headers: { 'x-rate-limit-reset': '1700000000' },
		});
		for (let i = 0; i < 2; i++) {
			const res = await api.bearer('GET', '/2/webhooks');
			expect(res.status).toBe(429);
			expect(res.json).toEqual({
				title: 'Too Many Requests',
				detail: 'Too Many Requests',
				type: 'about:blank',
				status: 429,
			});
			expect(res.headers.get('x-rate-limit-remaining')).toBe('0');
			expect(res.headers.get('x-rate-limit-reset')).toBe('1700000000');
		}
		expect((await api.bearer('GET', '/2/webhooks')).status).toBe(200);
	});

	it('matches :params and serves custom bodies', async () => {
		const body = { errors: [{ message: 'boom' }] };
		await api.control('POST', '/_emulator/fail', {
			method: 'DELETE',
			path: '/2/webhooks/:id',
			status: 500,
			body,
		});
		const res = await api.bearer('DELETE', '/2/webhooks/123');
		expect(res.status).toBe(500);
		expect(res.json).toEqual(body);
		expect((await api.bearer('GET', '/2/webhooks')).status).toBe(200);
	});

	it("enforces per-group rate limits with X's 429", async () => {
		expect((await api.user('GET', '/2/users/me')).status).toBe(200);
		expect((await api.user('GET', '/2/users/me')).status).toBe(200);
		const limited = await api.user('GET', '/2/users/me');
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({
			title: 'Too Many Requests',
			detail: 'Too Many Requests',
			type: 'about:blank',
			status: 429,
		});
		expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
		// Another group keeps its own budget.
		expect((await api.bearer('GET', '/2/webhooks')).status).toBe(200);
	});

	it('delivers raw bodies with a valid, invalid or missing signature', async () => {
		const webhookId = await registerAndSubscribe(api, receiver.url);
		const body = '{"for_user_id":"1","weird":"\\/"}';
		for (const signature of ['valid', 'invalid', 'missing'] as const) {
			const res = await api.control('POST', '/_emulator/x/raw', {
				body,
				signature,
				webhookId,
				contentType: 'text/plain',
			});
			expect(res.json.deliveries).toEqual([expect.objectContaining({ kind: 'raw', status: 200 })]);
		}
		const [valid, invalid, missing] = receiver.posts();
		expect(valid.body).toBe(body);
		expect(valid.headers['content-type']).toBe('text/plain');
		expect(
			signatureValid(
				DEFAULT_APP.consumerSecret,
				valid.body,
				valid.headers['x-twitter-webhooks-signature'],
			),
		).toBe(true);
		expect(invalid.headers['x-twitter-webhooks-signature']).toMatch(/^sha256=/);
		expect(
			signatureValid(
				DEFAULT_APP.consumerSecret,
				invalid.body,
				invalid.headers['x-twitter-webhooks-signature'],
			),
		).toBe(false);
		expect(missing.headers['x-twitter-webhooks-signature']).toBeUndefined();
	});

	it('exposes the state and resets it', async () => {
		await registerAndSubscribe(api, receiver.url);
		await api.control('POST', '/_emulator/x/events', { type: 'post.liked' });
		const state = await api.control('GET', '/_emulator/state');
		expect(state.json.x.webhooks).toHaveLength(1);
		expect(state.json.x.subscriptions).toHaveLength(1);
		expect(state.json.x.deliveries).toHaveLength(1);
		expect(state.json.x.crcChecks).toHaveLength(1);

		await api.control('POST', '/_emulator/reset');
		expect(emu.state.x.webhooks).toHaveLength(0);
		expect(emu.state.x.deliveries).toHaveLength(0);
		expect((await api.bearer('GET', '/2/webhooks')).json).toEqual({ meta: { result_count: 0 } });
	});

	it("answers unknown /2 paths with X's 404 shape", async () => {
		const res = await api.bearer('GET', '/2/tweets/search/stream');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			title: 'Not Found',
			type: 'about:blank',
			status: 404,
			detail: 'Not Found',
		});
	});
});
