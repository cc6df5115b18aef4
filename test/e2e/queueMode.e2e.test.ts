/**
 * The trigger in n8n's queue mode, started by the harness: Postgres and Redis, a main process
 * that does not serve production webhooks, two `n8n webhook` processes behind a round-robin
 * proxy (WEBHOOK_URL), one worker. Activation, CRC through each webhook process, events run by
 * the worker, 401s, deactivation, and the duplicate rates the README states (written to
 * .tmp/queue-mode-dedupe.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { DEFAULT_APP } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { startEmulator } from '../../emulator/server';
import { crcResponseToken } from '../../emulator/x/signing';
import { type N8nExecution, nodeOutput, packPackage } from './harness';
import { type QueueDeployment, startQueueMode } from './harness/queueMode';
import { deliveredTwice, dmDelivery, dmIds, pool, send } from './support/load';
import { emulatorClient } from './support/stack';
import { TRIGGER_NODE, createXCredentials, triggerWorkflow } from './support/triggerWorkflow';

const EVENTS = 200;
/** Far above the measured rate and far below the old design's: see the 2-process test. */
const MAX_CROSS_PROCESS_DUPLICATE_RATE = 0.2;
const CONCURRENCY = 20;
const REMOVE_DUPLICATES = 'Remove Duplicates';

let emu: Emulator;
let queue: QueueDeployment;
let credentials: Awaited<ReturnType<typeof createXCredentials>>;
const figures: Record<string, unknown> = {};
const emulator = emulatorClient(() => emu);

beforeAll(async () => {
	const tarball = await packPackage(resolve(__dirname, '../..'));
	emu = await startEmulator({ port: 0, log: () => undefined, webhookLimit: 20 });
	queue = await startQueueMode({ tarball, webhookProcesses: 2 });
	credentials = await createXCredentials(queue.main, emu.url);
}, 20 * 60_000);

afterAll(async () => {
	if (Object.keys(figures).length) {
		mkdirSync(resolve(__dirname, '../../.tmp'), { recursive: true });
		writeFileSync(
			resolve(__dirname, '../../.tmp/queue-mode-dedupe.json'),
			`${JSON.stringify({ n8n: queue?.main.version, ...figures }, null, 2)}\n`,
		);
		process.stderr.write(`[queue-mode e2e] ${JSON.stringify(figures)}\n`);
	}
	await queue?.stop();
	await emu?.close();
});

const url = (webhookId: string, base = queue.webhookBaseUrl) =>
	`${base}webhook/${webhookId}/webhook`;

/** Waits until `count` executions finished, then a little longer so late duplicates are counted too. */
async function settledExecutions(workflowId: string, count: number): Promise<N8nExecution[]> {
	await queue.main.waitForExecutions(workflowId, count, 300_000);
	let last = -1;
	for (;;) {
		await new Promise((r) => setTimeout(r, 3000));
		const all = await queue.main.listExecutions(workflowId, { includeData: true });
		if (
			all.length === last &&
			all.every((e) => ['success', 'error', 'crashed', 'canceled'].includes(e.status))
		)
			return all;
		last = all.length;
	}
}

async function activeTrigger(name: string, extraNodes: Array<Record<string, unknown>> = []) {
	const { workflow, webhookId } = triggerWorkflow(name, credentials);
	workflow.nodes.push(...extraNodes);
	if (extraNodes.length)
		workflow.connections = {
			[TRIGGER_NODE]: { main: [[{ node: extraNodes[0].name, type: 'main', index: 0 }]] },
		};
	const { id } = await queue.main.createWorkflow(workflow);
	await queue.main.activateWorkflow(id);
	return { id, webhookId };
}

/** 200 events, each delivered twice in a shuffled order, 20 in flight, through the proxy. */
async function deliverTwice(webhookId: string) {
	const ids = dmIds(EVENTS);
	const answers = await pool(
		deliveredTwice(ids.map((id) => dmDelivery(id))).map((d) => () => send(url(webhookId), d)),
		CONCURRENCY,
	);
	expect(answers.filter((a) => a.status !== 200)).toEqual([]);
	return ids;
}

