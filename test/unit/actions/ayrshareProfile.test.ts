import { DEFAULT_APP, DEFAULT_AYRSHARE } from '../../../emulator/defaults';
import { newProfile, SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { XAccountActivity } from '../../../nodes/XAccountActivity/XAccountActivity.node';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: Ayrshare profile', () => {
	let env: ActionEnv;
	beforeEach(async () => {
		env = await startActionEnv();
	});
	afterEach(() => env.close());

	const withCredentialProfile = () => ({
		...env.credentials,
		ayrshareApi: { ...env.credentials.ayrshareApi, profileKey: SEEDED_PROFILE_KEY },
	});

	it('create acts on the primary profile even when the credential names a profile, and returns the new key', async () => {
		const [item] = await env.run(
			{
				resource: 'ayrshareProfile',
				operation: 'create',
				title: 'Acme',
				additionalFields: { tags: 'a, b', messagingActive: true, topHeader: '' },
			},
			{ credentials: withCredentialProfile() },
		);
		expect(item.json).toMatchObject({ status: 'success', title: 'Acme' });
		expect(item.json.profileKey).toEqual(expect.any(String));
		const [request] = env.sent();
		expect(request.method).toBe('POST');
		expect(pathOf(request)).toBe('/api/profiles');
		expect(request.headers.Authorization).toBe(`Bearer ${DEFAULT_AYRSHARE.apiKey}`);
		expect(request.headers['Profile-Key']).toBeUndefined();
		expect(request.body).toEqual({ title: 'Acme', tags: ['a', 'b'], messagingActive: true });
	});

	it('create explains Ayrshare’s rejection', async () => {
		const error = await runError(env, {
			resource: 'ayrshareProfile',
			operation: 'create',
			title: 'Emulator Client',
		});
		expect(error.message).toBe('Ayrshare rejected the request');
		expect(error.description).toContain('already exists');
	});

	it('getAll follows nextCursor for Return All and stops at Limit', async () => {
		for (let i = 0; i < 120; i++)
			env.emu.state.ayrshare.profiles.push(newProfile(`P${i}`, `ref${i}`, `key${i}`));
		const all = await env.run({
			resource: 'ayrshareProfile',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all).toHaveLength(121);
		expect(env.sent()).toHaveLength(2);
		expect(new URL(env.sent()[1].url).searchParams.get('cursor')).toBe('ref98');
		expect(
			all.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(all[0].json).not.toHaveProperty('profileKey');

		const limited = await env.run({
			resource: 'ayrshareProfile',
			operation: 'getAll',
			returnAll: false,
			limit: 105,
		});
		expect(limited).toHaveLength(105);
		expect(env.sent().map((r) => new URL(r.url).searchParams.get('limit'))).toEqual(['100', '5']);
	});

	it('getAll Return All stops when Ayrshare repeats a cursor or sends an empty page', async () => {
		const page = (refId: string, cursor: string) => ({
			profiles: [{ title: refId, refId }],
			pagination: { hasMore: true, nextCursor: cursor },
		});
		const fail = (body: unknown, times: number) =>
			env.control('POST', '/_emulator/fail', {
				method: 'GET',
				path: '/api/profiles',
				status: 200,
				body,
				times,
			});
		await fail(page('loop', 'loop'), 5);
		expect(
			(await env.run({ resource: 'ayrshareProfile', operation: 'getAll', returnAll: true })).map(
				(i) => i.json.refId,
			),
		).toEqual(['loop', 'loop']);
		expect(env.sent().map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([
			null,
			'loop',
		]);

		await env.control('POST', '/_emulator/reset');
		await fail(page('first', 'c1'), 1);
		await fail({ profiles: [], pagination: { hasMore: true, nextCursor: 'c2' } }, 5);
		expect(
			(await env.run({ resource: 'ayrshareProfile', operation: 'getAll', returnAll: true })).map(
				(i) => i.json.refId,
			),
		).toEqual(['first']);
		expect(env.sent()).toHaveLength(2);
	});

	it('getAll filters by title', async () => {
		const items = await env.run({
			resource: 'ayrshareProfile',
			operation: 'getAll',
			returnAll: true,
			filters: { title: 'Emulator Client', refId: '' },
		});
		expect(items.map((i) => i.json.title)).toEqual(['Emulator Client']);
		expect(new URL(env.sent()[0].url).searchParams.get('title')).toBe('Emulator Client');
	});

	it('update switches X Account Activity on only after an accountActivity webhook exists (a 200 with status "error" is an error)', async () => {
		const params = {
			resource: 'ayrshareProfile',
			operation: 'update',
			profileKey: SEEDED_PROFILE_KEY,
			updateFields: { xAccountActivityActive: true },
		};
		const refused = await runError(env, params);
		expect(refused.message).toBe('Ayrshare rejected the request');
		expect(refused.description).toContain('Register an accountActivity webhook');
		expect(refused.description).toContain('Ayrshare Webhook → Register');
		expect(refused.httpCode).toBe('200');

		await env.run({
			resource: 'ayrshareWebhook',
			operation: 'register',
			action: 'accountActivity',
			url: 'https://example.com/hook',
			profileKey: SEEDED_PROFILE_KEY,
		});
		const [item] = await env.run(params);
		expect(item.json).toMatchObject({ status: 'success', refId: 'emu0client0ref0id' });
		const [request] = env.sent();
		expect(request.method).toBe('PATCH');
		expect(request.headers['Profile-Key']).toBe(SEEDED_PROFILE_KEY);
		expect(request.body).toEqual({ xAccountActivityActive: true });
		expect(env.emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(true);

		await env.run(
			{ ...params, profileKey: '', updateFields: { xAccountActivityActive: false } },
			{ credentials: withCredentialProfile() },
		);
		expect(env.sent()[0].headers['Profile-Key']).toBe(SEEDED_PROFILE_KEY);
		expect(env.emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(false);
	});

	it('update says, in Ayrshare’s words, when the credential has no X API keys of its own (Ayrshare wants them since 2026-03-31)', async () => {
		await env.run({
			resource: 'ayrshareWebhook',
			operation: 'register',
			action: 'accountActivity',
			url: 'https://example.com/hook',
			profileKey: SEEDED_PROFILE_KEY,
		});
		const { xApiKey, xApiKeySecret, ...withoutKeys } = env.credentials.ayrshareApi;
		expect([xApiKey, xApiKeySecret]).toEqual([DEFAULT_APP.consumerKey, DEFAULT_APP.consumerSecret]);
		const params = {
			resource: 'ayrshareProfile',
			operation: 'update',
			profileKey: SEEDED_PROFILE_KEY,
			updateFields: { xAccountActivityActive: true },
		};
		const error = await runError(env, params, {
			credentials: { ...env.credentials, ayrshareApi: withoutKeys },
		});
		expect(error.message).toBe('Ayrshare needs your own X API keys for this');
		expect(error.description).toContain('X API Key and X API Key Secret');
		expect(error.description).toContain(
			'Ayrshare said: “X operations require your own X API credentials',
		);
		expect(env.emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(false);
		// Keys of another X app: Ayrshare passes on X's refusal.
		const wrong = await runError(env, params, {
			credentials: {
				...env.credentials,
				ayrshareApi: { ...withoutKeys, xApiKey: 'other', xApiKeySecret: 'other-secret' },
			},
		});
		expect(wrong.message).toBe('Ayrshare needs your own X API keys for this');
		expect(JSON.stringify(wrong)).not.toContain('other-secret');
		await env.run(params);
		expect(env.emu.state.ayrshare.profiles[0].xAccountActivityActive).toBe(true);
	});

	it('update says when the account lacks the feature', async () => {
		await env.close();
		env = await startActionEnv({ ayrshare: { accountActivityEnabled: false } });
		const error = await runError(env, {
			resource: 'ayrshareProfile',
			operation: 'update',
			profileKey: SEEDED_PROFILE_KEY,
			updateFields: { xAccountActivityActive: true },
		});
		expect(error.description).toContain('not enabled for your account');
	});

	it('update with nothing to change fails before calling Ayrshare', async () => {
		const error = await runError(env, {
			resource: 'ayrshareProfile',
			operation: 'update',
			updateFields: {},
		});
		expect(error.message).toBe('Nothing to update');
		expect(env.sent()).toEqual([]);
	});

	it('update with no Profile Key in the operation or the credential fails before calling Ayrshare', async () => {
		const error = await runError(env, {
			resource: 'ayrshareProfile',
			operation: 'update',
			profileKey: '',
			updateFields: { title: 'New' },
		});
		expect(error.message).toBe('No Profile Key of the profile to update');
		expect(error.description).toContain('Ayrshare credential');
		expect(env.sent()).toEqual([]);
		const { properties } = new XAccountActivity().description;
		const field = properties.find(
			(p) =>
				p.name === 'profileKey' &&
				p.displayOptions?.show?.resource?.includes('ayrshareProfile') &&
				p.displayOptions.show.operation?.includes('update'),
		);
		expect(field?.description).toContain('Profile Key of the credential');
		expect(field?.description).not.toContain('primary profile');
	});

	it('delete removes the named profile; an unknown key is explained', async () => {
		const [item] = await env.run({
			resource: 'ayrshareProfile',
			operation: 'delete',
			profileKey: SEEDED_PROFILE_KEY,
		});
		expect(item.json).toMatchObject({ status: 'success', deleted: true });
		expect(env.sent()[0]).toMatchObject({
			method: 'DELETE',
			headers: { 'Profile-Key': SEEDED_PROFILE_KEY },
		});
		expect(env.emu.state.ayrshare.profiles).toHaveLength(0);
		const error = await runError(env, {
			resource: 'ayrshareProfile',
			operation: 'delete',
			profileKey: SEEDED_PROFILE_KEY,
		});
		expect(error.message).toBe('Ayrshare could not find what this request names');
		expect(error.description).toContain('Profile Key');
	});

	it('generateLink reads the Domain and Private Key from the credential, returns the linking URL and never repeats the key', async () => {
		const withLinking = (extra: Record<string, string> = {}) => ({
			...withCredentialProfile(),
			ayrshareApi: {
				...withCredentialProfile().ayrshareApi,
				domain: DEFAULT_AYRSHARE.domain,
				privateKey: DEFAULT_AYRSHARE.privateKey,
				...extra,
			},
		});
		const params = {
			resource: 'ayrshareProfile',
			operation: 'generateLink',
			options: { expiresIn: 10 },
		};
		const [item] = await env.run(params, { credentials: withLinking() });
		expect(item.json.url).toMatch(/^https:\/\/profile\.ayrshare\.com\?domain=emu&jwt=/);
		expect(JSON.stringify(item.json)).not.toContain('emu-ayrshare-private-key');
		const [request] = env.sent();
		expect(pathOf(request)).toBe('/api/profiles/generateJWT');
		expect(request.body).toMatchObject({
			domain: 'emu',
			privateKey: DEFAULT_AYRSHARE.privateKey,
			profileKey: SEEDED_PROFILE_KEY,
			expiresIn: 10,
		});
		expect(request.headers['Profile-Key']).toBeUndefined();

		// The operation's Domain, when set, wins over the credential's.
		const overridden = await runError(
			env,
			{ ...params, domain: 'other' },
			{ credentials: withLinking() },
		);
		expect(overridden.description).toContain('Domain not valid');
		expect(env.sent()[0].body).toMatchObject({ domain: 'other' });

		const error = await runError(env, params, {
			credentials: withLinking({ privateKey: 'wrong-secret-key' }),
		});
		expect(error.description).toContain('Private key not valid');
		expect(`${error.message} ${error.description}`).not.toContain('wrong-secret-key');

		const noKey = await runError(env, params, { credentials: withLinking({ privateKey: '' }) });
		expect(noKey.message).toBe('No Private Key in the Ayrshare credential');
		const noDomain = await runError(env, params, { credentials: withLinking({ domain: '' }) });
		expect(noDomain.message).toBe('No Domain to generate the link for');
		expect(env.sent()).toEqual([]);

		const missing = await runError(env, params, {
			credentials: {
				...env.credentials,
				ayrshareApi: { ...env.credentials.ayrshareApi, domain: 'emu', privateKey: 'k' },
			},
		});
		expect(missing.message).toBe('No Profile Key to generate the link for');
	});

	it('generateLink has no Private Key parameter: secrets stay in the credential', () => {
		const names = new XAccountActivity().description.properties
			.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes('ayrshareProfile') &&
					p.displayOptions.show.operation?.includes('generateLink'),
			)
			.map((p) => p.name);
		expect(names).not.toContain('privateKey');
		expect(names).toContain('domain');
	});
});
