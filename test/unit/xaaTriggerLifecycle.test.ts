import type { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_USERS } from '../../emulator/defaults';
import { type Emulator, startEmulator } from '../../emulator/server';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { triggerTag } from '../../nodes/XAccountActivityTrigger/sources/xaaPlan';
import { type TriggerHost, emulatorCredentials, startTriggerHost, activateTrigger } from '../helpers/triggerHost';
import { apiClient } from './emulator/helpers/api';

/** The trigger with `source = xaa` against the emulator: subscriptions per event type, ownership, refusals, delivery. */

const SUBSCRIBER = DEFAULT_USERS[0];
const ALICE = DEFAULT_USERS[1];
const { checkExists, create, delete: remove } = new XAccountActivityTrigger().webhookMethods.setup;

let emu: Emulator;
const hosts: TriggerHost[] = [];

async function newHost(parameters: Record<string, unknown> = {}, credentials = emulatorCredentials(emu.url)) {
	const host = await startTriggerHost({ credentials, parameters: { source: 'xaa', ...parameters } });
	hosts.push(host);
	return host;
}

/** Private X Activity API types (x-api/activity/introduction.mdx, "Current private events"): created with the user's own token only. */
const PRIVATE = /^(dm|chat|mute|block)\.|^(like\.create|post\.(mention|reply|quote|repost)\.create|broadcast\.chat)$/;

/** Every create the emulator accepted: who signed it, and for whom. */
const created = () =>
	emu.state.x.activityCreateLog.filter((e) => e.status === 200).map(({ event_type, auth, authenticatedUserId, filterUserId }) => ({ event_type, auth, authenticatedUserId, filterUserId }));

const activate = activateTrigger;

const inject = async (type: string, extra: Record<string, unknown> = {}) => {
	const response = await fetch(`${emu.url}/_emulator/x/activity/events`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ type, ...extra }),
	});
	return (await response.json()) as { deliveries: Array<{ status: number }>; envelopes: unknown[] };
};

beforeAll(async () => {
	emu = await startEmulator({ port: 0, log: () => undefined });
});
afterAll(async () => {
	await emu.close();
});
beforeEach(async () => {
	await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
	emu.options.xaaRefusedEventTypes = [];
});
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});

test('activation registers the webhook and creates one tagged subscription per needed event type', async () => {
	const host = await newHost({ events: ['post.mention', 'dm.received', 'user.unfollowed', 'app.revoked'] });
	expect(await activate(host)).toBe('created');
	const [webhook] = emu.state.x.webhooks;
	expect(webhook).toMatchObject({ url: host.url, valid: true });
	const tag = triggerTag(host.url);
	const subscriptions = emu.state.x.activitySubscriptions.map(({ event_type, filter, tag: t, webhook_id }) => ({ event_type, filter, tag: t, webhook_id }));
	expect(subscriptions).toEqual([
		{ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER.id }, tag, webhook_id: webhook.id },
		// X documents only user_id for follow.* (no direction).
		{ event_type: 'follow.unfollow', filter: { user_id: SUBSCRIBER.id }, tag, webhook_id: webhook.id },
		{ event_type: 'dm.received', filter: { user_id: SUBSCRIBER.id }, tag, webhook_id: webhook.id },
		{ event_type: 'oauth.revoke', filter: {}, tag, webhook_id: webhook.id },
	]);
	expect(host.staticData.activitySubscriptions).toEqual(emu.state.x.activitySubscriptions.map((s) => s.subscription_id));
	expect(await checkExists.call(host.hooks())).toBe(true);
});

