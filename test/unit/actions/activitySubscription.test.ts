import { DEFAULT_APP, SUBSCRIBER_ID } from '../../../emulator/defaults';
import type { ActivitySubscription } from '../../../emulator/x/state';
import { startReceiver, type Receiver } from '../emulator/helpers/receiver';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

const BEARER = `Bearer ${DEFAULT_APP.bearerToken}`;
const OAUTH = /^OAuth .*oauth_signature=/;
const ALICE = '2244994945';

describe('action node: activity subscription (X Activity API)', () => {
	let env: ActionEnv;
	let receiver: Receiver;
	let webhookId: string;
	beforeEach(async () => {
		env = await startActionEnv();
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = (await env.run({ resource: 'webhook', operation: 'create', url: receiver.url }))[0].json.id as string;
	});
	afterEach(async () => {
		await env.close();
		await receiver.close();
	});

	const create = (parameters: Record<string, unknown>, extra?: Parameters<ActionEnv['run']>[1]) =>
		env.run({ resource: 'activitySubscription', operation: 'create', webhookId, filter: {}, options: {}, ...parameters }, extra);
	const createError = (parameters: Record<string, unknown>) =>
		runError(env, { resource: 'activitySubscription', operation: 'create', webhookId, filter: {}, options: {}, ...parameters });
	const without = (name: string) => Object.fromEntries(Object.entries(env.credentials).filter(([key]) => key !== name));
	const seed = (count: number, extra: Partial<ActivitySubscription> = {}) => {
		const now = new Date().toISOString();
		for (let i = 0; i < count; i++) {
			env.emu.state.x.activitySubscriptions.push({
				subscription_id: String(9000 + env.emu.state.x.activitySubscriptions.length),
				event_type: 'post.create',
				filter: { user_id: SUBSCRIBER_ID },
				created_at: now,
				updated_at: now,
				...extra,
			});
		}
	};

	describe('create', () => {
		it('a public type reads the account from the OAuth1 credential, then subscribes with the app token', async () => {
			const [item] = await create({ eventType: 'post.create', options: { tag: 'crm' } });
			const [me, post] = env.sent();
			expect([me.method, pathOf(me)]).toEqual(['GET', '/2/users/me']);
			expect(me.headers.Authorization).toMatch(OAUTH);
			expect([post.method, pathOf(post)]).toEqual(['POST', '/2/activity/subscriptions']);
			expect(post.headers.Authorization).toBe(BEARER);
			expect(post.body).toEqual({ event_type: 'post.create', filter: { user_id: SUBSCRIBER_ID }, tag: 'crm', webhook_id: webhookId });
			expect(item).toEqual({
				json: expect.objectContaining({ subscription_id: expect.stringMatching(/^\d+$/), event_type: 'post.create', tag: 'crm', webhook_id: webhookId }),
				pairedItem: { item: 0 },
			});
		});

		it.each(['post.mention.create', 'post.reply.create', 'post.quote.create', 'post.repost.create', 'like.create', 'broadcast.chat'])(
			'%s is private at X: created with the account’s OAuth1 token, for that account',
			async (eventType) => {
				const [item] = await create({ eventType }, { credentials: without('xBearerApi') });
				expect(env.sent().map((r) => [pathOf(r), OAUTH.test(r.headers.Authorization)])).toEqual([
					['/2/users/me', true],
					['/2/activity/subscriptions', true],
				]);
				expect(item.json).toMatchObject({ event_type: eventType, filter: { user_id: SUBSCRIBER_ID } });
			},
		);

		it('a typed User ID is sent as is for a public type, with no OAuth1 credential needed; a private type refuses another account', async () => {
			await create({ eventType: 'post.create', filter: { userId: ALICE } }, { credentials: without('xOAuth1UserApi') });
			const sent = env.sent();
			expect(sent).toHaveLength(1);
			expect(sent[0].body).toEqual({ event_type: 'post.create', filter: { user_id: ALICE }, webhook_id: webhookId });
			const other = await createError({ eventType: 'like.create', filter: { userId: ALICE } });
			expect(other.message).toBe('like.create subscriptions can only be for the account of the X OAuth1 User credential');
			expect(other.description).toContain(`here ${SUBSCRIBER_ID}; User ID was ${ALICE}`);
			expect(env.sent().map(pathOf)).toEqual(['/2/users/me']);
		});

		it('Direction is sent for likes, direct messages and chat; Both sends none', async () => {
			await create({ eventType: 'like.create', filter: { direction: 'outbound' } });
			expect(env.sent()[1].body).toEqual({ event_type: 'like.create', filter: { user_id: SUBSCRIBER_ID, direction: 'outbound' }, webhook_id: webhookId });
			await create({ eventType: 'dm.received', filter: { direction: 'both' } });
			expect(env.sent()[1].body).toMatchObject({ filter: { user_id: SUBSCRIBER_ID } });
		});

		it('a private type signs both calls as the account and needs no bearer token', async () => {
			const [item] = await create({ eventType: 'dm.received' }, { credentials: without('xBearerApi') });
			expect(env.sent().map((r) => [pathOf(r), OAUTH.test(r.headers.Authorization)])).toEqual([
				['/2/users/me', true],
				['/2/activity/subscriptions', true],
			]);
			expect(item.json).toMatchObject({ event_type: 'dm.received', filter: { user_id: SUBSCRIBER_ID } });
		});

		it('without a Webhook ID the subscription delivers to the stream only', async () => {
			const [item] = await create({ eventType: 'follow.follow', webhookId: '' });
			expect(env.sent()[1].body).toEqual({ event_type: 'follow.follow', filter: { user_id: SUBSCRIBER_ID } });
			expect(item.json.webhook_id).toBeNull();
		});

		it('keyword and app-wide types need no account', async () => {
			const noOAuth = { credentials: without('xOAuth1UserApi') };
			const missing = await createError({ eventType: 'news.new' });
			expect(missing.message).toBe('news.new subscriptions need a Keyword');
			expect(env.sent()).toEqual([]);
			await create({ eventType: 'news.new', filter: { keyword: 'n8n' } }, noOAuth);
			expect(env.sent().map((r) => r.body)).toEqual([{ event_type: 'news.new', filter: { keyword: 'n8n' }, webhook_id: webhookId }]);
			// Values left in the hidden collection are not sent: X takes exactly `{}` for oauth.revoke.
			await create({ eventType: 'oauth.revoke', filter: { userId: ALICE, direction: 'inbound' } }, noOAuth);
			expect(env.sent()[0].body).toMatchObject({ event_type: 'oauth.revoke', filter: {} });
		});

		it('"Other" takes a typed name and picks the credential by its family', async () => {
			await create({ eventType: 'other', customEventType: 'chat.sent' }, { credentials: without('xBearerApi') });
			expect(env.sent()[1].headers.Authorization).toMatch(OAUTH);
			const unknown = await createError({ eventType: 'other', customEventType: 'profile.update.pinned_post' });
			expect(unknown.message).toBe('X does not know this event type');
			expect(unknown.description).toContain('InvalidEventType');
			expect((await createError({ eventType: 'other', customEventType: ' ' })).message).toBe('Enter the Event Type Name');
		});

		it('refuses Direction on mutes, blocks and follows before subscribing: X documents it for none of them', async () => {
			for (const eventType of ['mute.mute', 'block.unblock', 'follow.unfollow']) {
				const error = await createError({ eventType, filter: { direction: 'inbound' } });
				expect(error.message).toBe(`Direction cannot be used with ${eventType} subscriptions`);
				expect(error.description).toContain('X takes a direction only for likes, direct messages and chat');
				expect(env.sent().filter((r) => pathOf(r) === '/2/activity/subscriptions')).toEqual([]);
			}
		});

		it('explains X’s filter errors: an unknown field, another account on an actor-only type', async () => {
			await env.control('POST', '/_emulator/fail', {
				method: 'POST',
				path: '/2/activity/subscriptions',
				status: 400,
				body: { errors: [{ message: 'InvalidFilter: Unknown filter field(s): lang.' }], title: 'Invalid Request' },
			});
			const unknownField = await createError({ eventType: 'post.create', filter: { userId: ALICE } });
			expect(unknownField.message).toBe('X rejected the subscription filter');
			expect(unknownField.description).toContain('Unknown filter field(s): lang.');
			await env.control('POST', '/_emulator/fail', {
				method: 'POST',
				path: '/2/activity/subscriptions',
				status: 400,
				body: { errors: [{ message: 'InvalidFilter: keyword is not allowed for post.create.' }], title: 'Invalid Request' },
			});
			const notForType = await createError({ eventType: 'post.create' });
			expect(notForType.message).toBe('X rejected the subscription filter');
			expect(notForType.description).toContain('keyword is not allowed for post.create.');
		});

		it('explains a full plan, a rate limit and an event type the plan lacks', async () => {
			seed(1500);
			const full = await createError({ eventType: 'post.create', filter: { userId: ALICE } });
			expect(full.message).toBe('Your X app has reached its subscription limit');
			expect(full.description).toContain('Activity Subscription → Delete');
			await env.control('POST', '/_emulator/fail', { method: 'POST', path: '/2/activity/subscriptions', status: 429, headers: { 'x-rate-limit-reset': '4102444800' } });
			expect((await createError({ eventType: 'post.create', filter: { userId: ALICE } })).message).toBe('X rate limit reached');
			await env.close();
			env = await startActionEnv({ xaaRefusedEventTypes: ['dm.sent'] });
			const refused = await runError(env, { resource: 'activitySubscription', operation: 'create', eventType: 'dm.sent', filter: {}, options: {} });
			expect(refused.message).toBe('X refused this request for your app');
			expect(refused.description).toContain('not permitted to subscribe to dm.sent');
		});

		it.each([
			['data[]', (s: object) => ({ data: [s] })],
			['a flat data with a numeric id', (s: object) => ({ data: { ...s, subscription_id: undefined, id: 77 } })],
		])('reads the %s answer shape', async (_name, shape) => {
			const subscription = { subscription_id: '55', event_type: 'post.create', filter: { user_id: ALICE }, created_at: '2026-01-01T00:00:00.000Z' };
			await env.control('POST', '/_emulator/fail', { method: 'POST', path: '/2/activity/subscriptions', status: 200, body: shape(subscription) });
			const [item] = await create({ eventType: 'post.create', filter: { userId: ALICE } });
			expect(item.json).toMatchObject({ subscription_id: expect.stringMatching(/^(55|77)$/), event_type: 'post.create', tag: null, webhook_id: null });
		});
	});

	describe('getAll', () => {
		const getAll = (parameters: Record<string, unknown>) => env.run({ resource: 'activitySubscription', operation: 'getAll', filters: {}, ...parameters });

		it('asks for X’s largest page (1000), as the spec’s answer has no cursor: 150 subscriptions in one call', async () => {
			seed(150);
			const all = await getAll({ returnAll: true });
			expect(all).toHaveLength(150);
			expect(all[149].pairedItem).toEqual({ item: 0 });
			expect(env.sent().map((r) => new URL(r.url).searchParams.get('max_results'))).toEqual(['1000']);
			expect(env.sent()[0].headers.Authorization).toBe(BEARER);
		});

		it('Return All still follows a pagination_token when X sends one; Limit stops after the first page', async () => {
			await env.close();
			env = await startActionEnv({ activityListCursor: true });
			seed(1200);
			expect(await getAll({ returnAll: true })).toHaveLength(1200);
			const pages = env.sent().map((r) => new URL(r.url).searchParams);
			expect(pages.map((q) => [q.get('max_results'), q.get('pagination_token') === null])).toEqual([
				['1000', true],
				['1000', false],
			]);
			expect(await getAll({ returnAll: false, limit: 5 })).toHaveLength(5);
			expect(env.sent()).toHaveLength(1);
		});

		it('filters locally by event type, tag and webhook, counting the limit in matches', async () => {
			seed(120);
			seed(2, { event_type: 'dm.received', tag: 'support', webhook_id: webhookId });
			seed(1, { event_type: 'dm.received', tag: 'other' });
			const items = await getAll({ returnAll: false, limit: 1, filters: { eventType: 'dm.received', tag: 'support', webhookId } });
			expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ event_type: 'dm.received', tag: 'support', webhook_id: webhookId })]);
			expect(env.sent()).toHaveLength(1);
		});

		it('Return All stops when X repeats a pagination token or sends an empty page', async () => {
			const page = (id: string, token: string) => ({ data: [{ subscription_id: id, event_type: 'post.create', filter: {} }], meta: { result_count: 1, next_token: token } });
			const fail = (body: unknown, times: number) => env.control('POST', '/_emulator/fail', { method: 'GET', path: '/2/activity/subscriptions', status: 200, body, times });
			await fail(page('1', 'same'), 5);
			expect((await getAll({ returnAll: true })).map((i) => i.json.subscription_id)).toEqual(['1', '1']);
			expect(env.sent().map((r) => new URL(r.url).searchParams.get('pagination_token'))).toEqual([null, 'same']);

			await env.control('POST', '/_emulator/reset');
			await fail(page('2', 't1'), 1);
			await fail({ data: [], meta: { result_count: 0, next_token: 't2' } }, 5);
			expect((await getAll({ returnAll: true })).map((i) => i.json.subscription_id)).toEqual(['2']);
			expect(env.sent()).toHaveLength(2);
		});

		it('reads a list answer with meta.total_subscriptions and no data as empty', async () => {
			await env.control('POST', '/_emulator/fail', { method: 'GET', path: '/2/activity/subscriptions', status: 200, body: { meta: { total_subscriptions: 0 } } });
			expect(await getAll({ returnAll: true })).toEqual([]);
		});
	});

	describe('update', () => {
		const update = (subscriptionId: string, updateFields: Record<string, unknown>) =>
			env.run({ resource: 'activitySubscription', operation: 'update', subscriptionId, updateFields });

		it('sends only the tag and webhook, with the app token', async () => {
			const id = (await create({ eventType: 'post.create', webhookId: '' }))[0].json.subscription_id as string;
			const [item] = await update(id, { tag: 'moved', webhookId });
			const [request] = env.sent();
			expect([request.method, pathOf(request), request.headers.Authorization]).toEqual(['PUT', `/2/activity/subscriptions/${id}`, BEARER]);
			expect(request.body).toEqual({ tag: 'moved', webhook_id: webhookId });
			expect(item.json).toMatchObject({ subscription_id: id, tag: 'moved', webhook_id: webhookId });
		});

		it('refuses an empty update and explains an unknown id', async () => {
			const empty = await runError(env, { resource: 'activitySubscription', operation: 'update', subscriptionId: '1', updateFields: { tag: ' ' } });
			expect(empty.message).toBe('Nothing to update');
			const unknown = await runError(env, { resource: 'activitySubscription', operation: 'update', subscriptionId: '404', updateFields: { tag: 'x' } });
			expect(unknown.message).toBe('X does not know this subscription');
			expect(unknown.httpCode).toBe('404');
		});
	});

	describe('delete', () => {
		const remove = (subscriptionIds: unknown, extra?: Parameters<ActionEnv['run']>[1]) =>
			env.run({ resource: 'activitySubscription', operation: 'delete', subscriptionIds }, extra);

		it('deletes many ids in one bulk call and answers one item per id, failures included', async () => {
			seed(2);
			const items = await remove('9000, 9001,404,9000');
			const [request] = env.sent();
			expect([request.method, pathOf(request), request.headers.Authorization]).toEqual(['DELETE', '/2/activity/subscriptions', BEARER]);
			expect(new URL(request.url).searchParams.get('ids')).toBe('9000,9001,404');
			expect(items.map((i) => i.json)).toEqual([
				{ id: '9000', deleted: true },
				{ id: '9001', deleted: true },
				{ id: '404', deleted: false, error: 'Subscription 404 does not exist.', reason: 'SubscriptionNotFound' },
			]);
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
			expect(env.emu.state.x.activitySubscriptions).toEqual([]);
		});

		it('takes an array expression and splits large lists into batches', async () => {
			seed(130);
			const ids = env.emu.state.x.activitySubscriptions.map((s) => s.subscription_id);
			const items = await remove(ids);
			expect(env.sent().map((r) => new URL(r.url).searchParams.get('ids')!.split(',').length)).toEqual([100, 30]);
			expect(items.every((i) => i.json.deleted === true)).toBe(true);
		});

		it('reads the older object answer too, with per-id errors named in a field or in the text', async () => {
			await env.control('POST', '/_emulator/fail', {
				method: 'DELETE',
				path: '/2/activity/subscriptions',
				status: 200,
				body: { data: { deleted: true }, errors: [{ resource_id: '2', message: 'SubscriptionNotFound: subscription 2 does not exist.' }, { message: 'Subscription 3 belongs to another app' }] },
			});
			expect((await remove(['1', '2', '3'])).map((i) => i.json)).toEqual([
				{ id: '1', deleted: true },
				{ id: '2', deleted: false, error: 'SubscriptionNotFound: subscription 2 does not exist.', reason: 'SubscriptionNotFound' },
				{ id: '3', deleted: false, error: 'Subscription 3 belongs to another app' },
			]);
		});

		it('in the spec’s per-id answer, an id X reports as not deleted or leaves out is not deleted', async () => {
			await env.control('POST', '/_emulator/fail', {
				method: 'DELETE',
				path: '/2/activity/subscriptions',
				status: 200,
				body: { data: [{ deleted: true, subscription_id: '1' }, { deleted: false, subscription_id: '2' }], meta: { total_subscriptions: 5 } },
			});
			expect((await remove(['1', '2', '3'])).map((i) => i.json)).toEqual([
				{ id: '1', deleted: true },
				{ id: '2', deleted: false, error: 'X answered deleted: false and gave no reason' },
				{ id: '3', deleted: false, error: 'X did not report this id' },
			]);
		});

		it('reports a failure X does not attribute to an id on every id of the batch', async () => {
			await env.control('POST', '/_emulator/fail', {
				method: 'DELETE',
				path: '/2/activity/subscriptions',
				status: 200,
				body: { data: { deleted: false }, errors: [{ title: 'Partial failure' }] },
			});
			expect((await remove(['1', '2'])).map((i) => i.json)).toEqual([
				{ id: '1', deleted: false, error: 'Partial failure' },
				{ id: '2', deleted: false, error: 'Partial failure' },
			]);
		});

		it('a whole-call failure goes through Continue On Fail on the input item', async () => {
			await env.control('POST', '/_emulator/fail', { method: 'DELETE', path: '/2/activity/subscriptions', status: 401 });
			const [item] = await remove('1', { continueOnFail: true });
			expect(item).toEqual({ json: expect.objectContaining({ error: 'X did not accept the credentials', httpCode: '401' }), pairedItem: { item: 0 } });
			expect((await runError(env, { resource: 'activitySubscription', operation: 'delete', subscriptionIds: ' , ' })).message).toBe(
				'Enter at least one Subscription ID',
			);
		});
	});
});
