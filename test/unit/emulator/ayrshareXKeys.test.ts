import { SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { DEFAULT_APP, DEFAULT_AYRSHARE } from '../../../emulator/defaults';
import { startEmulator, type Emulator, type EmulatorInput } from '../../../emulator/server';

/** Ayrshare's bring-your-own X keys (its "Set Up Your Own X API Key" and generateJWT pages), as the emulator checks them. */
describe('emulator: Ayrshare BYO X keys', () => {
	let emu: Emulator;
	afterEach(() => emu.close());

	const OWN = { key: DEFAULT_APP.consumerKey, secret: DEFAULT_APP.consumerSecret };
	const call = async (
		method: string,
		path: string,
		body: unknown,
		keys: { key?: string; secret?: string } = {},
	) => {
		const headers: Record<string, string> = {
			authorization: `Bearer ${DEFAULT_AYRSHARE.apiKey}`,
			'content-type': 'application/json',
			'profile-key': SEEDED_PROFILE_KEY,
		};
		if (keys.key) headers['x-twitter-oauth1-api-key'] = keys.key;
		if (keys.secret) headers['x-twitter-oauth1-api-secret'] = keys.secret;
		const res = await fetch(`${emu.url}${path}`, { method, headers, body: JSON.stringify(body) });
		return { status: res.status, json: (await res.json()) as any };
	};
	const start = async (input: EmulatorInput = {}) => {
		emu = await startEmulator(input);
		await call('POST', '/api/hook/webhook', {
			action: 'accountActivity',
			url: 'https://example.com/hook',
		});
	};
	const enable = (keys?: { key?: string; secret?: string }) =>
		call('PATCH', '/api/profiles', { xAccountActivityActive: true }, keys);

	it('refuses to switch X Account Activity on without the keys, and switches it on with them', async () => {
		await start();
		expect(await enable()).toMatchObject({
			status: 403,
			json: {
				status: 'error',
				code: 440,
				message: expect.stringContaining('X-Twitter-OAuth1-Api-Key'),
			},
		});
		expect(emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(false);
		expect(await enable(OWN)).toMatchObject({ status: 200, json: { status: 'success' } });
		expect(emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(true);
	});

	it('refuses half a pair and keys of another X app', async () => {
		await start();
		expect(await enable({ key: OWN.key })).toMatchObject({ status: 400, json: { code: 441 } });
		expect(await enable({ secret: OWN.secret })).toMatchObject({
			status: 400,
			json: { code: 441 },
		});
		expect(await enable({ key: OWN.key, secret: 'other' })).toMatchObject({
			status: 401,
			json: { code: 442 },
		});
		expect(emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(false);
	});

	it('lets calls without keys through where they are not needed, or when requireXKeys is off', async () => {
		await start({ ayrshare: { requireXKeys: false } });
		expect((await enable()).status).toBe(200);
		expect((await call('GET', '/api/user', undefined)).status).toBe(200);
	});

	it('checks keys given to generateJWT (the secret is required with the key) and records every request’s keys', async () => {
		await start();
		const link = {
			domain: DEFAULT_AYRSHARE.domain,
			privateKey: DEFAULT_AYRSHARE.privateKey,
			profileKey: SEEDED_PROFILE_KEY,
		};
		const primary = async (keys: { key?: string; secret?: string }) => {
			const headers: Record<string, string> = {
				authorization: `Bearer ${DEFAULT_AYRSHARE.apiKey}`,
				'content-type': 'application/json',
			};
			if (keys.key) headers['x-twitter-oauth1-api-key'] = keys.key;
			if (keys.secret) headers['x-twitter-oauth1-api-secret'] = keys.secret;
			return (
				await fetch(`${emu.url}/api/profiles/generateJWT`, {
					method: 'POST',
					headers,
					body: JSON.stringify(link),
				})
			).status;
		};
		expect(await primary({})).toBe(200);
		expect(await primary({ key: OWN.key })).toBe(400);
		expect(await primary(OWN)).toBe(200);
		expect(emu.state.ayrshare.xKeyRequests.slice(-3)).toEqual([
			{ method: 'POST', path: '/api/profiles/generateJWT', apiKey: null, secretSent: false },
			{ method: 'POST', path: '/api/profiles/generateJWT', apiKey: OWN.key, secretSent: false },
			{ method: 'POST', path: '/api/profiles/generateJWT', apiKey: OWN.key, secretSent: true },
		]);
	});
});