test('own replies need post.create too; [All] subscribes every account event type (not keyword news)', async () => {
	const replies = await newHost({ events: ['post.reply'] });
	await activate(replies);
	expect(emu.state.x.activitySubscriptions.map((s) => s.event_type)).toEqual(['post.create', 'post.reply.create']);
	await remove.call(replies.hooks());

	const all = await newHost({ events: ['*'] });
	await activate(all);
	const types = emu.state.x.activitySubscriptions.map((s) => s.event_type);
	expect(types).toHaveLength(41);
	expect(types).toEqual(expect.arrayContaining(['dm.read', 'mute.mute', 'profile.update.handle', 'chat.conversation.join', 'chat.update.restrictions', 'broadcast.chat']));
	expect(types).not.toContain('news.new');
	expect(types).not.toContain('chat.conversation_join');
});

test.each([
	['[All]', ['*']],
	['mentions, replies, likes, DMs received, follows', ['post.mention', 'post.reply', 'post.liked', 'dm.received', 'user.followed']],
])('%s activates against the strict emulator; every private type is created with the account’s own token, for it', async (_name, events) => {
	const host = await newHost({ events });
	expect(await activate(host)).toBe('created');
	const log = created();
	expect(log.length).toBe(emu.state.x.activitySubscriptions.length);
	expect(emu.state.x.activityCreateLog.filter((e) => e.status !== 200)).toEqual([]);
	const privateOnes = log.filter((e) => PRIVATE.test(e.event_type));
	expect(privateOnes.length).toBeGreaterThan(0);
	for (const entry of privateOnes) expect(entry).toEqual({ event_type: entry.event_type, auth: 'user', authenticatedUserId: SUBSCRIBER.id, filterUserId: SUBSCRIBER.id });
	// Public ones use the app's bearer token; follows and Spaces (in neither of X's lists) the account's.
	for (const entry of log.filter((e) => !PRIVATE.test(e.event_type))) {
		expect([entry.event_type, entry.auth]).toEqual([entry.event_type, /^(follow|spaces)\./.test(entry.event_type) ? 'user' : 'app']);
	}
	if (events.length > 1) {
		expect(log.map((e) => e.event_type)).toEqual(['post.create', 'post.mention.create', 'post.reply.create', 'like.create', 'follow.follow', 'dm.received']);
	}
});

test('the default selection for the X Activity API is what a CRM workflow needs, not [All]', () => {
	const events = new XAccountActivityTrigger().description.properties.filter((p) => p.name === 'events');
	expect(events.map((p) => [p.displayOptions, p.default])).toEqual([
		[{ hide: { source: ['xaa'] } }, ['*']],
		[{ show: { source: ['xaa'] } }, ['dm.received', 'post.mention', 'post.reply', 'user.followed']],
	]);
});

test('with 150 foreign subscriptions at the app, activation finds its own again and creates no duplicate', async () => {
	const api = apiClient(emu);
	for (let i = 0; i < 150; i++) {
		const res = await api.bearer('POST', '/2/activity/subscriptions', { event_type: 'profile.update.bio', filter: { user_id: String(9000000000 + i) }, tag: `foreign-${i}` });
		expect(res.status).toBe(200);
	}
	const host = await newHost({ events: ['post.mention', 'dm.received'] });
	await activate(host);
	const ours = () => emu.state.x.activitySubscriptions.filter((s) => s.tag === triggerTag(host.url)).map((s) => s.subscription_id);
	expect(ours()).toHaveLength(2);
	// As after an n8n restart: checkExists must see its subscriptions behind the 150 foreign ones.
	expect(await checkExists.call(host.hooks())).toBe(true);
	await create.call(host.hooks());
	expect(ours()).toEqual(host.staticData.activitySubscriptions);
	expect(emu.state.x.activitySubscriptions).toHaveLength(152);
});

test('a credential switched to another account re-subscribes for that account and removes the old one’s subscriptions', async () => {
	const credentials = emulatorCredentials(emu.url);
	const host = await newHost({ events: ['dm.sent', 'post.mention'] }, credentials);
	await activate(host);
	expect(host.staticData.subscribedUserId).toBe(SUBSCRIBER.id);
	credentials.xOAuth1UserApi = { ...credentials.xOAuth1UserApi, accessToken: ALICE.accessToken ?? '', accessTokenSecret: ALICE.accessTokenSecret ?? '' };
	expect(await activate(host)).toBe('created');
	expect(host.staticData.subscribedUserId).toBe(ALICE.id);
	expect(emu.state.x.activitySubscriptions.map((s) => [s.event_type, s.filter.user_id])).toEqual([
		['post.mention.create', ALICE.id],
		['dm.sent', ALICE.id],
	]);
	expect(emu.state.x.webhooks).toHaveLength(1);
});

