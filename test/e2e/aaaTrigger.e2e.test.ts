/**
 * The X Account Activity Trigger inside a real n8n, installed from its npm tarball the way the
 * community installer does, against the X emulator: activation (register + CRC + subscribe),
 * every event type, signatures, replay, deactivation and reuse.
 */
import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { formatReplayDate } from '../../emulator/x/replay/window';
import { crcResponseToken } from '../../emulator/x/signing';
import { type N8nInstance, nodeOutput } from './harness';
import { eventually } from './support/eventually';
import { type Stack, emulatorClient, startStack, stopStack } from './support/stack';
import { TRIGGER_NODE, productionUrl, triggerWorkflow } from './support/triggerWorkflow';

const SUBSCRIBER = DEFAULT_USERS[0];

/** Injected type → the `event` of the item it must produce. */
const EXPECTED: Record<string, string> = {
	'post.created': 'post.created',
	'post.mention': 'post.mention',
	'post.reply': 'post.reply',
	'post.repost': 'post.repost',
	'post.quote': 'post.quote',
	'post.long': 'post.mention',
	'post.deleted': 'post.deleted',
	'post.liked': 'post.liked',
	'user.followed': 'user.followed',
	'user.unfollowed': 'user.unfollowed',
	'user.blocked': 'user.blocked',
	'user.unblocked': 'user.unblocked',
	'user.muted': 'user.muted',
	'user.unmuted': 'user.unmuted',
	'dm.received': 'dm.received',
	'dm.sent': 'dm.sent',
	'dm.typing': 'dm.typing',
	'dm.read': 'dm.read',
};

let emu: Emulator;
let n8n: N8nInstance;
let credentials: Stack['credentials'];

const emulator = emulatorClient(() => emu);

const inject = (type: string, extra: Record<string, unknown> = {}) =>
	emulator<{ deliveries: Array<{ status: number; responseBody: string }> }>(
		'POST',
		'/_emulator/x/events',
		{ type, ...extra },
	);

async function executionCount(workflowId: string) {
	return (await n8n.listExecutions(workflowId)).length;
}

/** No execution may appear: wait long enough for one to have been recorded if it were coming. */
async function expectNoNewExecution(workflowId: string, before: number) {
	await new Promise((r) => setTimeout(r, 1500));
	expect(await executionCount(workflowId)).toBe(before);
}

beforeAll(async () => {
	({ emu, n8n, credentials } = await startStack('aaa'));
}, 15 * 60_000);

afterAll(async () => {
	await stopStack({ emu, n8n });
});

