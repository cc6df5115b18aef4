import { SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: Ayrshare webhook', () => {
	let env: ActionEnv;
	beforeEach(async () => {
		env = await startActionEnv();
	});
	afterEach(() => env.close());

	const register = (extra: Record<string, unknown> = {}) =>
		env.run({ resource: 'ayrshareWebhook', operation: 'register', action: 'accountActivity', url: 'https://example.com/hook', ...extra });

	it('register posts action, URL and secret for the named profile and never outputs the secret', async () => {
		const [item] = await register({ profileKey: SEEDED_PROFILE_KEY, options: { secret: 'shh-its-a-secret' } });
		expect(item.json).toEqual({ status: 'success', action: 'accountActivity', url: 'https://example.com/hook', refId: 'emu0client0ref0id' });
		const [request] = env.sent();
		expect(request).toMatchObject({ method: 'POST', headers: { 'Profile-Key': SEEDED_PROFILE_KEY } });
		expect(pathOf(request)).toBe('/api/hook/webhook');
		expect(request.body).toEqual({ action: 'accountActivity', url: 'https://example.com/hook', secret: 'shh-its-a-secret' });
		expect(env.emu.state.ayrshare.webhooks[0].secret).toBe('shh-its-a-secret');
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

	it('rotateSecret sends the new secret and keeps the old one for 24 hours', async () => {
		await register({ options: { secret: 'old-secret-1' } });
		const [item] = await env.run({ resource: 'ayrshareWebhook', operation: 'rotateSecret', secret: 'new-secret-2' });
		expect(item.json).toMatchObject({ status: 'success', rotated: true });
		expect(JSON.stringify(item.json)).not.toContain('new-secret-2');
		expect(pathOf(env.sent()[0])).toBe('/api/hook/webhook/secret');
		expect(env.sent()[0].body).toEqual({ secret: 'new-secret-2' });
		expect(env.emu.state.ayrshare.webhooks[0]).toMatchObject({ secret: 'new-secret-2', previousSecret: 'old-secret-1' });
	});

	it('unregister removes the action; an unknown one is explained', async () => {
		await register();
		const [item] = await env.run({ resource: 'ayrshareWebhook', operation: 'unregister', action: 'accountActivity' });
		expect(item.json).toEqual({ status: 'success', action: 'accountActivity' });
		expect(env.sent()[0]).toMatchObject({ method: 'DELETE', body: { action: 'accountActivity' } });
		const error = await runError(env, { resource: 'ayrshareWebhook', operation: 'unregister', action: 'accountActivity' });
		expect(error.description).toContain('No webhook registered for the action');
	});

	it('a 429 tells how much of the window is used and when to retry', async () => {
		await env.control('POST', '/_emulator/fail', { method: 'GET', path: '/api/hook/webhook', status: 429, headers: { 'x-ratelimit-max': '300', 'x-ratelimit-count': '300' } });
		const error = await runError(env, { resource: 'ayrshareWebhook', operation: 'getAll' });
		expect(error.message).toBe('Ayrshare rate limit reached');
		expect(error.description).toContain('300 of 300 requests used');
		expect(error.description).toContain('in 5 minutes');
	});

	it('a wrong API key is a credential error that does not repeat the key', async () => {
		const credentials = { ...env.credentials, ayrshareApi: { ...env.credentials.ayrshareApi, apiKey: 'wrong-api-key' } };
		const error = await runError(env, { resource: 'ayrshareWebhook', operation: 'getAll' }, { credentials });
		expect(error.message).toBe('Ayrshare did not accept the API key');
		expect(error.description).not.toContain('wrong-api-key');
	});
});
