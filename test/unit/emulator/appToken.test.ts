import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';

/** `POST /oauth2/token` (developer.x.com "POST oauth2/token"): Basic key:secret → the app's one bearer token. */
describe('emulator: app-only bearer token from the consumer key and secret', () => {
	let emu: Emulator;
	beforeEach(async () => (emu = await startEmulator({ port: 0 })));
	afterEach(async () => emu.close());

	const basic = (key: string, secret: string) =>
		`Basic ${Buffer.from(`${encodeURIComponent(key)}:${encodeURIComponent(secret)}`).toString('base64')}`;
	const token = async (
		authorization: string | undefined,
		body = 'grant_type=client_credentials',
		query = '',
	) => {
		const headers: Record<string, string> = {
			'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
		};
		if (authorization) headers.authorization = authorization;
		const res = await fetch(`${emu.url}/oauth2/token${query}`, { method: 'POST', headers, body });
		return { status: res.status, json: (await res.json()) as any };
	};
	const refused = {
		errors: [
			{ code: 99, label: 'authenticity_token_error', message: 'Unable to verify your credentials' },
		],
	};

	it('answers {token_type, access_token} with the app’s bearer token, the same one every time', async () => {
		const first = await token(basic(DEFAULT_APP.consumerKey, DEFAULT_APP.consumerSecret));
		expect(first).toEqual({
			status: 200,
			json: { token_type: 'bearer', access_token: DEFAULT_APP.bearerToken },
		});
		expect(
			(
				await token(
					basic(DEFAULT_APP.consumerKey, DEFAULT_APP.consumerSecret),
					'',
					'?grant_type=client_credentials',
				)
			).json,
		).toEqual(first.json);
		expect(emu.state.x.appTokensIssued).toBe(2);
		// The token works where X wants app-only authentication.
		const list = await fetch(`${emu.url}/2/webhooks`, {
			headers: { authorization: `Bearer ${first.json.access_token}` },
		});
		expect(list.status).toBe(200);
	});

	it.each([
		['a wrong secret', basic(DEFAULT_APP.consumerKey, 'wrong-secret')],
		['a wrong key', basic('wrong-key', DEFAULT_APP.consumerSecret)],
		['no Basic authentication', undefined],
		['a bearer token instead', `Bearer ${DEFAULT_APP.bearerToken}`],
		['no colon', `Basic ${Buffer.from(DEFAULT_APP.consumerKey).toString('base64')}`],
	])('refuses %s with X’s 403 code 99 and issues nothing', async (_, authorization) => {
		expect(await token(authorization)).toEqual({ status: 403, json: refused });
		expect(emu.state.x.appTokensIssued).toBe(0);
	});

	it('refuses a missing or other grant_type', async () => {
		const auth = basic(DEFAULT_APP.consumerKey, DEFAULT_APP.consumerSecret);
		expect(await token(auth, '')).toEqual({
			status: 403,
			json: {
				errors: [
					{
						code: 170,
						label: 'forbidden_missing_parameter',
						message: 'Missing required parameter: grant_type',
					},
				],
			},
		});
		expect(await token(auth, 'grant_type=password')).toEqual({ status: 403, json: refused });
	});
});
