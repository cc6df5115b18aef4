import { type Emulator, startEmulator } from '../../../emulator/server';
import { ALICE, SUBSCRIBER, apiClient } from './helpers/api';
import { signatureValid, startReceiver } from './helpers/receiver';
import { DEFAULT_APP } from '../../../emulator/defaults';

/**
 * The emulated X Activity API refuses what X refuses (x-api/activity/introduction.mdx, openapi.json
 * v2.167): private types only with the user's own token and for that user, documented filter fields
 * only, PUT/DELETE bearer-only; it answers in the spec's shapes and delivers once per matching subscription.
 */

let emu: Emulator;
let api: ReturnType<typeof apiClient>;
const PATH = '/2/activity/subscriptions';

beforeAll(async () => {
	emu = await startEmulator({ port: 0, log: () => undefined });
	api = apiClient(emu);
});
afterAll(async () => {
	await emu.close();
});
beforeEach(async () => {
	await api.control('POST', '/_emulator/reset');
	emu.options.xaaRefusedEventTypes = [];
	emu.options.activityListCursor = false;
});

const reason = (text: string) => JSON.parse(text).errors?.[0]?.message as string;
const mine = (event_type: string, extra: Record<string, unknown> = {}) => ({ event_type, filter: { user_id: SUBSCRIBER.id, ...extra } });

describe('create validation', () => {
	test('a public type with the bearer token → the spec’s {data:{subscription}}', async () => {
		const res = await api.bearer('POST', PATH, { ...mine('profile.update.bio'), tag: 't' });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ data: { subscription: expect.objectContaining({ subscription_id: expect.stringMatching(/^\d+$/), event_type: 'profile.update.bio', filter: { user_id: SUBSCRIBER.id }, tag: 't' }) } });
	});

	test.each(['post.mention.create', 'post.reply.create', 'post.quote.create', 'post.repost.create', 'like.create', 'broadcast.chat', 'dm.sent', 'chat.update.group_name', 'mute.mute'])(
		'private %s: bearer → 403 UserContextRequired; another user’s token → 403 UserNotAuthorized; the user’s own → 200',
		async (type) => {
			const bearer = await api.bearer('POST', PATH, mine(type));
			expect([bearer.status, reason(bearer.text)]).toEqual([403, expect.stringMatching(/^UserContextRequired: /)]);
			const other = await api.user('POST', PATH, mine(type), ALICE);
			expect([other.status, reason(other.text)]).toEqual([403, expect.stringMatching(/^UserNotAuthorized: .*not the authenticated user/)]);
			expect((await api.user('POST', PATH, mine(type))).status).toBe(200);
		},
	);

	test('the create log says who signed each request, refusals included', async () => {
		await api.bearer('POST', PATH, mine('dm.received'));
		await api.user('POST', PATH, mine('dm.received'));
		await api.bearer('POST', PATH, mine('post.create'));
		expect(emu.state.x.activityCreateLog.map(({ event_type, auth, authenticatedUserId, filterUserId, status }) => [event_type, auth, authenticatedUserId, filterUserId, status])).toEqual([
			['dm.received', 'app', null, SUBSCRIBER.id, 403],
			['dm.received', 'user', SUBSCRIBER.id, SUBSCRIBER.id, 200],
			['post.create', 'app', null, SUBSCRIBER.id, 200],
		]);
	});

	test('unknown filter fields, and documented ones the type does not take, are rejected', async () => {
		const res = await api.bearer('POST', PATH, mine('post.create', { lang: 'en' }));
		expect([res.status, reason(res.text)]).toEqual([400, expect.stringMatching(/^InvalidFilter: Unknown filter field\(s\): lang/)]);
		// direction: documented for likes, DMs and chat only; the spec: "Not supported for mute.* or block.* events".
		for (const type of ['follow.unfollow', 'mute.mute', 'block.block', 'post.create']) {
			expect(reason((await api.user('POST', PATH, mine(type, { direction: 'outbound' }))).text)).toMatch(/^InvalidFilter: direction is not allowed/);
		}
		expect(reason((await api.bearer('POST', PATH, mine('profile.update.bio', { keyword: 'n8n' }))).text)).toMatch(/^InvalidFilter: keyword is not allowed/);
		for (const type of ['like.create', 'dm.received', 'chat.sent']) expect((await api.user('POST', PATH, mine(type, { direction: 'inbound' }))).status).toBe(200);
		expect(reason((await api.user('POST', PATH, mine('like.create', { direction: 'sideways' }))).text)).toMatch(/direction must be inbound or outbound/);
		expect(reason((await api.bearer('POST', PATH, { event_type: 'post.create', filter: { user_id: 'n8n_user' } })).text)).toMatch(/user_id must be a numeric/);
	});

	test('oauth.revoke takes an empty filter; news.new a keyword; unknown types, body fields and webhooks are rejected', async () => {
		expect((await api.bearer('POST', PATH, { event_type: 'oauth.revoke', filter: {} })).status).toBe(200);
		expect((await api.bearer('POST', PATH, { event_type: 'oauth.revoke', filter: { user_id: SUBSCRIBER.id } })).status).toBe(400);
		expect((await api.bearer('POST', PATH, { event_type: 'oauth.revoke' })).status).toBe(400);
		expect((await api.bearer('POST', PATH, { event_type: 'news.new', filter: { keyword: 'n8n' } })).status).toBe(200);
		expect(reason((await api.bearer('POST', PATH, { event_type: 'post.everything', filter: {} })).text)).toMatch(/^InvalidEventType/);
		expect(reason((await api.bearer('POST', PATH, { ...mine('post.create'), user: 'x' })).text)).toMatch(/^InvalidRequest: Unknown field\(s\): user/);
		expect(reason((await api.bearer('POST', PATH, { ...mine('post.create'), webhook_id: '1' })).text)).toMatch(/^WebhookIdInvalid/);
	});

	test('the deprecated alias chat.conversation_join and the XDK’s PascalCase names are answered with the canonical name', async () => {
		const alias = await api.user('POST', PATH, mine('chat.conversation_join'));
		expect(alias.json.data.subscription.event_type).toBe('chat.conversation.join');
		const pascal = await api.bearer('POST', PATH, mine('ProfileBannerPictureUpdate'));
		expect(pascal.json.data.subscription.event_type).toBe('profile.update.banner_picture');
	});

	test('a refused event type is a 403 naming it', async () => {
		emu.options.xaaRefusedEventTypes = ['spaces.start'];
		const res = await api.bearer('POST', PATH, mine('spaces.start'));
		expect(res.status).toBe(403);
		expect(res.json.detail).toMatch(/spaces.start/);
	});
});

