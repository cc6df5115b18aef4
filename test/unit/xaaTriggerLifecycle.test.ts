import type { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_USERS } from '../../emulator/defaults';
import { type Emulator, startEmulator } from '../../emulator/server';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { triggerTag } from '../../nodes/XAccountActivityTrigger/sources/xaaPlan';
import { type TriggerHost, emulatorCredentials, startTriggerHost, activateTrigger } from '../helpers/triggerHost';
import { apiClient } from './emulator/helpers/api';

/** The trigger with `source = xaa` against the emulator: subscriptions per event type, ownership, refusals, delivery. */

const SUBSCRIBER = DEFAULT_USERS[0];
const { checkExists, create, delete: remove } = new XAccountActivityTrigger().webhookMethods.setup;

let emu: Emulator;
const hosts: TriggerHost[] = [];

async function newHost(parameters: Record<string, unknown> = {}) {
	const host = await startTriggerHost({ credentials: emulatorCredentials(emu.url), parameters: { source: 'xaa', ...parameters } });
	hosts.push(host);
	return host;
}

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
		{ event_type: 'follow.unfollow', filter: { user_id: SUBSCRIBER.id, direction: 'outbound' }, tag, webhook_id: webhook.id },
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
	expect(types).toHaveLength(35);
	expect(types).toEqual(expect.arrayContaining(['dm.read', 'mute.mute', 'profile.update.handle', 'chat.conversation.join', 'broadcast.chat']));
	expect(types).not.toContain('news.new');
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
	const foreign = await api.bearer('POST', '/2/activity/subscriptions', {
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
	expect(error?.message).toMatch(/^X refused the "chat.received" subscription: .*not permitted to subscribe to chat.received/);
	expect(error?.description).toMatch(/Deselect the event "xaa.other"/);
	expect(emu.state.x.activitySubscriptions).toEqual([]);
	expect(emu.state.x.webhooks).toEqual([]);
});

test('private event types are created with user context, public ones with the bearer token', async () => {
	const host = await newHost({ events: ['dm.received', 'user.muted'] });
	await activate(host);
	expect(emu.state.x.activitySubscriptions.map((s) => s.event_type)).toEqual(['mute.mute', 'dm.received']);
	// The emulator refuses private types over bearer (403), so getting here proves user context was used.
	const bearerTry = await apiClient(emu).bearer('POST', '/2/activity/subscriptions', { event_type: 'dm.received', filter: { user_id: SUBSCRIBER.id } });
	expect(bearerTry.status).toBe(403);
});

describe('delivery', () => {
	test('injected events become items; a post matching two subscriptions of one type emits once, a replay not at all', async () => {
		const host = await newHost({ events: ['post.mention'] });
		await activate(host);
		await apiClient(emu).bearer('POST', '/2/activity/subscriptions', {
			event_type: 'post.mention.create',
			filter: { user_id: SUBSCRIBER.id },
			tag: 'duplicate',
			webhook_id: emu.state.x.webhooks[0].id,
		});
		const { deliveries } = await inject('post.mention.create', { eventUuid: '-1234567890123456789' });
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(host.emitted).toHaveLength(1);
		expect(host.emitted[0][0]).toMatchObject({ event: 'post.mention', source: 'xaa', forUserId: SUBSCRIBER.id, eventId: '-1234567890123456789:post.mention.create' });
		await inject('post.mention.create', { eventUuid: '-1234567890123456789' });
		expect(host.emitted).toHaveLength(1);
	});

	test('a reply that mentions the account, delivered by both subscriptions, emits once per kind', async () => {
		const host = await newHost({ events: ['post.reply', 'post.mention'] });
		await activate(host);
		const webhookId = emu.state.x.webhooks[0].id;
		const post = { id: '1900000000000000001', text: '@n8n_user agreed', author_id: DEFAULT_USERS[1].id, in_reply_to_user_id: SUBSCRIBER.id, referenced_tweets: [{ type: 'replied_to', id: '1900000000000000000' }], entities: { mentions: [{ id: SUBSCRIBER.id, username: SUBSCRIBER.username }] } };
		const entry = (event_type: string) => ({ data: { event_uuid: '42', event_type, filter: { user_id: SUBSCRIBER.id }, payload: post } });
		for (const type of ['post.reply.create', 'post.mention.create', 'post.reply.create']) {
			await fetch(`${emu.url}/_emulator/x/raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: JSON.stringify(entry(type)), webhookId }) });
		}
		expect(host.emitted.map((items) => items.map((i) => [i.event, i.kinds]))).toEqual([
			[['post.reply', ['post.reply', 'post.mention']]],
			[['post.mention', ['post.mention', 'post.reply']]],
		]);
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