describe('X Account Activity Trigger in n8n', () => {
	let workflowId: string;
	let url: string;
	let executions = 0;

	test('activation registers the webhook, passes CRC and subscribes the user', async () => {
		const { workflow, webhookId } = triggerWorkflow('AAA e2e', credentials);
		workflowId = (await n8n.createWorkflow(workflow)).id;
		url = productionUrl(n8n, webhookId);
		await n8n.activateWorkflow(workflowId);

		await eventually(() => {
			expect(emu.state.x.webhooks).toEqual([expect.objectContaining({ url, valid: true })]);
			expect(emu.state.x.subscriptions).toEqual([
				expect.objectContaining({ webhookId: emu.state.x.webhooks[0].id, userId: SUBSCRIBER.id }),
			]);
		});
		expect(emu.state.x.crcChecks.filter((c) => c.url === url).map((c) => c.ok)).toContain(true);
		const stored = await eventually(async () => {
			const workflow = await n8n.getWorkflow(workflowId);
			expect(JSON.stringify(workflow.staticData)).toContain(emu.state.x.webhooks[0].id);
			return workflow;
		});
		expect(stored.active).toBe(true);
	});

	test('the CRC endpoint answers X directly too', async () => {
		const response = await fetch(`${url}?crc_token=abc123`);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { response_token: string };
		expect(body.response_token).toBe(crcResponseToken(DEFAULT_APP.consumerSecret, 'abc123'));
		expect((await fetch(`${url}?crc_token=${encodeURIComponent('{"a":1}')}`)).status).toBe(400);
	});

	test.each(Object.entries(EXPECTED))(
		'injected %s runs the workflow with a %s item',
		async (type, event) => {
			const { deliveries } = await inject(type);
			expect(deliveries.map((d) => d.status)).toEqual([200]);
			executions += 1;
			const runs = await n8n.waitForExecutions(workflowId, executions);
			const items = nodeOutput(runs[executions - 1], TRIGGER_NODE);
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ event, source: 'aaa', forUserId: SUBSCRIBER.id });
			expect(items[0].kinds).toContain(event);
			expect(items[0]).not.toHaveProperty('raw');
			for (const part of ['actor', 'target', 'post', 'message', 'replay', 'profile', 'ayrshare'])
				expect(items[0]).toHaveProperty(part);
		},
	);

	test('several events in one POST → one execution with one item each', async () => {
		const { deliveries } = await inject('post.mention', { count: 3 });
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		expect(nodeOutput(runs[executions - 1], TRIGGER_NODE).map((i) => i.event)).toEqual([
			'post.mention',
			'post.mention',
			'post.mention',
		]);
	});

	test('a forged or missing signature gets 401 and no execution', async () => {
		const body = JSON.stringify({ for_user_id: SUBSCRIBER.id, favorite_events: [] });
		for (const signature of ['invalid', 'missing']) {
			const { deliveries } = await emulator<{ deliveries: Array<{ status: number }> }>(
				'POST',
				'/_emulator/x/raw',
				{ body, signature },
			);
			expect(deliveries.map((d) => d.status)).toEqual([401]);
		}
		await expectNoNewExecution(workflowId, executions);
	});

	test('malformed JSON is refused before anything runs', async () => {
		const { deliveries } = await emulator<{ deliveries: Array<{ status: number }> }>(
			'POST',
			'/_emulator/x/raw',
			{ body: '{"for_user_id":', signature: 'valid' },
		);
		expect(deliveries[0].status).toBeGreaterThanOrEqual(400);
		expect(deliveries[0].status).toBeLessThan(500);
		await expectNoNewExecution(workflowId, executions);
	});

	test('replay: redelivered events are deduplicated; the replay status arrives once', async () => {
		const now = Date.now();
		const job = await emulator<{ data: { job_id: string } }>(
			'POST',
			'/2/webhooks/replay',
			// to_date is exclusive and minute-granular: end after the current minute to include the events just sent.
			{
				webhook_id: emu.state.x.webhooks[0].id,
				from_date: formatReplayDate(now - 60 * 60_000),
				to_date: formatReplayDate(now + 60_000),
			},
			`Bearer ${DEFAULT_APP.bearerToken}`,
		);
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions, 60_000);
		const items = nodeOutput(runs[executions - 1], TRIGGER_NODE);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'replay.finished',
				replay: { jobId: job.data.job_id, state: 'Complete', description: expect.any(String) },
			}),
		]);
		expect(emu.state.x.deliveries.filter((d) => d.kind === 'replay').length).toBeGreaterThan(10);
		await expectNoNewExecution(workflowId, executions);
	});

	test('app.revoked arrives (X then deletes the subscription)', async () => {
		// Counted afresh, so that a failure of the replay test above does not fail this one too.
		executions = await executionCount(workflowId);
		await inject('app.revoked');
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		expect(nodeOutput(runs[executions - 1], TRIGGER_NODE)).toEqual([
			expect.objectContaining({ event: 'app.revoked', forUserId: SUBSCRIBER.id }),
		]);
	});

	test('deactivation removes the webhook and subscription it created', async () => {
		await n8n.deactivateWorkflow(workflowId);
		await eventually(() => {
			expect(emu.state.x.webhooks).toEqual([]);
			expect(emu.state.x.subscriptions).toEqual([]);
		});
	});

	test('activating again registers exactly one webhook again', async () => {
		await n8n.activateWorkflow(workflowId);
		await eventually(() => {
			expect(emu.state.x.webhooks.map((w) => w.url)).toEqual([url]);
			expect(emu.state.x.subscriptions).toHaveLength(1);
		});
		await n8n.deactivateWorkflow(workflowId);
		await eventually(() => expect(emu.state.x.webhooks).toEqual([]));
		expect(emu.state.x.subscriptions).toEqual([]);
	});
});

