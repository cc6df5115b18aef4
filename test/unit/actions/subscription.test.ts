import { DEFAULT_APP, SUBSCRIBER_ID } from '../../../emulator/defaults';
import { startReceiver, type Receiver } from '../emulator/helpers/receiver';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: subscription', () => {
	let env: ActionEnv;
	let receiver: Receiver;
	let webhookId: string;
	beforeEach(async () => {
		env = await startActionEnv({ subscriptionLimit: 1 });
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = (await env.run({ resource: 'webhook', operation: 'create', url: receiver.url }))[0]
			.json.id as string;
	});
	afterEach(async () => {
		await env.close();
		await receiver.close();
	});

	const subscribe = () => env.run({ resource: 'subscription', operation: 'subscribe', webhookId });

	it('subscribe signs with OAuth 1.0a as the credential’s account; a repeat is alreadySubscribed', async () => {
		const [first] = await subscribe();
		expect(first.json).toEqual({ webhookId, subscribed: true, alreadySubscribed: false });
		const [request] = env.sent();
		expect(request.method).toBe('POST');
		expect(pathOf(request)).toBe(`/2/account_activity/webhooks/${webhookId}/subscriptions/all`);
		expect(request.headers.Authorization).toMatch(/^OAuth .*oauth_signature=/);
		const [second] = await subscribe();
		expect(second.json).toEqual({ webhookId, subscribed: true, alreadySubscribed: true });
	});

	it('check answers subscribed true or false', async () => {
		expect(
			(await env.run({ resource: 'subscription', operation: 'check', webhookId }))[0].json,
		).toEqual({ webhookId, subscribed: false });
		await subscribe();
		const [item] = await env.run({ resource: 'subscription', operation: 'check', webhookId });
		expect(item.json).toEqual({ webhookId, subscribed: true });
		expect(env.sent()[0].method).toBe('GET');
	});

	it('getAll lists one item per subscribed account with the app token', async () => {
		await subscribe();
		const items = await env.run({ resource: 'subscription', operation: 'getAll', webhookId });
		expect(items.map((i) => i.json)).toEqual([
			{
				userId: SUBSCRIBER_ID,
				webhookId,
				webhookUrl: receiver.url,
				applicationId: DEFAULT_APP.appId,
			},
		]);
		expect(pathOf(env.sent()[0])).toBe(
			`/2/account_activity/webhooks/${webhookId}/subscriptions/all/list`,
		);
		expect(env.sent()[0].headers.Authorization).toBe(`Bearer ${DEFAULT_APP.bearerToken}`);
	});

	it('count turns X’s string counts into numbers', async () => {
		await subscribe();
		const [item] = await env.run({ resource: 'subscription', operation: 'count' });
		expect(item.json).toMatchObject({
			provisioned_count: 1,
			subscriptions_count_all: 1,
			subscriptions_count_direct_messages: 1,
		});
		expect(pathOf(env.sent()[0])).toBe('/2/account_activity/subscriptions/count');
	});

	it('unsubscribe removes the account; removing it again reports removed: false', async () => {
		await subscribe();
		const params = {
			resource: 'subscription',
			operation: 'unsubscribe',
			webhookId,
			userId: SUBSCRIBER_ID,
		};
		expect((await env.run(params))[0].json).toEqual({
			webhookId,
			userId: SUBSCRIBER_ID,
			subscribed: false,
			removed: true,
		});
		expect(env.sent()[0]).toMatchObject({ method: 'DELETE' });
		expect(pathOf(env.sent()[0])).toBe(
			`/2/account_activity/webhooks/${webhookId}/subscriptions/${SUBSCRIBER_ID}/all`,
		);
		expect((await env.run(params))[0].json).toMatchObject({ removed: false });
	});

	it('explains an unknown webhook and a full plan', async () => {
		const unknown = await runError(env, {
			resource: 'subscription',
			operation: 'check',
			webhookId: '123',
		});
		expect(unknown.message).toBe('X does not know this webhook');
		env.emu.state.x.subscriptions.push({
			webhookId,
			userId: '42',
			createdAt: new Date().toISOString(),
		});
		const full = await runError(env, {
			resource: 'subscription',
			operation: 'subscribe',
			webhookId,
		});
		expect(full.message).toBe('Your X app has reached its subscription limit');
		expect(full.description).toContain('Unsubscribe');
	});

	it('a 403 from X explains plans and permissions', async () => {
		await env.control('POST', '/_emulator/fail', {
			method: 'GET',
			path: '/2/account_activity/subscriptions/count',
			status: 403,
		});
		const error = await runError(env, { resource: 'subscription', operation: 'count' });
		expect(error.message).toBe('X refused this request for your app');
	});
});