describe('list, update, delete', () => {
	const create = async (count: number, prefix = 't') => {
		for (let i = 0; i < count; i++) await api.bearer('POST', PATH, { ...mine('post.create'), tag: `${prefix}${i}` });
	};

	test('the spec’s list has no cursor: a page of max_results (1..1000) is all a client gets', async () => {
		await create(3);
		const first = await api.bearer('GET', `${PATH}?max_results=2`);
		expect(first.json.data).toHaveLength(2);
		expect(first.json.meta).toEqual({ total_subscriptions: 3 });
		expect((await api.bearer('GET', `${PATH}?max_results=1000`)).json.data).toHaveLength(3);
		expect((await api.bearer('GET', `${PATH}?max_results=1001`)).status).toBe(400);
		expect((await api.user('GET', PATH)).status).toBe(200);
	});

	test('with activityListCursor, pages link by meta.next_token (a base32hex token of 16+ characters)', async () => {
		emu.options.activityListCursor = true;
		await create(3);
		const first = await api.bearer('GET', `${PATH}?max_results=2`);
		expect(first.json.meta.next_token).toMatch(/^[0-9A-V]{16,}$/);
		const second = await api.bearer('GET', `${PATH}?max_results=2&pagination_token=${first.json.meta.next_token}`);
		expect(second.json.data.map((s: { tag: string }) => s.tag)).toEqual(['t2']);
		expect(second.json.meta.next_token).toBeUndefined();
	});

	test('PUT and both DELETEs are bearer-only; update changes only tag and webhook; bulk delete answers per id', async () => {
		await create(3);
		const ids = emu.state.x.activitySubscriptions.map((s) => s.subscription_id);
		for (const [method, path] of [['PUT', `${PATH}/${ids[0]}`], ['DELETE', `${PATH}/${ids[0]}`], ['DELETE', `${PATH}?ids=${ids[0]}`]] as const) {
			const res = await api.user(method, path, method === 'PUT' ? { tag: 'x' } : undefined);
			expect([method, path, res.status, res.json.type]).toEqual([method, path, 403, 'https://api.twitter.com/2/problems/unsupported-authentication']);
		}
		expect((await api.bearer('PUT', `${PATH}/${ids[0]}`, { filter: {} })).status).toBe(400);
		expect((await api.bearer('PUT', `${PATH}/${ids[0]}`, { tag: 'renamed' })).json).toEqual({
			data: { subscription: expect.objectContaining({ tag: 'renamed' }), total_subscriptions: 3 },
		});

		expect((await api.bearer('DELETE', `${PATH}/${ids[0]}`)).json).toEqual({ data: { deleted: true }, meta: { total_subscriptions: 2 } });
		expect((await api.bearer('DELETE', `${PATH}/${ids[0]}`)).status).toBe(404);
		const bulk = await api.bearer('DELETE', `${PATH}?ids=${ids[1]},999`);
		expect(bulk.json).toEqual({
			data: [{ deleted: true, subscription_id: ids[1] }],
			errors: [{ message: 'Subscription 999 does not exist.', reason: 'SubscriptionNotFound', subscription_id: '999' }],
			meta: { total_subscriptions: 1 },
		});
	});
});

