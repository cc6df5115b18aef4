/**
 * The trigger with `source = xaa` inside a real n8n (installed from its npm tarball) against the
 * emulator: activation registers the webhook through a real CRC and creates the X Activity API
 * subscriptions; injected XAA events run the workflow; deactivation removes exactly what the node
 * created, leaving other subscriptions alone.
 */
import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { type N8nInstance, nodeOutput } from './harness';
import { eventually } from './support/eventually';
import { type Stack, emulatorClient, startStack, stopStack } from './support/stack';
import { TRIGGER_NODE, productionUrl, triggerWorkflow } from './support/triggerWorkflow';

const SUBSCRIBER = DEFAULT_USERS[0];
const BEARER = `Bearer ${DEFAULT_APP.bearerToken}`;

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

const inject = (type: string, extra: Record<string, unknown> = {}) =>
	emulator<{ deliveries: Array<{ status: number }> }>('POST', '/_emulator/x/activity/events', { type, ...extra });

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
		const foreign = await emulator<{ data: { subscription: { subscription_id: string } } }>(
			'POST',
			'/2/activity/subscriptions',
			{ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER.id }, tag: 'foreign' },
			BEARER,
		);
		foreignIds = [foreign.data.subscription.subscription_id];

		const { workflow, webhookId } = triggerWorkflow('XAA e2e', credentials, { source: 'xaa', events: ['*'] });
		workflowId = (await n8n.createWorkflow(workflow)).id;
		url = productionUrl(n8n, webhookId);
		await n8n.activateWorkflow(workflowId);

		const { webhook, ours } = await eventually(() => {
			expect(emu.state.x.webhooks).toEqual([expect.objectContaining({ url, valid: true })]);
			const [registered] = emu.state.x.webhooks;
			const created = emu.state.x.activitySubscriptions.filter((s) => s.webhook_id === registered.id);
			expect(created).toHaveLength(35);
			return { webhook: registered, ours: created };
		});
		expect(emu.state.x.crcChecks.filter((c) => c.url === url).map((c) => c.ok)).toContain(true);
		expect(new Set(ours.map((s) => s.tag)).size).toBe(1);
		expect(ours.find((s) => s.event_type === 'dm.received')).toMatchObject({ filter: { user_id: SUBSCRIBER.id } });
		await eventually(async () => expect(JSON.stringify((await n8n.getWorkflow(workflowId)).staticData)).toContain(ours[0].subscription_id));

		// A second foreign subscription, on the node's own webhook.
		const onOurs = await emulator<{ data: { subscription: { subscription_id: string } } }>(
			'POST',
			'/2/activity/subscriptions',
			{ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER.id }, tag: 'foreign-on-webhook', webhook_id: webhook.id },
			BEARER,
		);
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
		const { deliveries } = await inject('post.mention.create', { eventUuid: '-77' });
		expect(deliveries).toHaveLength(2);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		expect(nodeOutput(runs[executions - 1], TRIGGER_NODE).map((i) => i.eventId)).toEqual(['-77:post.mention.create']);
		await inject('post.mention.create', { eventUuid: '-77' });
		await new Promise((r) => setTimeout(r, 1500));
		expect((await n8n.listExecutions(workflowId)).length).toBe(executions);
	});

	test('deactivation deletes exactly the node’s subscriptions and its webhook', async () => {
		await n8n.deactivateWorkflow(workflowId);
		await eventually(() => {
			expect(emu.state.x.activitySubscriptions.map((s) => s.subscription_id).sort()).toEqual([...foreignIds].sort());
			expect(emu.state.x.webhooks).toEqual([]);
		});
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
