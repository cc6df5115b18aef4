import { SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { DEFAULT_AYRSHARE, SUBSCRIBER_ID } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';

describe('emulator: Ayrshare', () => {
	let emu: Emulator;
	afterEach(() => emu.close());

	const call = async (
		method: string,
		path: string,
		options: { body?: unknown; profileKey?: string; apiKey?: string } = {},
	) => {
		const headers: Record<string, string> = {
			authorization: `Bearer ${options.apiKey ?? DEFAULT_AYRSHARE.apiKey}`,
		};
		if (options.profileKey) headers['profile-key'] = options.profileKey;
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${emu.url}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		return { status: res.status, headers: res.headers, json: (await res.json()) as any };
	};

	it('GET /api/user lists the linked X account in displayNames', async () => {
		emu = await startEmulator();
		const res = await call('GET', '/api/user', { profileKey: SEEDED_PROFILE_KEY });
		expect(res.status).toBe(200);
		expect(res.json.displayNames).toEqual([
			expect.objectContaining({
				platform: 'twitter',
				id: SUBSCRIBER_ID,
				username: 'n8n_user',
				displayName: 'n8n User',
				profileUrl: 'https://x.com/n8n_user',
			}),
		]);
		expect(res.json.activeSocialAccounts).toEqual(['twitter']);
	});

	it('counts requests per profile in x-ratelimit headers and answers 429 over the limit', async () => {
		emu = await startEmulator({ ayrshare: { rateLimit: 2 } });
		const first = await call('GET', '/api/user');
		expect(first.headers.get('x-ratelimit-max')).toBe('2');
		expect(first.headers.get('x-ratelimit-count')).toBe('1');
		await call('GET', '/api/user');
		const limited = await call('GET', '/api/user');
		expect(limited.status).toBe(429);
		expect(limited.json).toMatchObject({ status: 'error', code: 429 });
		// Another profile has its own window.
		expect((await call('GET', '/api/user', { profileKey: SEEDED_PROFILE_KEY })).status).toBe(200);
	});

	it('answers a bad API key with 401 and an unknown profile with 404, in Ayrshare’s error shape', async () => {
		emu = await startEmulator();
		expect(await call('GET', '/api/user', { apiKey: 'nope' })).toMatchObject({
			status: 401,
			json: { status: 'error', code: 102 },
		});
		expect(await call('GET', '/api/user', { profileKey: 'nope' })).toMatchObject({
			status: 404,
			json: { status: 'error' },
		});
		expect(await call('GET', '/api/nothing-here')).toMatchObject({
			status: 404,
			json: { status: 'error' },
		});
	});

	it('keeps profile management for the primary profile', async () => {
		emu = await startEmulator();
		const res = await call('POST', '/api/profiles', {
			body: { title: 'X' },
			profileKey: SEEDED_PROFILE_KEY,
		});
		expect(res.status).toBe(403);
	});

	it('serves canned failures from the fail hook, and reset restores the seeded state', async () => {
		emu = await startEmulator();
		await fetch(`${emu.url}/_emulator/fail`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				method: 'PATCH',
				path: '/api/profiles',
				status: 200,
				body: { status: 'error', code: 999, message: 'canned' },
			}),
		});
		expect(
			await call('PATCH', '/api/profiles', { body: {}, profileKey: SEEDED_PROFILE_KEY }),
		).toMatchObject({ status: 200, json: { message: 'canned' } });
		await call('DELETE', '/api/profiles', { profileKey: SEEDED_PROFILE_KEY });
		expect(emu.state.ayrshare.profiles).toHaveLength(0);
		await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
		expect(emu.state.ayrshare.profiles).toHaveLength(1);
	});
});