describe('deliveries', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let webhookId: string;
	beforeEach(async () => {
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = (await api.control('POST', '/_emulator/x/webhooks', { url: receiver.url })).json.data.id;
	});
	afterEach(async () => {
		await receiver.close();
	});
	const subscribe = (type: string, extra: Record<string, unknown> = {}, tag = type) =>
		api.user('POST', PATH, { event_type: type, filter: { user_id: SUBSCRIBER.id, ...extra }, tag, webhook_id: webhookId });
	const bodies = () => receiver.posts().map((p) => JSON.parse(p.body).data as { event_type: string; tag: string; payload: { id: string } });

	test('signed, in the XAA envelope, once per matching subscription with its tag and filter', async () => {
		await subscribe('like.create', { direction: 'inbound' }, 'in');
		await subscribe('like.create', { direction: 'outbound' }, 'out');
		const res = await api.control('POST', '/_emulator/x/activity/events', { type: 'like.create' });
		expect(res.json.deliveries).toHaveLength(1);
		const [request] = receiver.posts();
		expect(signatureValid(DEFAULT_APP.consumerSecret, request.body, request.headers['x-twitter-webhooks-signature'])).toBe(true);
		const body = JSON.parse(request.body);
		expect(body.data).toMatchObject({ event_type: 'like.create', tag: 'in', filter: { direction: 'inbound' }, payload: { liked_tweet_author_id: SUBSCRIBER.id } });
		expect(typeof body.data.event_uuid).toBe('string');
	});

	test('one post goes to every post type it matches: a reply that also mentions the account twice, a plain reply once', async () => {
		for (const type of ['post.create', 'post.mention.create', 'post.reply.create', 'post.quote.create', 'post.repost.create']) await subscribe(type);
		await api.control('POST', '/_emulator/x/activity/events', { type: 'post.reply.create', text: `Good point @${SUBSCRIBER.username}!`, id: '1900000000000000001' });
		expect(bodies().map((b) => [b.event_type, b.payload.id]).sort()).toEqual([
			['post.mention.create', '1900000000000000001'],
			['post.reply.create', '1900000000000000001'],
		]);
		// The leading @handle of a reply is an implicit mention: X's post.mention.create "does not fire" for it.
		await api.control('POST', '/_emulator/x/activity/events', { type: 'post.reply.create', text: 'Good point!', id: '1900000000000000002' });
		expect(bodies().filter((b) => b.payload.id === '1900000000000000002').map((b) => b.event_type)).toEqual(['post.reply.create']);
		// A repost's "RT @handle" is not a mention either.
		await api.control('POST', '/_emulator/x/activity/events', { type: 'post.repost.create', id: '1900000000000000003' });
		expect(bodies().filter((b) => b.payload.id === '1900000000000000003').map((b) => b.event_type)).toEqual(['post.repost.create']);
	});
});
