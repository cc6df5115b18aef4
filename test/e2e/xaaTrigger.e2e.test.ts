/**
 * The trigger with `source = xaa` inside a real n8n (installed from its npm tarball) against the
 * emulator, which refuses what X refuses: activation registers the webhook through a real CRC and
 * creates the X Activity API subscriptions (private ones with the account's own token); injected
 * XAA events run the workflow, one execution per post however many subscriptions deliver it;
 * deactivation removes exactly what the node created, leaving other subscriptions alone.
 */
import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { oauth1Header } from '../../emulator/x/auth/oauth1Verifier';
import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { type N8nInstance, nodeOutput } from './harness';
import { eventually } from './support/eventually';
import { type Stack, emulatorClient, startStack, stopStack } from './support/stack';
import { TRIGGER_NODE, productionUrl, triggerWorkflow } from './support/triggerWorkflow';

const SUBSCRIBER = DEFAULT_USERS[0];
const ALICE = DEFAULT_USERS[1];

/** Private X Activity API types (x-api/activity/introduction.mdx, "Current private events"). */
const PRIVATE = /^(dm|chat|mute|block)\.|^(like\.create|post\.(mention|reply|quote|repost)\.create|broadcast\.chat)$/;

/** Injected XAA event type → the `event` of each item it must produce. */
const EXPECTED: Array<[type: string, events: string[], extra?: Record<string, unknown>]> = [
	['post.create', ['post.created']],
	['post.mention.create', ['post.mention']],
	['post.reply.create', ['post.reply']],
	['post.quote.create', ['post.quote']],
	['post.repost.create', ['post.repost']],
	['post.delete', ['post.deleted']],
	['like.create', ['post.liked']],
	['follow.follow', ['user.followed']],
	['follow.unfollow', ['user.unfollowed']],
	['block.block', ['user.blocked']],
	['mute.unmute', ['user.unmuted']],
	['dm.received', ['dm.received']],
	['dm.sent', ['dm.sent', 'dm.sent'], { count: 2 }],
	['dm.indicate_typing', ['dm.typing']],
	['dm.read', ['dm.read']],
	['profile.update.bio', ['profile.updated']],
	['spaces.start', ['xaa.other']],
	['oauth.revoke', ['app.revoked']],
];

let emu: Emulator;
let n8n: N8nInstance;
let credentials: Stack['credentials'];

const emulator = emulatorClient(() => emu);

interface Injected {
	deliveries: Array<{ status: number }>;
	envelopes: Array<{ data: { event_type: string; payload: Record<string, any>; includes?: Record<string, any> } }>;
}

const inject = (type: string, extra: Record<string, unknown> = {}) => emulator<Injected>('POST', '/_emulator/x/activity/events', { type, ...extra });

/** A subscription of someone else's, made with the account's own OAuth 1.0a token as X requires for private types. */
const foreignSubscription = (body: Record<string, unknown>) => {
	const path = '/2/activity/subscriptions';
	const auth = oauth1Header('POST', `${emu.url}${path}`, {
		consumerKey: DEFAULT_APP.consumerKey,
		consumerSecret: DEFAULT_APP.consumerSecret,
		token: SUBSCRIBER.accessToken ?? '',
		tokenSecret: SUBSCRIBER.accessTokenSecret ?? '',
	});
	return emulator<{ data: { subscription: { subscription_id: string } } }>('POST', path, body, auth);
};

/** The Account Activity API's copy of a post X Activity API delivered: the same facts in v1.1 shape. */
function aaaTwin(payload: Record<string, any>, includes: Record<string, any> = {}) {
	const person = (id: string) => (includes.users ?? []).find((u: { id: string }) => u.id === id) ?? { id };
	const author = person(payload.author_id);
	const repliedTo = payload.in_reply_to_user_id ? person(payload.in_reply_to_user_id) : null;
	return {
		for_user_id: SUBSCRIBER.id,
		tweet_create_events: [
			{
				id_str: payload.id,
				text: payload.text,
				created_at: 'Wed Oct 10 20:19:24 +0000 2018',
				user: { id_str: author.id, screen_name: author.username, name: author.name },
				in_reply_to_status_id_str: payload.in_reply_to_tweet_id ?? null,
				in_reply_to_user_id_str: payload.in_reply_to_user_id ?? null,
				in_reply_to_screen_name: repliedTo?.username ?? null,
				entities: {
					hashtags: [],
					urls: [],
					user_mentions: (payload.entities?.mentions ?? []).map((m: Record<string, any>) => ({ id_str: m.id, screen_name: m.username, indices: [m.start, m.end] })),
				},
			},
		],
	};
}

beforeAll(async () => {
	({ emu, n8n, credentials } = await startStack('xaa'));
}, 15 * 60_000);

afterAll(async () => {
	await stopStack({ emu, n8n });
});

