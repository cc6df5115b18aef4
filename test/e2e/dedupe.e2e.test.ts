/**
 * Dedupe under concurrency in one real n8n (regular mode), against the emulator: X delivering
 * every event twice, 20 deliveries in flight, must start one execution per event; the answer
 * is the node's own JSON; static data stays small.
 */
import { type N8nInstance, nodeOutput } from './harness';
import { type Stack, startStack, stopStack } from './support/stack';
import { deliveredTwice, dmDelivery, dmIds, pool, send } from './support/load';
import { TRIGGER_NODE, productionUrl, triggerWorkflow } from './support/triggerWorkflow';

const EVENTS = 200;
const CONCURRENCY = 20;

let stack: Stack;
let n8n: N8nInstance;

beforeAll(async () => {
	stack = await startStack('dedupe');
	n8n = stack.n8n;
}, 15 * 60_000);

afterAll(async () => {
	await stopStack(stack ?? {});
});

test(`${EVENTS} distinct events, each delivered twice at concurrency ${CONCURRENCY}, start exactly ${EVENTS} executions`, async () => {
	const { workflow, webhookId } = triggerWorkflow('Dedupe e2e', stack.credentials);
	const workflowId = (await n8n.createWorkflow(workflow)).id;
	await n8n.activateWorkflow(workflowId);
	const url = productionUrl(n8n, webhookId);

	const ids = dmIds(EVENTS);
	const deliveries = deliveredTwice(ids.map((id) => dmDelivery(id)));
	const answers = await pool(
		deliveries.map((delivery) => () => send(url, delivery)),
		CONCURRENCY,
	);

	expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
	// Every answer is the node's JSON, not n8n's literal `firstEntryJson`; each event is emitted by one of its two copies.
	const bodies = answers.map((a) => JSON.parse(a.body) as { received: number; emitted: number });
	expect(bodies.filter((b) => b.received === 1 && b.emitted === 1)).toHaveLength(EVENTS);
	expect(bodies.filter((b) => b.received === 1 && b.emitted === 0)).toHaveLength(EVENTS);

	const runs = await n8n.waitForExecutions(workflowId, EVENTS, 180_000);
	// Late duplicates would still be on their way: give them time to be recorded before counting.
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const all = await n8n.listExecutions(workflowId);
	expect(all).toHaveLength(EVENTS);
	expect(all.every((execution) => execution.status === 'success')).toBe(true);
	const emittedIds = runs.flatMap((run) =>
		nodeOutput(run, TRIGGER_NODE).map((item) => (item.message as { id: string }).id),
	);
	expect(new Set(emittedIds)).toEqual(new Set(ids));

	const { staticData } = await n8n.getWorkflow(workflowId);
	expect(JSON.stringify(staticData).length).toBeLessThan(2048);
	expect(JSON.stringify(staticData)).toContain('receiptCheckpoint');
	expect(JSON.stringify(staticData)).not.toContain('seenEvents');

	// The same events once more, after the burst: still nothing new.
	const again = await pool(
		ids.slice(0, 20).map((id) => () => send(url, dmDelivery(id))),
		CONCURRENCY,
	);
	expect(again.map((a) => JSON.parse(a.body))).toEqual(
		again.map(() => ({ received: 1, emitted: 0 })),
	);
	expect(await n8n.listExecutions(workflowId)).toHaveLength(EVENTS);
});
