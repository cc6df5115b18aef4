import { DEFAULT_APP } from '../../emulator/defaults';
import { startEmulator, type Emulator } from '../../emulator/server';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { XOAuth1UserApi } from '../../credentials/XOAuth1UserApi.credentials';
import { listWebhooks } from '../../nodes/shared/api/xWebhooks';
import { fakeContext, requestLog } from '../helpers/n8nContext';
import { emulatorCredentials } from '../helpers/triggerHost';

/**
 * One X credential is enough: without an X App Bearer Token credential, app-only calls use the
 * app's bearer token that X issues for the OAuth1 credential's API Key and Secret
 * (`POST /oauth2/token`), obtained once and kept in memory.
 */
describe('app bearer token from the X OAuth1 User credential', () => {
	let emu: Emulator;
	beforeEach(async () => (emu = await startEmulator({ port: 0 })));
	afterEach(async () => emu.close());

	const oauth1Only = (baseUrl = emu.url, consumerSecret = DEFAULT_APP.consumerSecret) => ({
		xOAuth1UserApi: emulatorCredentials(baseUrl, consumerSecret).xOAuth1UserApi,
	});
	const list = (credentials: ReturnType<typeof oauth1Only>) =>
		listWebhooks.call(fakeContext({ credentials }) as never);
	const since = (mark: number) =>
		requestLog.slice(mark).map((r) => ({
			method: r.method,
			path: new URL(r.url).pathname,
			auth: r.headers.Authorization,
		}));

	it('asks X for the token with Basic key:secret once, then sends app-only calls with it', async () => {
		const mark = requestLog.length;
		expect(await list(oauth1Only())).toEqual([]);
		expect(await list(oauth1Only())).toEqual([]);
		const basic = `Basic ${Buffer.from(`${DEFAULT_APP.consumerKey}:${DEFAULT_APP.consumerSecret}`).toString('base64')}`;
		expect(since(mark)).toEqual([
			{ method: 'POST', path: '/oauth2/token', auth: basic },
			{ method: 'GET', path: '/2/webhooks', auth: `Bearer ${DEFAULT_APP.bearerToken}` },
			{ method: 'GET', path: '/2/webhooks', auth: `Bearer ${DEFAULT_APP.bearerToken}` },
		]);
		expect(requestLog[mark].body).toBe('grant_type=client_credentials');
		expect(emu.state.x.appTokensIssued).toBe(1);
	});

	it('asks only once when several calls need the token at the same time', async () => {
		const credentials = oauth1Only();
		await Promise.all([list(credentials), list(credentials), list(credentials)]);
		expect(emu.state.x.appTokensIssued).toBe(1);
	});

	it('uses the X App Bearer Token credential when the node has one, and asks X for nothing', async () => {
		const mark = requestLog.length;
		await listWebhooks.call(fakeContext({ credentials: emulatorCredentials(emu.url) }) as never);
		expect(since(mark)).toEqual([
			{ method: 'GET', path: '/2/webhooks', auth: `Bearer ${DEFAULT_APP.bearerToken}` },
		]);
		expect(emu.state.x.appTokensIssued).toBe(0);
	});

	it('obtains a new token once when X stops accepting the cached one', async () => {
		const credentials = oauth1Only();
		await list(credentials);
		await fetch(`${emu.url}/_emulator/fail`, {
			method: 'POST',
			body: JSON.stringify({ method: 'GET', path: '/2/webhooks', status: 401 }),
		});
		expect(await list(credentials)).toEqual([]);
		expect(emu.state.x.appTokensIssued).toBe(2);
	});

	it('explains a refused token in X’s words and never shows the secret', async () => {
		const error = await list(oauth1Only(emu.url, 'a-wrong-secret')).catch(
			(e: Error & { description?: string; httpCode?: string }) => e,
		);
		expect(error).toMatchObject({
			message: 'X did not give an app token for the X OAuth1 User credential',
			httpCode: '403',
			description: expect.stringContaining(
				'X said: “Unable to verify your credentials” (code 99).',
			),
		});
		expect((error as { description: string }).description).toContain(
			'add an X App Bearer Token credential',
		);
		expect(JSON.stringify(error)).not.toContain('a-wrong-secret');
		expect(emu.state.x.appTokensIssued).toBe(0);
	});

	it('keeps a bounded number of tokens: the least recently used is dropped first', async () => {
		// Trailing slashes make distinct credentials (the cache key covers the Base URL) for one server.
		const variant = (i: number) => oauth1Only(emu.url + '/'.repeat(i));
		for (let i = 0; i <= 32; i++) await list(variant(i));
		expect(emu.state.x.appTokensIssued).toBe(33);
		await list(variant(32));
		expect(emu.state.x.appTokensIssued).toBe(33);
		await list(variant(0));
		expect(emu.state.x.appTokensIssued).toBe(34);
	});
});

describe('X OAuth1 User credential: which requests carry the API Key Secret', () => {
	const credential = new XOAuth1UserApi();
	const keys = { ...emulatorCredentials('https://api.x.com').xOAuth1UserApi };
	const auth = async (options: Partial<IHttpRequestOptions>) =>
		String(
			(
				await credential.authenticate(keys, {
					method: 'POST',
					url: '/oauth2/token',
					...options,
				} as IHttpRequestOptions)
			).headers?.Authorization,
		);

	it('uses Basic key:secret only for POST /oauth2/token at its own Base URL', async () => {
		expect(await auth({})).toBe(
			`Basic ${Buffer.from(`${DEFAULT_APP.consumerKey}:${DEFAULT_APP.consumerSecret}`).toString('base64')}`,
		);
		// Any other URL is signed with OAuth 1.0a, which never sends the secret: also one typed in full (an HTTP Request node).
		expect(await auth({ url: 'https://elsewhere.example/oauth2/token' })).toMatch(/^OAuth /);
		expect(await auth({ method: 'GET' })).toMatch(/^OAuth /);
		expect(await auth({ url: '/2/webhooks' })).toMatch(/^OAuth /);
	});

	it('sends a request that already carries the app bearer token with it', async () => {
		expect(
			await auth({
				url: '/2/webhooks',
				method: 'GET',
				headers: { Authorization: 'Bearer app-token' },
			}),
		).toBe('Bearer app-token');
	});
});