describe('X Account Activity Trigger with source = xaa in n8n', () => {
	let workflowId: string;
	let url: string;
	let executions = 0;
	let foreignIds: string[] = [];

	test('activation registers the webhook, passes CRC and creates the subscriptions; a foreign one is left alone', async () => {
		// Someone else's subscription (stream only), there before the workflow.
		const foreign = await foreignSubscription({ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER.id }, tag: 'foreign' });
		foreignIds = [foreign.data.subscription.subscription_id];
		const before = emu.state.x.activityCreateLog.length;

		const { workflow, webhookId } = triggerWorkflow('XAA e2e', credentials, { source: 'xaa', events: ['*'] });
		workflowId = (await n8n.createWorkflow(workflow)).id;
		url = productionUrl(n8n, webhookId);
		await n8n.activateWorkflow(workflowId);

		const { webhook, ours } = await eventually(() => {
			expect(emu.state.x.webhooks).toEqual([expect.objectContaining({ url, valid: true })]);
			const [registered] = emu.state.x.webhooks;
			const created = emu.state.x.activitySubscriptions.filter((s) => s.webhook_id === registered.id);
			expect(created).toHaveLength(41);
			return { webhook: registered, ours: created };
		});
		expect(emu.state.x.crcChecks.filter((c) => c.url === url).map((c) => c.ok)).toContain(true);
		expect(new Set(ours.map((s) => s.tag)).size).toBe(1);
		// The strict emulator refused nothing, and every private type was signed by the account itself, for itself.
		const log = emu.state.x.activityCreateLog.slice(before);
		expect(log.filter((e) => e.status !== 200)).toEqual([]);
		const privateOnes = log.filter((e) => PRIVATE.test(e.event_type));
		expect(privateOnes.map((e) => e.event_type)).toEqual(expect.arrayContaining(['post.mention.create', 'post.reply.create', 'like.create', 'dm.received', 'chat.update.group_name', 'broadcast.chat']));
		for (const entry of privateOnes) expect([entry.event_type, entry.auth, entry.authenticatedUserId, entry.filterUserId]).toEqual([entry.event_type, 'user', SUBSCRIBER.id, SUBSCRIBER.id]);
		expect(ours.find((s) => s.event_type === 'dm.received')).toMatchObject({ filter: { user_id: SUBSCRIBER.id } });
		await eventually(async () => expect(JSON.stringify((await n8n.getWorkflow(workflowId)).staticData)).toContain(ours[0].subscription_id));

		// A second foreign subscription, on the node's own webhook.
		const onOurs = await foreignSubscription({ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER.id }, tag: 'foreign-on-webhook', webhook_id: webhook.id });
		foreignIds.push(onOurs.data.subscription.subscription_id);
	});

	test.each(EXPECTED)('injected %s runs the workflow with %j', async (type, events, extra = {}) => {
		const { deliveries } = await inject(type, extra);
		expect(deliveries.length).toBeGreaterThan(0);
		expect(deliveries.every((d) => d.status === 200)).toBe(true);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		const items = nodeOutput(runs[executions - 1], TRIGGER_NODE);
		expect(items.map((i) => i.event)).toEqual(events);
		for (const item of items) {
			expect(item).toMatchObject({ source: 'xaa', forUserId: SUBSCRIBER.id });
			expect(item.kinds).toContain(item.event);
			for (const part of ['actor', 'target', 'post', 'message', 'replay', 'profile', 'ayrshare']) expect(item).toHaveProperty(part);
			// Simplify is on: only xaa.other keeps X's payload.
			if (item.event === 'xaa.other') expect(item.raw).toMatchObject({ event_type: type });
			else expect(item).not.toHaveProperty('raw');
		}
	});

	test('a mention delivered twice (the node’s and the foreign subscription on its webhook) runs once; a repeat does not run', async () => {
		const { deliveries } = await inject('post.mention.create', { eventUuid: '-77', id: '1977000000000000077' });
		expect(deliveries).toHaveLength(2);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		expect(nodeOutput(runs[executions - 1], TRIGGER_NODE).map((i) => i.eventId)).toEqual(['post:1977000000000000077']);
		await inject('post.mention.create', { eventUuid: '-77', id: '1977000000000000077' });
		await new Promise((r) => setTimeout(r, 1500));
		expect((await n8n.listExecutions(workflowId)).length).toBe(executions);
	});

	// The deliveries go one after another, as the emulator sends them; two arriving at the same
	// instant need the atomic dedupe store of issue #9.
	test('a reply that also mentions the account, delivered once per matching subscription, starts one execution whose item is the AAA twin’s', async () => {
		const { deliveries, envelopes } = await inject('post.reply.create', { text: `thanks for this @${SUBSCRIBER.username}!`, id: '1977000000000000078', actorId: ALICE.id });
		// post.reply.create, the node's post.mention.create and the foreign one on its webhook.
		expect(envelopes.map((e) => e.data.event_type).sort()).toEqual(['post.mention.create', 'post.mention.create', 'post.reply.create']);
		expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		await new Promise((r) => setTimeout(r, 1500));
		expect((await n8n.listExecutions(workflowId)).length).toBe(executions);
		const items = nodeOutput(runs[executions - 1], TRIGGER_NODE);
		expect(items).toHaveLength(1);

		const [twin] = normalizeAaa(aaaTwin(envelopes[0].data.payload, envelopes[0].data.includes), { source: 'aaa' }).items;
		const person = (u: unknown) => (u ? { id: (u as { id: string }).id, username: (u as { username: string }).username } : null);
		const post = (p: unknown) => {
			const { id, text, authorId, inReplyToPostId, inReplyToUserId, mentions } = p as Record<string, unknown>;
			return { id, text, authorId, inReplyToPostId, inReplyToUserId, mentions };
		};
		const [item] = items;
		expect({ event: item.event, kinds: item.kinds, eventId: item.eventId, actor: person(item.actor), target: person(item.target), post: post(item.post) }).toEqual({
			event: twin.event,
			kinds: twin.kinds,
			eventId: twin.eventId,
			actor: person(twin.actor),
			target: person(twin.target),
			post: post(twin.post),
		});
		expect([item.event, item.kinds, (item.actor as { id: string }).id, (item.target as { id: string }).id]).toEqual(['post.reply', ['post.reply', 'post.mention'], ALICE.id, SUBSCRIBER.id]);
	});

	test('deactivation deletes exactly the node’s subscriptions and its webhook, reading the spec’s per-id bulk-delete answer', async () => {
		await n8n.deactivateWorkflow(workflowId);
		await eventually(() => {
			expect(emu.state.x.activitySubscriptions.map((s) => s.subscription_id).sort()).toEqual([...foreignIds].sort());
			expect(emu.state.x.webhooks).toEqual([]);
		});
		expect(n8n.logTail(200)).not.toMatch(/Expected object, received array/);
	});
});

