/**
 * n8n's own "Test credential" (`POST /rest/credentials/test`) for the package's credentials,
 * inside a real n8n against the emulator: the credentials' `authenticate` functions sign the
 * request and their `test` requests pass, and a wrong secret fails without echoing it.
 */
import { resolve } from 'node:path';

import { DEFAULT_APP, DEFAULT_AYRSHARE, DEFAULT_USERS } from '../../emulator/defaults';
import { type Emulator, startEmulator } from '../../emulator/server';
import { type N8nInstance, packPackage, startN8n } from './harness';

let emu: Emulator;
let n8n: N8nInstance;
const SUBSCRIBER = DEFAULT_USERS[0];

beforeAll(async () => {
	const tarball = await packPackage(resolve(__dirname, '../..'));
	emu = await startEmulator({ port: 0, log: () => undefined });
	n8n = await startN8n({ tarball });
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await emu?.close();
});

/** As the editor's "Test" button does: n8n 2.8 tests only stored credentials (by id). */
async function testCredential(type: string, data: Record<string, unknown>) {
	const name = `test ${type} ${Math.random().toString(36).slice(2, 8)}`;
	const { id } = await n8n.createCredential(type, name, data);
	const answer = await n8n.rest<{ data: { status: string; message: string } }>(
		'POST',
		'credentials/test',
		{
			credentials: { id, name, type, data },
		},
	);
	return answer.data;
}

const oauth1 = (overrides: Record<string, unknown> = {}) => ({
	consumerKey: DEFAULT_APP.consumerKey,
	consumerSecret: DEFAULT_APP.consumerSecret,
	accessToken: SUBSCRIBER.accessToken,
	accessTokenSecret: SUBSCRIBER.accessTokenSecret,
	...overrides,
});

test('X OAuth1 User: signed GET /2/users/me passes; a wrong secret fails without being echoed', async () => {
	expect(await testCredential('xOAuth1UserApi', oauth1({ baseUrl: emu.url }))).toMatchObject({
		status: 'OK',
	});
	const failed = await testCredential(
		'xOAuth1UserApi',
		oauth1({ baseUrl: emu.url, accessTokenSecret: 'wrong-token-secret' }),
	);
	expect(failed.status).toBe('Error');
	// n8n shows this message under the credential: what X answered, in X's words, and what to do.
	expect(failed.message).toContain(
		'X answered 401 Unauthorized: “Invalid or missing authentication credentials”',
	);
	expect(failed.message).toContain('Paste the keys and tokens again');
	expect(JSON.stringify(failed)).not.toContain('wrong-token-secret');
});

test('X App Bearer Token: GET /2/webhooks passes; a wrong token fails', async () => {
	expect(
		await testCredential('xBearerApi', { bearerToken: DEFAULT_APP.bearerToken, baseUrl: emu.url }),
	).toMatchObject({ status: 'OK' });
	expect(
		await testCredential('xBearerApi', { bearerToken: 'nope', baseUrl: emu.url }),
	).toMatchObject({
		status: 'Error',
		message: expect.stringContaining('X answered 401 Unauthorized'),
	});
});

test('Ayrshare API: GET /user passes; a wrong key fails', async () => {
	const key = DEFAULT_AYRSHARE.apiKey;
	expect(
		await testCredential('ayrshareApi', { apiKey: key, baseUrl: `${emu.url}/api` }),
	).toMatchObject({ status: 'OK' });
	expect(
		(await testCredential('ayrshareApi', { apiKey: 'nope', baseUrl: `${emu.url}/api` })).status,
	).toBe('Error');
});
