import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { oauth1Header } from '../../../emulator/x/auth/oauth1Verifier';
import { ALICE, apiClient, SUBSCRIBER, type ApiClient } from './helpers/api';
import { startReceiver, type Receiver } from './helpers/receiver';

describe('emulator: OAuth 1.0a user context and AAA subscriptions', () => {
	let emu: Emulator;
	let api: ApiClient;
	let receiver: Receiver;
	let webhookId: string;
	const subscribePath = (): string => `/2/account_activity/webhooks/${webhookId}/subscriptions/all`;

	beforeEach(async () => {
		emu = await startEmulator({ subscriptionLimit: 2 });
		api = apiClient(emu);
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = (await api.bearer('POST', '/2/webhooks', { url: receiver.url })).json.data.id;
	});
	afterEach(async () => {
		await emu.close();
		await receiver.close();
	});

	it('answers GET /2/users/me for a correctly signed request', async () => {
		const res = await api.user('GET', '/2/users/me');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			data: { id: SUBSCRIBER.id, name: 'n8n User', username: 'n8n_user' },
		});
		expect((await api.user('GET', '/2/users/me', undefined, ALICE)).json.data.username).toBe(
			'alice',
		);
	});

	it('signs query parameters too', async () => {
		const res = await api.user(
			'GET',
			'/2/users/me?user.fields=verified&expansions=pinned_tweet_id',
		);
		expect(res.status).toBe(200);
	});

	it.each([
		[
			'a tampered signature',
			(h: string) =>
				h.replace(/oauth_signature="[^"]+"/, 'oauth_signature="AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D"'),
		],
		['another consumer key', (h: string) => h.replace('emu-consumer-key', 'other-key')],
		['an unknown token', (h: string) => h.replace(/oauth_token="[^"]+"/, 'oauth_token="nope"')],
		['PLAINTEXT', (h: string) => h.replace('HMAC-SHA1', 'PLAINTEXT')],
	])('refuses %s with 401', async (_name, tamper) => {
		const header = tamper(api.userAuth('POST', subscribePath()));
		const res = await api.call('POST', subscribePath(), undefined, header);
		expect(res.status).toBe(401);
		expect(res.json).toEqual({
			title: 'Unauthorized',
			type: 'about:blank',
			status: 401,
			detail: 'Unauthorized',
		});
		expect(emu.state.x.subscriptions).toHaveLength(0);
	});

	it('refuses a signature made for another path, a stale timestamp and a replayed nonce', async () => {
		const forOtherPath = api.userAuth('POST', '/2/users/me');
		expect((await api.call('POST', subscribePath(), undefined, forOtherPath)).status).toBe(401);

		const creds = {
			consumerKey: DEFAULT_APP.consumerKey,
			consumerSecret: DEFAULT_APP.consumerSecret,
			token: SUBSCRIBER.accessToken!,
			tokenSecret: SUBSCRIBER.accessTokenSecret!,
		};
		const stale = oauth1Header('GET', `${emu.url}/2/users/me`, creds, {
			timestamp: Math.floor(Date.now() / 1000) - 600,
		});
		expect((await api.call('GET', '/2/users/me', undefined, stale)).status).toBe(401);

		const once = api.userAuth('GET', '/2/users/me');
		expect((await api.call('GET', '/2/users/me', undefined, once)).status).toBe(200);
		expect((await api.call('GET', '/2/users/me', undefined, once)).status).toBe(401);
	});

	it('subscribes the authenticating user, then reports duplicates and the limit', async () => {
		const res = await api.user('POST', subscribePath());
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ data: { subscribed: true } });
		expect(emu.state.x.subscriptions).toEqual([
			expect.objectContaining({ webhookId, userId: SUBSCRIBER.id }),
		]);

		expect((await api.user('POST', subscribePath())).json.errors[0].message).toMatch(
			/^DuplicateSubscriptionFailed: /,
		);
		expect((await api.user('POST', subscribePath(), undefined, ALICE)).status).toBe(200);
		emu.options.users.push({
			...ALICE,
			id: '42',
			username: 'third',
			accessToken: '42-t',
			accessTokenSecret: 's',
		});
		try {
			const third = await api.user(
				'POST',
				subscribePath(),
				undefined,
				emu.options.users[emu.options.users.length - 1],
			);
			expect(third.json.errors[0].message).toMatch(/^SubscriptionLimitExceeded: /);
		} finally {
			emu.options.users.pop();
		}
	});

	it('checks the subscription of the authenticating user', async () => {
		expect((await api.user('GET', subscribePath())).json).toEqual({ data: { subscribed: false } });
		await api.user('POST', subscribePath());
		expect((await api.user('GET', subscribePath())).json).toEqual({ data: { subscribed: true } });
		expect((await api.user('GET', subscribePath(), undefined, ALICE)).json).toEqual({
			data: { subscribed: false },
		});
	});

	it('refuses app-only auth on user-context endpoints with 403 naming the accepted types', async () => {
		const res = await api.bearer('POST', subscribePath());
		expect(res.status).toBe(403);
		expect(res.json).toEqual({
			title: 'Unsupported Authentication',
			detail:
				'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
			type: 'https://api.twitter.com/2/problems/unsupported-authentication',
			status: 403,
		});
	});

	it('lists, counts and removes subscriptions with the bearer token', async () => {
		await api.user('POST', subscribePath());
		await api.user('POST', subscribePath(), undefined, ALICE);

		const list = await api.bearer('GET', `${subscribePath()}/list`);
		expect(list.json).toEqual({
			data: {
				application_id: DEFAULT_APP.appId,
				webhook_id: webhookId,
				webhook_url: receiver.url,
				subscriptions: [{ user_id: SUBSCRIBER.id }, { user_id: ALICE.id }],
			},
		});
		expect((await api.user('GET', `${subscribePath()}/list`)).status).toBe(403);

		const count = await api.bearer('GET', '/2/account_activity/subscriptions/count');
		expect(count.json).toEqual({
			data: {
				account_name: DEFAULT_APP.accountName,
				provisioned_count: '2',
				subscriptions_count_all: '2',
				subscriptions_count_direct_messages: '2',
			},
		});

		const removePath = `/2/account_activity/webhooks/${webhookId}/subscriptions/${ALICE.id}/all`;
		expect((await api.bearer('DELETE', removePath)).json).toEqual({ data: { subscribed: false } });
		const again = await api.bearer('DELETE', removePath);
		expect(again.status).toBe(400);
		expect(again.json.errors[0].message).toMatch(/^SubscriptionNotFound: /);
		expect(
			(await api.bearer('GET', '/2/account_activity/subscriptions/count')).json.data
				.subscriptions_count_all,
		).toBe('1');
	});

	it('reports unknown webhooks as WebhookIdInvalid', async () => {
		const res = await api.user('POST', '/2/account_activity/webhooks/999/subscriptions/all');
		expect(res.status).toBe(400);
		expect(res.json.errors[0].message).toMatch(/^WebhookIdInvalid: /);
	});
});