/** A restarted webhook process reports healthy before it serves webhooks: wait for the trigger itself. */
async function untilServing(crcUrl: string) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const response = await fetch(crcUrl).catch(() => null);
		const text = response ? await response.text() : '';
		if (response?.status === 200 && text.includes('response_token')) return;
		if (Date.now() > deadline)
			throw new Error(`not serving ${crcUrl}: ${response?.status} ${text.slice(0, 200)}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

const emittedIds = (runs: N8nExecution[]) =>
	runs.flatMap((run) =>
		nodeOutput(run, TRIGGER_NODE).map((item) => (item.message as { id: string }).id),
	);

describe('n8n queue mode: main + 2 webhook processes behind a round-robin proxy + worker', () => {
	let workflowId: string;
	let webhookId: string;

	test('activation on main registers the proxy URL at X, and X’s CRC passes through it', async () => {
		({ id: workflowId, webhookId } = await activeTrigger('Queue e2e'));
		expect(emu.state.x.webhooks).toEqual([
			expect.objectContaining({ url: url(webhookId), valid: true }),
		]);
		expect(
			emu.state.x.crcChecks.filter((c) => c.url === url(webhookId)).map((c) => c.ok),
		).toContain(true);
		expect(emu.state.x.subscriptions).toHaveLength(1);
	});

	test('every webhook process answers the CRC; main serves no production webhook', async () => {
		for (const process of queue.webhooks) {
			const response = await fetch(`${url(webhookId, process.url)}?crc_token=abc123`);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({
				response_token: crcResponseToken(DEFAULT_APP.consumerSecret, 'abc123'),
			});
		}
		// Main answers unknown paths with its editor page; what matters is that the trigger does not answer there.
		expect(
			await (await fetch(`${url(webhookId, queue.main.baseUrl)}?crc_token=abc123`)).text(),
		).not.toContain('response_token');
	});

	test('an event delivered through the proxy is run by the worker', async () => {
		const { deliveries } = await emulator<{
			deliveries: Array<{ status: number; responseBody: string }>;
		}>('POST', '/_emulator/x/events', { type: 'dm.received' });
		expect(deliveries.map((d) => [d.status, JSON.parse(d.responseBody)])).toEqual([
			[200, { received: 1, emitted: 1 }],
		]);
		const [run] = await queue.main.waitForExecutions(workflowId, 1, 120_000);
		expect(nodeOutput(run, TRIGGER_NODE)).toEqual([
			expect.objectContaining({ event: 'dm.received', source: 'aaa' }),
		]);
		expect(queue.workerExecutionIds()).toContain(String(run.id));
	});

	test('a forged or missing signature gets 401 from each webhook process, and nothing runs', async () => {
		const forged = dmDelivery(dmIds(1)[0], 3072, 'not-the-consumer-secret');
		for (const process of queue.webhooks) {
			expect((await send(url(webhookId, process.url), forged)).status).toBe(401);
			expect(
				(
					await send(url(webhookId, process.url), {
						body: forged.body,
						headers: { 'content-type': 'application/json' },
					})
				).status,
			).toBe(401);
		}
		await new Promise((r) => setTimeout(r, 2000));
		expect(await queue.main.listExecutions(workflowId)).toHaveLength(1);
	});

	test(`${EVENTS} events delivered twice through 2 webhook processes: every event runs, duplicates measured`, async () => {
		const { id, webhookId: hook } = await activeTrigger('Queue e2e, 2 webhook processes');
		queue.proxy.route('round-robin');
		const ids = await deliverTwice(hook);
		const runs = await settledExecutions(id, EVENTS);
		expect(new Set(emittedIds(runs))).toEqual(new Set(ids));
		const duplicates = runs.length - EVENTS;
		figures.twoWebhookProcesses = {
			events: EVENTS,
			executions: runs.length,
			duplicates,
			rate: duplicates / EVENTS,
			perProcess: [...queue.proxy.counts],
		};
		// Measured 2.5–3 % (README); the static-data store this replaced let 43 of 50 through. A
		// regression towards that fails here, while the cross-process race the README admits does not.
		expect(duplicates).toBeLessThanOrEqual(EVENTS * MAX_CROSS_PROCESS_DUPLICATE_RATE);
	});

	test(`${EVENTS} events delivered twice, all routed to one webhook process: exactly ${EVENTS} executions`, async () => {
		const { id, webhookId: hook } = await activeTrigger('Queue e2e, 1 webhook process');
		queue.proxy.route(1);
		const ids = await deliverTwice(hook);
		const runs = await settledExecutions(id, EVENTS);
		queue.proxy.route('round-robin');
		expect(runs).toHaveLength(EVENTS);
		expect(new Set(emittedIds(runs))).toEqual(new Set(ids));
		figures.oneWebhookProcess = {
			events: EVENTS,
			executions: runs.length,
			duplicates: runs.length - EVENTS,
			rate: (runs.length - EVENTS) / EVENTS,
		};
	});

	test('the suggested remedy measured: Remove Duplicates on eventId after the trigger, 2 webhook processes', async () => {
		const removeDuplicates = {
			id: randomUUID(),
			name: REMOVE_DUPLICATES,
			type: 'n8n-nodes-base.removeDuplicates',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				operation: 'removeItemsSeenInPreviousExecutions',
				logic: 'removeItemsWithAlreadySeenKeyValues',
				dedupeValue: '={{ $json.eventId }}',
				options: { scope: 'workflow' },
			},
		};
		const { id, webhookId: hook } = await activeTrigger('Queue e2e, Remove Duplicates', [
			removeDuplicates,
		]);
		queue.proxy.route('round-robin');
		const ids = await deliverTwice(hook);
		const runs = await settledExecutions(id, EVENTS);
		const passed = runs.flatMap((run) =>
			nodeOutput(run, REMOVE_DUPLICATES).map((item) => (item.message as { id: string }).id),
		);
		expect(new Set(passed)).toEqual(new Set(ids));
		const duplicates = passed.length - EVENTS;
		figures.twoWebhookProcessesWithRemoveDuplicates = {
			events: EVENTS,
			executions: runs.length,
			itemsPastRemoveDuplicates: passed.length,
			duplicates,
			rate: duplicates / EVENTS,
		};
		expect(duplicates).toBeLessThanOrEqual(runs.length - EVENTS);
	});

	test('a webhook process restarted: a redelivery of what it emitted just before emits nothing (checkpoint)', async () => {
		const { id, webhookId: hook } = await activeTrigger('Queue e2e, restart');
		queue.proxy.route(0);
		const ids = dmIds(10);
		for (const dmId of ids)
			expect(JSON.parse((await send(url(hook), dmDelivery(dmId))).body)).toEqual({
				received: 1,
				emitted: 1,
			});
		await queue.main.waitForExecutions(id, ids.length, 120_000);
		await queue.webhooks[0].restart();
		await untilServing(`${url(hook, queue.webhooks[0].url)}?crc_token=ready`);
		const again = await pool(
			ids.map((dmId) => () => send(url(hook), dmDelivery(dmId))),
			5,
		);
		expect(again.map((a) => JSON.parse(a.body))).toEqual(
			ids.map(() => ({ received: 1, emitted: 0 })),
		);
		expect(JSON.parse((await send(url(hook), dmDelivery(dmIds(1, 42)[0]))).body)).toEqual({
			received: 1,
			emitted: 1,
		});
		queue.proxy.route('round-robin');
	});

	test('deactivation on main removes the webhook and subscription; the webhook processes stop serving the URL', async () => {
		await queue.main.deactivateWorkflow(workflowId);
		expect(emu.state.x.webhooks.filter((w) => w.url === url(webhookId))).toEqual([]);
		for (const process of queue.webhooks) {
			expect((await send(url(webhookId, process.url), dmDelivery(dmIds(1, 7)[0]))).status).toBe(
				404,
			);
		}
	});
});