/**
 * X refuses the first subscription attempt, after the webhook is registered: `create` fails half-way.
 * n8n ≥2.36 calls `delete()` and retries `create` (up to 5 attempts, backoff from 1 s); n8n 2.8
 * fails the activation and the user activates again. Either way X must end up with exactly one
 * webhook and one subscription, and a webhook someone else registered must survive it all.
 */
describe('activation that fails half-way, then is retried', () => {
	const SUBSCRIBE_PATH = '/2/account_activity/webhooks/:wid/subscriptions/all';

	test.each([
		['a webhook the node registers itself', false],
		['a webhook registered before activation', true],
	])(
		'%s: exactly one webhook and one subscription at X afterwards',
		async (_label, preRegistered) => {
			const { workflow, webhookId } = triggerWorkflow(
				`AAA e2e retry ${preRegistered ? 'reuse' : 'own'}`,
				credentials,
				{ events: ['dm.received'] },
			);
			const url = productionUrl(n8n, webhookId);
			const seeded = preRegistered
				? (
						await emulator<{ data: { id: string } }>('POST', '/_emulator/x/webhooks', {
							url,
							valid: true,
						})
					).data.id
				: undefined;
			const atUrl = () => emu.state.x.webhooks.filter((w) => w.url === url);
			const subscribedTo = (id: string) =>
				emu.state.x.subscriptions.filter((s) => s.webhookId === id);
			await emulator('POST', '/_emulator/fail', {
				method: 'POST',
				path: SUBSCRIBE_PATH,
				status: 503,
				times: 1,
			});
			const id = (await n8n.createWorkflow(workflow)).id;

			const failure = await n8n.activateWorkflow(id).then(
				() => '',
				(error: Error) => error.message,
			);
			// The refusal was used up: create() really failed once.
			expect(emu.state.failRules).toEqual([]);
			if ((await n8n.publicationStatus(id)) === undefined) {
				// n8n 2.8 does not retry: the user sees X's refusal, and the half-done registration is undone.
				expect(failure).toMatch(/503|unavailable/i);
				expect((await n8n.getWorkflow(id)).active).toBe(false);
				expect(atUrl().map((w) => w.id)).toEqual(seeded ? [seeded] : []);
				expect(emu.state.x.subscriptions).toEqual([]);
				await n8n.activateWorkflow(id);
			} else {
				expect(failure).toBe('');
			}

			const [webhook] = await eventually(() => {
				const webhooks = atUrl();
				expect(webhooks).toEqual([expect.objectContaining({ valid: true })]);
				expect(subscribedTo(webhooks[0].id)).toEqual([
					expect.objectContaining({ userId: SUBSCRIBER.id }),
				]);
				return webhooks;
			});
			if (seeded) expect(webhook.id).toBe(seeded);
			// Only one webhook and subscription exist at X at all, not one per attempt.
			expect(emu.state.x.webhooks.map((w) => w.id)).toEqual([webhook.id]);
			expect(emu.state.x.subscriptions).toHaveLength(1);
			expect(JSON.stringify((await n8n.getWorkflow(id)).staticData)).toContain(webhook.id);

			await inject('dm.received');
			const [run] = await n8n.waitForExecutions(id, 1);
			expect(nodeOutput(run, TRIGGER_NODE)).toEqual([
				expect.objectContaining({ event: 'dm.received', forUserId: SUBSCRIBER.id }),
			]);

			// Deactivation removes what the node made: the subscription always, the webhook only if it registered it.
			await n8n.deactivateWorkflow(id);
			await eventually(() => {
				expect(emu.state.x.subscriptions).toEqual([]);
				expect(atUrl().map((w) => w.id)).toEqual(seeded ? [seeded] : []);
			});
			if (seeded)
				await emulator(
					'DELETE',
					`/2/webhooks/${seeded}`,
					undefined,
					`Bearer ${DEFAULT_APP.bearerToken}`,
				);
			expect(emu.state.x.webhooks).toEqual([]);
		},
	);
});