describe('the default selection', () => {
	test('a workflow that leaves Events untouched subscribes what a CRM workflow needs, not [All] (n8n picks the X Activity API’s own default)', async () => {
		const { workflow } = triggerWorkflow('XAA e2e default events', credentials, { source: 'xaa' });
		delete (workflow.nodes[0].parameters as Record<string, unknown>).events;
		const id = (await n8n.createWorkflow(workflow)).id;
		await n8n.activateWorkflow(id);
		try {
			const [webhook] = emu.state.x.webhooks;
			const types = emu.state.x.activitySubscriptions.filter((s) => s.webhook_id === webhook.id).map((s) => s.event_type);
			expect(types).toEqual(['post.create', 'post.mention.create', 'post.reply.create', 'follow.follow', 'dm.received']);
		} finally {
			await n8n.deactivateWorkflow(id);
		}
	});

	test('mentions, replies, likes, received DMs and follows activate against the strict emulator', async () => {
		const { workflow } = triggerWorkflow('XAA e2e selection', credentials, { source: 'xaa', events: ['post.mention', 'post.reply', 'post.liked', 'dm.received', 'user.followed'] });
		const id = (await n8n.createWorkflow(workflow)).id;
		const before = emu.state.x.activityCreateLog.length;
		await n8n.activateWorkflow(id);
		try {
			const log = emu.state.x.activityCreateLog.slice(before);
			expect(log.map((e) => [e.event_type, e.auth, e.status])).toEqual([
				['post.create', 'app', 200],
				['post.mention.create', 'user', 200],
				['post.reply.create', 'user', 200],
				['like.create', 'user', 200],
				['follow.follow', 'user', 200],
				['dm.received', 'user', 200],
			]);
		} finally {
			await n8n.deactivateWorkflow(id);
		}
		expect(emu.state.x.webhooks).toEqual([]);
	});
});

describe('activation errors', () => {
	test('an event type X refuses for the account fails activation with its name and reason, leaving nothing behind', async () => {
		emu.options.xaaRefusedEventTypes = ['chat.received'];
		try {
			const { workflow } = triggerWorkflow('XAA e2e refused', credentials, { source: 'xaa', events: ['xaa.other'] });
			const id = (await n8n.createWorkflow(workflow)).id;
			const before = emu.state.x.activitySubscriptions.length;
			const failure = await n8n.activateWorkflow(id).then(
				() => '',
				(error: Error) => error.message,
			);
			expect(failure).toMatch(/chat\.received/);
			expect(failure).toMatch(/not permitted/);
			expect(emu.state.x.activitySubscriptions).toHaveLength(before);
			expect(emu.state.x.webhooks).toEqual([]);
		} finally {
			emu.options.xaaRefusedEventTypes = [];
		}
	});
});
