/**
 * `npm run bench`: the X Account Activity Trigger against n8n's built-in Webhook node in one real
 * n8n (regular mode, SQLite), rounds alternating between the two so machine noise hits both.
 * Bodies are 3 KB signed Account Activity deliveries with distinct ids, so every request starts
 * an execution. Not a test: it prints figures and a closing line of ratios against the targets
 * of issue #9, and writes them to .tmp/bench.json. Other work on the machine skews it: the load
 * average is printed; rerun when it is high.
 *
 * BENCH_ROUNDS (default 6) rounds per comparison; BENCH_REQUESTS (300) requests per throughput round.
 * BENCH_N8N_ENV ("NAME=value,NAME=value") adds settings to n8n's environment, e.g. to measure one of
 * n8n's own options. N8N_VERSION (default 2.8.4) picks the n8n; the bench runs itself on the Node that n8n runs on,
 * because it reads n8n's SQLite through n8n's own native sqlite3 module (a module built for Node 24
 * crashes a Node 20 process with a segfault, not an error).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

import { startEmulator } from '../../emulator/server';
import { crcResponseToken } from '../../emulator/x/signing';
import { DEFAULT_APP } from '../../emulator/defaults';
import { type N8nInstance, N8N_VERSION, packPackage, startN8n } from '../../test/e2e/harness';
import { ensureN8n } from '../../test/e2e/harness/install';
import {
	dmBatchDelivery,
	dmDelivery,
	pool,
	send,
	type SignedDelivery,
} from '../../test/e2e/support/load';
import {
	createXCredentials,
	productionUrl,
	triggerWorkflow,
	webhookNode,
} from '../../test/e2e/support/triggerWorkflow';
import { openN8nDatabase, type N8nDatabase } from './database';
import { type Target, atLeast, atMost, below, fmt, median, percentile } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = 20;
const LATENCY_REQUESTS = 100;
const FILL_EVENTS = 5000;
const BATCH_EVENTS = 10_000;
const BATCH_ROUNDS = 3;

const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
const log = (line: string) => process.stdout.write(`${line}\n`);

const extraN8nEnv: Record<string, string> = Object.fromEntries(
	(process.env.BENCH_N8N_ENV ?? '')
		.split(',')
		.filter((pair) => pair.includes('='))
		.map((pair) => [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1)]),
);

let idCounter = 0;
const runId = Date.now();
/** A DM id never used before in this run: every delivery starts an execution. */
const freshId = () => `${runId}${String(++idCounter).padStart(7, '0')}`;

interface Contender {
	name: string;
	url: string;
	workflowId: string;
}

async function drain(db: N8nDatabase): Promise<void> {
	const deadline = Date.now() + 300_000;
	while ((await db.unfinished()) > 0) {
		if (Date.now() > deadline) throw new Error('executions did not finish within 5 min');
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Answered and executed per second: the trigger answers before n8n stores the execution, so answers alone would flatter it. */
interface Rate {
	answered: number;
	sustained: number;
}

let database: N8nDatabase;

async function throughput(contender: Contender, requests = REQUESTS): Promise<Rate> {
	const deliveries = Array.from({ length: requests }, () => dmDelivery(freshId()));
	const started = performance.now();
	const answers = await pool(
		deliveries.map((d) => () => send(contender.url, d)),
		CONCURRENCY,
	);
	const answeredAfter = (performance.now() - started) / 1000;
	const failed = answers.filter((a) => a.status !== 200);
	if (failed.length)
		throw new Error(
			`${contender.name}: ${failed.length} answers were not 200, e.g. ${failed[0].status} ${failed[0].body.slice(0, 200)}`,
		);
	await drain(database);
	return {
		answered: requests / answeredAfter,
		sustained: requests / ((performance.now() - started) / 1000),
	};
}

const sustained = (rates: Rate[]) => rates.map((r) => r.sustained);
const describe = (rates: Rate[]) =>
	`${rates.map((r) => fmt(r.sustained)).join(', ')} executions/s → median ${fmt(median(sustained(rates)))} (answered: median ${fmt(median(rates.map((r) => r.answered)))} req/s)`;

async function latencies(contender: Contender): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < LATENCY_REQUESTS; i++)
		times.push((await send(contender.url, dmDelivery(freshId()))).ms);
	return times;
}