test('when X refuses a private type for the account, the error names the account and the real cause', async () => {
	await fetch(`${emu.url}/_emulator/fail`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			method: 'POST',
			path: '/2/activity/subscriptions',
			status: 403,
			body: { errors: [{ message: 'UserNotAuthorized: dm.sent is a private event' }], title: 'Forbidden', type: 'https://api.twitter.com/2/problems/client-forbidden', status: 403 },
		}),
	});
	const host = await newHost({ events: ['dm.sent'] });
	let error: NodeOperationError | undefined;
	await activate(host).catch((e: NodeOperationError) => (error = e));
	// n8n 2.41 shows only the message of an activation error: it carries the description too.
	expect(error?.message).toBe(`X refused the "dm.sent" subscription for account @${SUBSCRIBER.username} (${SUBSCRIBER.id}): dm.sent is a private event: ${error?.description}`);
	expect(error?.description).toMatch(/private X event: X creates it only for the account that authorized your app/);
	expect(error?.description).toMatch(new RegExp(`for @${SUBSCRIBER.username} \\(${SUBSCRIBER.id}\\), the account of the X OAuth1 User credential`));
	expect(error?.description).not.toMatch(/Deselect/);
	expect(emu.state.x.webhooks).toEqual([]);
});

test('checkExists is false while a needed subscription is missing, and create fills the gap without duplicates', async () => {
	const host = await newHost({ events: ['post.mention', 'post.liked'] });
	await activate(host);
	const liked = emu.state.x.activitySubscriptions.find((s) => s.event_type === 'like.create');
	await apiClient(emu).bearer('DELETE', `/2/activity/subscriptions/${liked?.subscription_id}`);
	expect(await checkExists.call(host.hooks())).toBe(false);
	await create.call(host.hooks());
	expect(emu.state.x.activitySubscriptions.map((s) => s.event_type).sort()).toEqual(['like.create', 'post.mention.create']);
	expect(host.staticData.activitySubscriptions).toHaveLength(2);
});

test('deactivation deletes only its own subscriptions and its webhook; a foreign one on the same webhook survives', async () => {
	const host = await newHost({ events: ['post.mention'] });
	await activate(host);
	const api = apiClient(emu);
	const foreign = await api.user('POST', '/2/activity/subscriptions', {
		event_type: 'post.mention.create',
		filter: { user_id: SUBSCRIBER.id },
		tag: 'someone else',
		webhook_id: emu.state.x.webhooks[0].id,
	});
	expect(foreign.status).toBe(200);
	await remove.call(host.hooks());
	expect(emu.state.x.activitySubscriptions.map((s) => s.tag)).toEqual(['someone else']);
	expect(host.staticData.activitySubscriptions).toBeUndefined();
});

test('a refused event type fails activation naming it and X’s reason, and rolls back what it created', async () => {
	emu.options.xaaRefusedEventTypes = ['chat.received'];
	const host = await newHost({ events: ['*'] });
	let error: NodeOperationError | undefined;
	await activate(host).catch((e: NodeOperationError) => (error = e));
	expect(error?.message).toMatch(/^X refused the "chat.received" subscription for account @n8n_user \(1500000000000000001\): .*not permitted to subscribe to chat.received/);
	expect(error?.description).toMatch(/^Your X app’s access does not include "chat.received". Deselect “Other X Activity” in Events/);
	expect(emu.state.x.activitySubscriptions).toEqual([]);
	expect(emu.state.x.webhooks).toEqual([]);
});