describe('reuse of a webhook registered before activation', () => {
	test('activation reuses it instead of registering a second; deactivation leaves it', async () => {
		const { workflow, webhookId } = triggerWorkflow('AAA e2e reuse', credentials, {
			events: ['dm.received'],
		});
		const url = productionUrl(n8n, webhookId);
		const seeded = await emulator<{ data: { id: string } }>('POST', '/_emulator/x/webhooks', {
			url,
			valid: false,
		});
		const id = (await n8n.createWorkflow(workflow)).id;
		await n8n.activateWorkflow(id);

		expect(emu.state.x.webhooks).toEqual([
			expect.objectContaining({ id: seeded.data.id, url, valid: true }),
		]);
		expect(emu.state.x.subscriptions).toEqual([
			expect.objectContaining({ webhookId: seeded.data.id }),
		]);

		// The events filter applies inside n8n too: a like starts nothing, a DM does.
		await inject('post.liked');
		await expectNoNewExecution(id, 0);
		await inject('dm.received');
		const [run] = await n8n.waitForExecutions(id, 1);
		expect(nodeOutput(run, TRIGGER_NODE).map((i) => i.event)).toEqual(['dm.received']);

		await n8n.deactivateWorkflow(id);
		expect(emu.state.x.webhooks.map((w) => w.id)).toEqual([seeded.data.id]);
		expect(emu.state.x.subscriptions).toEqual([]);
	});
});

describe('a trigger saved as version 1 (before version 2 became the default)', () => {
	test('still activates, answers CRC, refuses a forged delivery and runs a signed one', async () => {
		const { workflow, webhookId } = triggerWorkflow(
			'AAA e2e version 1',
			credentials,
			{ events: ['dm.received'] },
			{ typeVersion: 1 },
		);
		const url = productionUrl(n8n, webhookId);
		const id = (await n8n.createWorkflow(workflow)).id;
		await n8n.activateWorkflow(id);
		const mine = () => emu.state.x.webhooks.filter((w) => w.url === url);
		expect(mine()).toEqual([expect.objectContaining({ valid: true })]);

		const crc = await fetch(`${url}?crc_token=v1`);
		expect(((await crc.json()) as { response_token: string }).response_token).toBe(
			crcResponseToken(DEFAULT_APP.consumerSecret, 'v1'),
		);
		const forged = await emulator<{ deliveries: Array<{ status: number }> }>(
			'POST',
			'/_emulator/x/raw',
			{
				body: JSON.stringify({ for_user_id: SUBSCRIBER.id }),
				signature: 'invalid',
				webhookId: mine()[0].id,
			},
		);
		expect(forged.deliveries.map((d) => d.status)).toEqual([401]);
		await inject('dm.received');
		const [run] = await n8n.waitForExecutions(id, 1);
		expect(nodeOutput(run, TRIGGER_NODE).map((i) => i.event)).toEqual(['dm.received']);
		expect(
			(await n8n.getWorkflow(id)).nodes.find((node) => node.name === TRIGGER_NODE)?.typeVersion,
		).toBe(1);

		await n8n.deactivateWorkflow(id);
		expect(mine()).toEqual([]);
	});
});

describe('activation errors reach the user', () => {
	test('a CRC failure (wrong consumer secret) fails activation with X’s reason and the fix', async () => {
		const wrong = await n8n.createCredential('xOAuth1UserApi', 'X OAuth1 wrong secret', {
			consumerKey: DEFAULT_APP.consumerKey,
			consumerSecret: 'not-the-app-secret',
			accessToken: SUBSCRIBER.accessToken,
			accessTokenSecret: SUBSCRIBER.accessTokenSecret,
			baseUrl: emu.url,
		});
		const { workflow } = triggerWorkflow('AAA e2e crc failure', {
			...credentials,
			xOAuth1UserApi: { id: wrong.id, name: 'X OAuth1 wrong secret' },
		});
		const id = (await n8n.createWorkflow(workflow)).id;
		const before = emu.state.x.webhooks.length;
		// n8n shows an activation error's description (not its message): it must carry X's reason and the fix.
		const failure = await n8n.activateWorkflow(id).then(
			() => '',
			(error: Error) => error.message,
		);
		expect(failure).toMatch(/CrcValidationFailed/);
		expect(failure).toMatch(/public https URL on port 443/);
		expect(failure).toMatch(/WEBHOOK_URL/);
		expect(failure).not.toContain('not-the-app-secret');
		expect(emu.state.x.webhooks).toHaveLength(before);
		expect(JSON.stringify(await n8n.listExecutions(id))).not.toContain('not-the-app-secret');
	});
});