/** Runs `measure` for each contender per round, the order flipped every round; drains between runs. */
async function alternate<T>(
	db: N8nDatabase,
	contenders: Contender[],
	measure: (c: Contender, round: number) => Promise<T>,
	rounds = ROUNDS,
): Promise<T[][]> {
	const results: T[][] = contenders.map(() => []);
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 ? [...contenders.keys()].reverse() : [...contenders.keys()];
		for (const index of order) {
			results[index].push(await measure(contenders[index], round));
			await drain(db);
		}
	}
	return results;
}

function webhookNodeWorkflow(path: string) {
	return {
		name: 'Bench: n8n Webhook node',
		nodes: [webhookNode(path)],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

async function main() {
	const loadBefore = load();
	log(`load average before: ${loadBefore} (2 cores: above ~1 the figures are noisy)`);
	const tarball = await packPackage(resolve(__dirname, '../..'));
	const emu = await startEmulator({ port: 0, log: () => undefined, webhookLimit: 100 });
	// No pruning: the byte counts need every execution, and pruning work would skew rounds.
	const n8n: N8nInstance = await startN8n({
		tarball,
		env: { EXECUTIONS_DATA_PRUNE: 'false', N8N_LOG_LEVEL: 'warn', ...extraN8nEnv },
	});
	const db = await openN8nDatabase(n8n.version, n8n.userFolder);
	database = db;
	try {
		const credentials = await createXCredentials(n8n, emu.url);
		const trigger = async (
			name: string,
			options: Record<string, unknown> = {},
		): Promise<Contender> => {
			const { workflow, webhookId } = triggerWorkflow(name, credentials, { options });
			const { id } = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(id);
			return { name, url: productionUrl(n8n, webhookId), workflowId: id };
		};
		const path = `bench-${randomUUID()}`;
		const webhookNode: Contender = {
			name: 'Webhook node',
			url: `${n8n.webhookBaseUrl}webhook/${path}`,
			workflowId: (await n8n.createWorkflow(webhookNodeWorkflow(path))).id,
		};
		await n8n.activateWorkflow(webhookNode.workflowId);
		const triggerNode = await trigger('Bench: trigger');
		const contenders = [webhookNode, triggerNode];

		log(
			`n8n ${n8n.version} on node ${process.version}${Object.keys(extraN8nEnv).length ? ` with ${JSON.stringify(extraN8nEnv)}` : ''}; ${ROUNDS} rounds, ${REQUESTS} requests per throughput round, 3 KB bodies`,
		);
		for (const contender of contenders) await throughput(contender, 100); // warm-up
		await drain(db);

		log(`\n[throughput, concurrency ${CONCURRENCY}] load ${load()}`);
		const [webhookRps, triggerRps] = await alternate(db, contenders, (c) => throughput(c));
		log(`  Webhook node: ${describe(webhookRps)}`);
		log(`  trigger:      ${describe(triggerRps)}`);
		const throughputRatio = median(sustained(triggerRps)) / median(sustained(webhookRps));

		log(`\n[latency, concurrency 1, ${LATENCY_REQUESTS} requests per round] load ${load()}`);
		const [webhookMs, triggerMs] = (await alternate(db, contenders, latencies)).map((rounds) =>
			rounds.flat(),
		);
		log(
			`  Webhook node: p50 ${fmt(percentile(webhookMs, 50), 2)} ms, p99 ${fmt(percentile(webhookMs, 99), 2)} ms`,
		);
		log(
			`  trigger:      p50 ${fmt(percentile(triggerMs, 50), 2)} ms, p99 ${fmt(percentile(triggerMs, 99), 2)} ms`,
		);
		const p50Ratio = percentile(triggerMs, 50) / percentile(webhookMs, 50);
		const p99Ratio = percentile(triggerMs, 99) / percentile(webhookMs, 99);

		log(`\n[CRC while the trigger is under load] load ${load()}`);
		/** CRC round trips, one every 20 ms, while `loadFor` runs. */
		const crcDuring = async (loadFor: () => Promise<unknown>): Promise<number[]> => {
			const times: number[] = [];
			let loaded = true;
			const probe = (async () => {
				while (loaded) {
					const token = `bench${times.length}`;
					const started = performance.now();
					const response = await fetch(`${triggerNode.url}?crc_token=${token}`);
					const body = (await response.json()) as { response_token?: string };
					times.push(performance.now() - started);
					if (body.response_token !== crcResponseToken(DEFAULT_APP.consumerSecret, token))
						throw new Error(`bad CRC answer ${JSON.stringify(body)}`);
					await new Promise((r) => setTimeout(r, 20));
				}
			})();
			await loadFor();
			loaded = false;
			await probe;
			await drain(db);
			return times;
		};
		// Saturated: 20 deliveries always in flight, n8n's main process at 100 %: every request queues, a CRC too.
		const crcSaturated: number[] = [];
		for (let round = 0; round < 3; round++)
			crcSaturated.push(...(await crcDuring(() => throughput(triggerNode))));
		// Steady: deliveries arriving at half the rate this n8n sustains, as X's traffic arrives (not in a closed loop).
		const steadyRate = median(sustained(triggerRps)) / 2;
		const steadyLoad = async () => {
			const sends: Array<Promise<unknown>> = [];
			const started = performance.now();
			for (let i = 0; performance.now() - started < 10_000; i++) {
				sends.push(send(triggerNode.url, dmDelivery(freshId())));
				const due = started + ((i + 1) * 1000) / steadyRate;
				await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
			}
			await Promise.all(sends);
		};
		const crcMs = await crcDuring(steadyLoad);
		log(
			`  saturated (concurrency ${CONCURRENCY}): ${crcSaturated.length} CRCs, p50 ${fmt(percentile(crcSaturated, 50), 2)} ms, p99 ${fmt(percentile(crcSaturated, 99), 2)} ms`,
		);
		log(
			`  steady ${fmt(steadyRate)} deliveries/s (half of the sustained rate): ${crcMs.length} CRCs, p50 ${fmt(percentile(crcMs, 50), 2)} ms, p99 ${fmt(percentile(crcMs, 99), 2)} ms`,
		);

		log(`\n[dedupe store empty vs after ${FILL_EVENTS} events] load ${load()}`);
		const full = await trigger('Bench: trigger, full store');
		const fillStarted = performance.now();
		// In chunks, drained between: a 5,000-request closed loop on a busy machine starves n8n's 2 s database ping and n8n answers 503.
		for (let filled = 0; filled < FILL_EVENTS; filled += 500)
			await throughput(full, Math.min(500, FILL_EVENTS - filled));
		log(
			`  filled with ${FILL_EVENTS} events in ${fmt((performance.now() - fillStarted) / 1000)} s`,
		);
		await drain(db);
		// A new workflow each round: its store starts empty.
		const empties: Contender[] = [];
		for (let round = 0; round < ROUNDS; round++)
			empties.push(await trigger(`Bench: trigger, empty store ${round}`));
		const [emptyRps, fullRps] = await alternate(
			db,
			[{ ...empties[0], name: 'empty' }, full],
			(c, round) => throughput(c.name === 'empty' ? empties[round] : c),
		);
		log(`  empty store: ${describe(emptyRps)}`);
		log(`  full store:  ${describe(fullRps)}`);
		const fullRatio = median(sustained(fullRps)) / median(sustained(emptyRps));

		log('\n[database bytes per execution (execution_data: data + workflowData)]');
		const webhookBytes = await db.bytesPerExecution(webhookNode.workflowId);
		const triggerBytes = await db.bytesPerExecution(triggerNode.workflowId);
		for (const [name, b] of [
			['Webhook node', webhookBytes],
			['trigger', triggerBytes],
		] as const) {
			log(
				`  ${name}: ${fmt(b.bytes, 0)} B (data ${fmt(b.dataBytes, 0)} + workflow copy ${fmt(b.workflowBytes, 0)}) over ${b.executions} executions`,
			);
		}
		const { staticData } = await n8n.getWorkflow(triggerNode.workflowId);
		const staticBytes = JSON.stringify(staticData ?? {}).length;
		log(`  trigger's static data: ${staticBytes} B`);
		const bytesRatio = triggerBytes.bytes / webhookBytes.bytes;

		log(`\n[one delivery of ${BATCH_EVENTS} events, Deduplicate on vs off] load ${load()}`);
		const dedupeOn = { ...(await trigger('Bench: batch, dedupe on')), name: 'on' };
		const dedupeOff = {
			...(await trigger('Bench: batch, dedupe off', { deduplicate: false })),
			name: 'off',
		};
		const batchSeconds = await alternate(
			db,
			[dedupeOn, dedupeOff],
			async (c) => {
				const delivery: SignedDelivery = dmBatchDelivery(
					Array.from({ length: BATCH_EVENTS }, freshId),
				);
				const answer = await send(c.url, delivery);
				const parsed = JSON.parse(answer.body) as { emitted?: number };
				if (answer.status !== 200 || parsed.emitted !== BATCH_EVENTS)
					throw new Error(`batch (${c.name}): ${answer.status} ${answer.body.slice(0, 200)}`);
				return answer.ms / 1000;
			},
			BATCH_ROUNDS,
		);
		const [onSeconds, offSeconds] = batchSeconds;
		log(
			`  body ${fmt(dmBatchDelivery(Array.from({ length: BATCH_EVENTS }, freshId)).body.length / 1e6, 1)} MB`,
		);
		log(
			`  Deduplicate on:  ${onSeconds.map((v) => fmt(v, 2)).join(', ')} s → median ${fmt(median(onSeconds), 2)}`,
		);
		log(
			`  Deduplicate off: ${offSeconds.map((v) => fmt(v, 2)).join(', ')} s → median ${fmt(median(offSeconds), 2)}`,
		);
		const batchRatio = median(onSeconds) / median(offSeconds);

		const targets: Target[] = [
			atLeast('throughput trigger/Webhook', throughputRatio, 0.95),
			atMost('p50 trigger/Webhook', p50Ratio, 1.05),
			atLeast('dedupe full/empty', fullRatio, 0.95),
			below('CRC p99 under steady load ms', percentile(crcMs, 99), 50),
			atMost('bytes/execution trigger/Webhook', bytesRatio, 1.5),
			atMost('10k delivery dedupe on/off', batchRatio, 1.2),
		];
		const loadAfter = load();
		log(`\nload average after: ${loadAfter}`);
		log(
			`RESULT ${targets.map((t) => `${t.name} ${t.rule} ${t.ok ? 'ok' : 'MISSED'}`).join('; ')}; p99 ratio ${fmt(p99Ratio, 2)}`,
		);
		mkdirSync(resolve(__dirname, '../../.tmp'), { recursive: true });
		writeFileSync(
			resolve(__dirname, '../../.tmp/bench.json'),
			`${JSON.stringify(
				{
					n8n: n8n.version,
					node: process.version,
					n8nEnv: extraN8nEnv,
					load: { before: loadBefore, after: loadAfter },
					rounds: ROUNDS,
					throughput: { webhookRps, triggerRps, ratio: throughputRatio },
					latency: {
						webhook: { p50: percentile(webhookMs, 50), p99: percentile(webhookMs, 99) },
						trigger: { p50: percentile(triggerMs, 50), p99: percentile(triggerMs, 99) },
						p50Ratio,
						p99Ratio,
					},
					crc: {
						steady: {
							rate: steadyRate,
							samples: crcMs.length,
							p50: percentile(crcMs, 50),
							p99: percentile(crcMs, 99),
						},
						saturated: {
							samples: crcSaturated.length,
							p50: percentile(crcSaturated, 50),
							p99: percentile(crcSaturated, 99),
						},
					},
					dedupe: { emptyRps, fullRps, ratio: fullRatio },
					bytes: {
						webhook: webhookBytes,
						trigger: triggerBytes,
						ratio: bytesRatio,
						triggerStaticData: staticBytes,
					},
					batch: { events: BATCH_EVENTS, onSeconds, offSeconds, ratio: batchRatio },
					targets,
				},
				null,
				2,
			)}\n`,
		);
		if (!targets.every((t) => t.ok)) process.exitCode = 1;
	} finally {
		await db.close();
		await n8n.stop();
		await emu.close();
	}
}

/** Re-runs this script on n8n's Node when it is not this one; returns false when this process should go on. */
async function ranOnN8nsNode(): Promise<boolean> {
	const { node } = await ensureN8n(N8N_VERSION);
	if (realpathSync(node.binary) === realpathSync(process.execPath)) return false;
	log(`running the bench on n8n ${N8N_VERSION}'s Node ${node.version} (${node.binary})`);
	const run = spawnSync(node.binary, [require.resolve('tsx/cli'), __filename], {
		stdio: 'inherit',
		env: { ...process.env, N8N_NODE_BINARY: node.binary },
	});
	process.exitCode = run.status ?? 1;
	return true;
}

ranOnN8nsNode()
	.then((done) => (done ? undefined : main()))
	.catch((error) => {
		console.error(error);
		process.exit(1);
	});