test('private event types are created with user context, public ones with the bearer token', async () => {
	const host = await newHost({ events: ['dm.received', 'user.muted', 'profile.updated'] });
	await activate(host);
	expect(created().map((e) => [e.event_type, e.auth])).toEqual([
		['mute.mute', 'user'],
		['dm.received', 'user'],
		...['bio', 'profile_picture', 'banner_picture', 'screenname', 'handle', 'geo', 'url', 'verified_badge', 'affiliate_badge'].map((f) => [`profile.update.${f}`, 'app']),
	]);
});

describe('delivery', () => {
	test('injected events become items; a post matching two subscriptions of one type emits once, a replay not at all', async () => {
		const host = await newHost({ events: ['post.mention'] });
		await activate(host);
		await apiClient(emu).user('POST', '/2/activity/subscriptions', {
			event_type: 'post.mention.create',
			filter: { user_id: SUBSCRIBER.id },
			tag: 'duplicate',
			webhook_id: emu.state.x.webhooks[0].id,
		});
		const { deliveries } = await inject('post.mention.create', { eventUuid: '-1234567890123456789', id: '1900000000000000042' });
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(host.emitted).toHaveLength(1);
		expect(host.emitted[0][0]).toMatchObject({ event: 'post.mention', source: 'xaa', forUserId: SUBSCRIBER.id, eventId: 'post:1900000000000000042' });
		await inject('post.mention.create', { eventUuid: '-1234567890123456789', id: '1900000000000000042' });
		expect(host.emitted).toHaveLength(1);
	});

	// Sequential deliveries: two arriving at the same instant need the atomic dedupe store of issue #9.
	test('a reply that mentions the account, delivered by both subscriptions (and retried), emits one item, as AAA does', async () => {
		const host = await newHost({ events: ['post.reply', 'post.mention'] });
		await activate(host);
		const webhookId = emu.state.x.webhooks[0].id;
		const post = { id: '1900000000000000001', text: '@n8n_user agreed', author_id: DEFAULT_USERS[1].id, in_reply_to_user_id: SUBSCRIBER.id, referenced_tweets: [{ type: 'replied_to', id: '1900000000000000000' }], entities: { mentions: [{ id: SUBSCRIBER.id, username: SUBSCRIBER.username }] } };
		const entry = (event_type: string) => ({ data: { event_uuid: '42', event_type, filter: { user_id: SUBSCRIBER.id }, payload: post } });
		for (const type of ['post.reply.create', 'post.mention.create', 'post.reply.create']) {
			await fetch(`${emu.url}/_emulator/x/raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: JSON.stringify(entry(type)), webhookId }) });
		}
		expect(host.emitted.map((items) => items.map((i) => [i.event, i.kinds, i.eventId]))).toEqual([[['post.reply', ['post.reply', 'post.mention'], 'post:1900000000000000001']]]);
	});

	test('the emulator delivers a reply with a mention in its text to both subscriptions; the trigger emits it once', async () => {
		const host = await newHost({ events: ['post.reply', 'post.mention'] });
		await activate(host);
		const { deliveries, envelopes } = (await inject('post.reply.create', { text: `thanks @${SUBSCRIBER.username}!` })) as unknown as {
			deliveries: Array<{ status: number }>;
			envelopes: Array<{ data: { event_type: string } }>;
		};
		expect(envelopes.map((e) => e.data.event_type).sort()).toEqual(['post.mention.create', 'post.reply.create']);
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(host.emitted.flat().map((i) => [i.event, i.kinds])).toEqual([['post.reply', ['post.reply', 'post.mention']]]);
	});

	test('xaa.other keeps its raw payload with Simplify on; other items do not carry raw', async () => {
		const host = await newHost({ events: ['*'] });
		await activate(host);
		await inject('spaces.start');
		await inject('profile.update.bio');
		const [[space], [profile]] = host.emitted;
		expect(space).toMatchObject({ event: 'xaa.other', raw: { event_type: 'spaces.start', payload: { event_type: 'spaces_start' } } });
		expect(profile).toMatchObject({ event: 'profile.updated', profile: { field: 'bio' } });
		expect(profile).not.toHaveProperty('raw');
	});

	test('an AAA body on the same URL still becomes items', async () => {
		const host = await newHost({ events: ['*'] });
		await activate(host);
		const body = JSON.stringify({ for_user_id: SUBSCRIBER.id, follow_events: [{ type: 'follow', created_timestamp: '1517588749178', source: { id: '783214', screen_name: 'bob' }, target: { id: SUBSCRIBER.id, screen_name: SUBSCRIBER.username } }] });
		await fetch(`${emu.url}/_emulator/x/raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
		expect(host.emitted[0][0]).toMatchObject({ event: 'user.followed', source: 'aaa', actor: { id: '783214' } });
	});
});

describe('half-states', () => {
	test('deactivation skips a subscription already deleted by hand and still releases the webhook', async () => {
		const host = await newHost({ events: ['dm.received', 'post.mention'] });
		await activate(host);
		const [first] = host.staticData.activitySubscriptions as string[];
		await apiClient(emu).bearer('DELETE', `/2/activity/subscriptions/${first}`);
		await remove.call(host.hooks());
		expect(emu.state.x.activitySubscriptions).toEqual([]);
		expect(emu.state.x.webhooks).toEqual([]);
	});

	test('deactivation accepts both bulk-delete answers: the spec’s per-id array and the older object', async () => {
		const host = await newHost({ events: ['dm.received', 'post.mention'] });
		await activate(host);
		// The emulator answers as openapi.json does: {data: [{deleted, subscription_id}], meta}.
		await remove.call(host.hooks());
		expect([emu.state.x.activitySubscriptions, emu.state.x.webhooks]).toEqual([[], []]);

		const again = await newHost({ events: ['dm.received'] });
		await activate(again);
		await fetch(`${emu.url}/_emulator/fail`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ method: 'DELETE', path: '/2/activity/subscriptions', status: 200, body: { data: { deleted: true }, meta: { total_subscriptions: 0 } } }),
		});
		await expect(remove.call(again.hooks())).resolves.toBe(true);
		expect(emu.state.x.webhooks).toEqual([]);
	});

	test('a subscription X reports it could not delete fails deactivation by id, after the webhook is released', async () => {
		const host = await newHost({ events: ['dm.received'] });
		await activate(host);
		const [id] = host.staticData.activitySubscriptions as string[];
		await fetch(`${emu.url}/_emulator/fail`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				method: 'DELETE',
				path: '/2/activity/subscriptions',
				status: 200,
				body: { data: [], errors: [{ message: 'Internal failure', reason: 'InternalError', subscription_id: id }], meta: { total_subscriptions: 1 } },
			}),
		});
		await expect(remove.call(host.hooks())).rejects.toThrow(`X did not delete a subscription on deactivation: ${id} (Internal failure)`);
		expect(emu.state.x.webhooks).toEqual([]);
	});

	test('the webhook is released even when X refuses to delete a subscription', async () => {
		const host = await newHost({ events: ['dm.received'] });
		await activate(host);
		await fetch(`${emu.url}/_emulator/fail`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ method: 'DELETE', path: '/2/activity/subscriptions', status: 500, body: { title: 'Internal Error' } }),
		});
		await expect(remove.call(host.hooks())).rejects.toThrow();
		expect(emu.state.x.webhooks).toEqual([]);
	});

	test('a revoke by another user of the app is not this account’s app.revoked', async () => {
		const host = await newHost({ events: ['app.revoked'] });
		await activate(host);
		await inject('oauth.revoke', { forUserId: DEFAULT_USERS[1].id });
		expect(host.emitted).toEqual([]);
		await inject('oauth.revoke');
		expect(host.emitted.flat().map((item) => [item.event, item.forUserId])).toEqual([['app.revoked', SUBSCRIBER.id]]);
	});
});
