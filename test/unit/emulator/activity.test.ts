import { type Emulator, startEmulator } from '../../../emulator/server';
import { ALICE, SUBSCRIBER, apiClient } from './helpers/api';
import { signatureValid, startReceiver } from './helpers/receiver';
import { DEFAULT_APP } from '../../../emulator/defaults';

/** The emulated X Activity API: subscription validation, auth per family, pagination, and signed deliveries. */

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
});

const reason = (text: string) => JSON.parse(text).errors?.[0]?.message as string;

describe('create validation', () => {
	test('a public type with the bearer token → {data:{subscription}}', async () => {
		const res = await api.bearer('POST', PATH, { event_type: 'follow.follow', filter: { user_id: SUBSCRIBER.id }, tag: 't' });
		expect(res.status).toBe(200);
		expect(res.json.data.subscription).toMatchObject({ subscription_id: expect.stringMatching(/^\d+$/), event_type: 'follow.follow', filter: { user_id: SUBSCRIBER.id }, tag: 't' });
	});

	test('unknown filter fields are rejected', async () => {
		const res = await api.bearer('POST', PATH, { event_type: 'follow.follow', filter: { user_id: SUBSCRIBER.id, lang: 'en' } });
		expect(res.status).toBe(400);
		expect(reason(res.text)).toMatch(/^InvalidFilter: Unknown filter field\(s\): lang/);
	});

	test('direction is refused for mute/block, accepted for likes', async () => {
		const mute = await api.user('POST', PATH, { event_type: 'mute.mute', filter: { user_id: SUBSCRIBER.id, direction: 'outbound' } });
		expect(reason(mute.text)).toMatch(/direction is not allowed/);
		const like = await api.bearer('POST', PATH, { event_type: 'like.create', filter: { user_id: SUBSCRIBER.id, direction: 'inbound' } });
		expect(like.status).toBe(200);
	});

	test('private families need user context, and mute/block only for the authenticated user', async () => {
		expect((await api.bearer('POST', PATH, { event_type: 'dm.received', filter: { user_id: SUBSCRIBER.id } })).status).toBe(403);
		const other = await api.user('POST', PATH, { event_type: 'block.block', filter: { user_id: ALICE.id } });
		expect(reason(other.text)).toMatch(/actor-only/);
		expect((await api.user('POST', PATH, { event_type: 'block.block', filter: { user_id: SUBSCRIBER.id } })).status).toBe(200);
	});

	test('oauth.revoke takes an empty filter; news.new a keyword; unknown types and webhooks are rejected', async () => {
		expect((await api.bearer('POST', PATH, { event_type: 'oauth.revoke', filter: {} })).status).toBe(200);
		expect((await api.bearer('POST', PATH, { event_type: 'oauth.revoke', filter: { user_id: SUBSCRIBER.id } })).status).toBe(400);
		expect((await api.bearer('POST', PATH, { event_type: 'news.new', filter: { keyword: 'n8n' } })).status).toBe(200);
		expect(reason((await api.bearer('POST', PATH, { event_type: 'post.everything', filter: {} })).text)).toMatch(/^InvalidEventType/);
		expect(reason((await api.bearer('POST', PATH, { event_type: 'post.create', filter: { user_id: SUBSCRIBER.id }, webhook_id: '1' })).text)).toMatch(/^WebhookIdInvalid/);
	});

	test('a refused event type is a 403 naming it', async () => {
		emu.options.xaaRefusedEventTypes = ['spaces.start'];
		const res = await api.bearer('POST', PATH, { event_type: 'spaces.start', filter: { user_id: SUBSCRIBER.id } });
		expect(res.status).toBe(403);
		expect(res.json.detail).toMatch(/spaces.start/);
	});
});

test('list pages with pagination_token / meta.next_token; update changes only tag and webhook; delete by id and by ids', async () => {
	for (let i = 0; i < 3; i++) await api.bearer('POST', PATH, { event_type: 'post.create', filter: { user_id: SUBSCRIBER.id }, tag: `t${i}` });
	const first = await api.bearer('GET', `${PATH}?max_results=2`);
	expect(first.json.data).toHaveLength(2);
	const second = await api.bearer('GET', `${PATH}?max_results=2&pagination_token=${first.json.meta.next_token}`);
	expect(second.json.data.map((s: { tag: string }) => s.tag)).toEqual(['t2']);
	expect(second.json.meta.next_token).toBeUndefined();

	const id = first.json.data[0].subscription_id as string;
	expect((await api.bearer('PUT', `${PATH}/${id}`, { filter: {} })).status).toBe(400);
	expect((await api.bearer('PUT', `${PATH}/${id}`, { tag: 'renamed' })).json.data.subscription.tag).toBe('renamed');

	expect((await api.bearer('DELETE', `${PATH}/${id}`)).json).toMatchObject({ data: { deleted: true }, meta: { total_subscriptions: 2 } });
	expect((await api.bearer('DELETE', `${PATH}/${id}`)).status).toBe(404);
	const bulk = await api.bearer('DELETE', `${PATH}?ids=${first.json.data[1].subscription_id},999`);
	expect(bulk.json).toMatchObject({ data: { deleted: true }, errors: [{ resource_id: '999' }], meta: { total_subscriptions: 1 } });
});

test('events are delivered signed, in the XAA envelope, once per matching subscription with its tag and filter', async () => {
	const receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	try {
		const webhook = (await api.control('POST', '/_emulator/x/webhooks', { url: receiver.url })).json.data;
		await api.bearer('POST', PATH, { event_type: 'like.create', filter: { user_id: SUBSCRIBER.id, direction: 'inbound' }, tag: 'in', webhook_id: webhook.id });
		await api.bearer('POST', PATH, { event_type: 'like.create', filter: { user_id: SUBSCRIBER.id, direction: 'outbound' }, tag: 'out', webhook_id: webhook.id });
		const res = await api.control('POST', '/_emulator/x/activity/events', { type: 'like.create' });
		expect(res.json.deliveries).toHaveLength(1);
		const [request] = receiver.posts();
		expect(signatureValid(DEFAULT_APP.consumerSecret, request.body, request.headers['x-twitter-webhooks-signature'])).toBe(true);
		const body = JSON.parse(request.body);
		expect(body.data).toMatchObject({ event_type: 'like.create', tag: 'in', filter: { direction: 'inbound' }, payload: { liked_tweet_author_id: SUBSCRIBER.id } });
		expect(typeof body.data.event_uuid).toBe('string');
	} finally {
		await receiver.close();
	}
});
