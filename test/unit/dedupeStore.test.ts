/**
 * The dedupe store (process memory) and its persisted checkpoint, driven through the trigger's
 * real `webhook()`. Static data is handled the way n8n handles it (n8n-static-data research:
 * live-webhooks.ts reads the workflow row per request, webhook-helpers.ts saves the request's whole
 * static data afterwards when it changed, last writer wins), and a "process" is a fresh copy of
 * the node's modules (jest.isolateModules), so a restart and a second webhook process are real
 * losses of module memory. Replaces the static-data tests of the old dedupe.ts (bounded at 2,000
 * keys, firstSighting/isRedelivery on static data).
 */
import CryptoJS from 'crypto-js';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { BoundedKeySet, LruMap } from '../../nodes/XAccountActivityTrigger/dedupe/boundedKeySet';
import {
	CHECKPOINT_FIELD,
	CHECKPOINT_HEARTBEAT_MS,
	CHECKPOINT_KEY_WINDOW_MS,
	CHECKPOINT_MAX_KEYS,
	noteReceipt,
	readCheckpoint,
} from '../../nodes/XAccountActivityTrigger/dedupe/checkpoint';
import {
	EVENTS_PER_TRIGGER,
	TriggerMemory,
} from '../../nodes/XAccountActivityTrigger/dedupe/dedupeStore';
import { ME, envelope } from '../fixtures/aaaPayloads';
import { fakeContext, fakeResponse } from '../helpers/n8nContext';

const SECRET = 'consumer-secret-for-tests';
const sign = (raw: string) =>
	`sha256=${CryptoJS.HmacSHA256(raw, SECRET).toString(CryptoJS.enc.Base64)}`;

interface Trigger {
	webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
}

/** One n8n process: its own copy of the node's modules, so its own module-level memory. */
function startProcess(): Trigger {
	let trigger: Trigger | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const {
			XAccountActivityTrigger,
		} = require('../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node');
		trigger = new XAccountActivityTrigger();
	});
	return trigger!;
}

/** The workflow row's static data, as n8n's database holds it. */
interface Row {
	json: string;
	saves: number;
}
const newRow = (state: IDataObject = { webhookId: 'wh-1' }): Row => ({
	json: JSON.stringify(state),
	saves: 0,
});

interface Delivery {
	row: Row;
	raw: string;
	workflowId?: string;
	nodeId?: string;
	mode?: 'webhook' | 'manual';
	options?: Record<string, unknown>;
	query?: Record<string, unknown>;
	webhookName?: 'setup' | 'default';
}

async function deliver(trigger: Trigger, input: Delivery) {
	const read = input.row.json;
	const staticData = JSON.parse(read) as IDataObject;
	const { res, sent } = fakeResponse();
	const request = { rawBody: Buffer.from(input.raw) };
	const context = {
		...fakeContext({
			parameters: { source: 'aaa', events: ['*'], options: input.options ?? {} },
			credentials: { xOAuth1UserApi: { consumerSecret: SECRET } },
			staticData,
			workflowId: input.workflowId ?? 'wf-1',
			nodeId: input.nodeId,
			mode: input.mode,
		}),
		getWebhookName: () => input.webhookName ?? 'default',
		getQueryData: () => input.query ?? {},
		getHeaderData: () => ({ 'x-twitter-webhooks-signature': sign(input.raw) }),
		getRequestObject: () => request,
		getResponseObject: () => res,
	} as unknown as IWebhookFunctions;
	const result = await trigger.webhook.call(context);
	const written = JSON.stringify(staticData);
	if (written !== read) {
		input.row.json = written;
		input.row.saves += 1;
	}
	return { emitted: result.workflowData?.[0].length ?? 0, sent };
}

let sequence = 0;
/** A distinct delete event per id: one item, one dedupe key. */
const deletion = (id: string | number) =>
	JSON.stringify(
		envelope({
			tweet_delete_events: [{ status: { id: String(id), user_id: ME.id_str }, timestamp_ms: '1' }],
		}),
	);
const freshWorkflow = () => `wf-${++sequence}-${Date.now()}`;

async function inBatches<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
	const results: T[] = [];
	for (let i = 0; i < tasks.length; i += concurrency)
		results.push(...(await Promise.all(tasks.slice(i, i + concurrency).map((task) => task()))));
	return results;
}

describe('within one process', () => {
	test('200 distinct events, each delivered twice, 20 at a time: exactly 200 emitted', async () => {
		const trigger = startProcess();
		const row = newRow();
		const workflowId = freshWorkflow();
		const copies = [...Array(200).keys()].flatMap((i) => [i, i]).sort(() => Math.random() - 0.5);
		const results = await inBatches(
			copies.map((i) => () => deliver(trigger, { row, workflowId, raw: deletion(i) })),
			20,
		);
		expect(results.reduce((sum, r) => sum + r.emitted, 0)).toBe(200);
		expect(results.every((r) => r.sent.status === 200)).toBe(true);
	});

	test('static data stays under 2 KB and is written on few deliveries once the checkpoint is full', async () => {
		const trigger = startProcess();
		const row = newRow();
		const workflowId = freshWorkflow();
		for (let i = 0; i < 500; i++) await deliver(trigger, { row, workflowId, raw: deletion(i) });
		expect(row.json.length).toBeLessThan(2048);
		expect(readCheckpoint(JSON.parse(row.json)).keys).toHaveLength(CHECKPOINT_MAX_KEYS);
	});

	test('two triggers in one workflow, and two workflows, each emit the event once', async () => {
		const trigger = startProcess();
		const workflowId = freshWorkflow();
		const raw = deletion('shared');
		// n8n keeps static data per node (`node:<name>`), so each trigger has its own checkpoint.
		const rows: Record<string, Row> = {};
		const at = (nodeId: string, wf = workflowId) =>
			deliver(trigger, {
				row: (rows[`${wf} ${nodeId}`] ??= newRow()),
				workflowId: wf,
				nodeId,
				raw,
			});
		expect((await at('node-a')).emitted).toBe(1);
		expect((await at('node-b')).emitted).toBe(1);
		expect((await at('node-a', freshWorkflow())).emitted).toBe(1);
		expect((await at('node-a')).emitted).toBe(0);
		expect((await at('node-b')).emitted).toBe(0);
	});

	test('a test URL (manual mode) has its own memory and leaves the checkpoint alone', async () => {
		const trigger = startProcess();
		const row = newRow();
		const workflowId = freshWorkflow();
		const raw = deletion('seen-in-production');
		expect((await deliver(trigger, { row, workflowId, raw })).emitted).toBe(1);
		const saved = row.json;
		expect((await deliver(trigger, { row, workflowId, raw, mode: 'manual' })).emitted).toBe(1);
		expect(
			(await deliver(trigger, { row, workflowId, raw: deletion('only-in-test'), mode: 'manual' }))
				.emitted,
		).toBe(1);
		expect(row.json).toBe(saved);
	});

	test('a test URL (manual mode) does not count as a receipt, also once the heartbeat is due', async () => {
		const trigger = startProcess();
		const row = newRow();
		const workflowId = freshWorkflow();
		expect((await deliver(trigger, { row, workflowId, raw: deletion('before') })).emitted).toBe(1);
		const saved = row.json;
		const later = Date.now() + CHECKPOINT_HEARTBEAT_MS + 1000;
		const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
		try {
			const raw = deletion('test-only-after-a-while');
			expect((await deliver(trigger, { row, workflowId, raw, mode: 'manual' })).emitted).toBe(1);
			expect(row.json).toBe(saved);
		} finally {
			clock.mockRestore();
		}
	});

	test('with Deduplicate off nothing is remembered, yet the receipt time is kept', async () => {
		const trigger = startProcess();
		const row = newRow();
		const workflowId = freshWorkflow();
		const off = { deduplicate: false };
		const raw = deletion('twice');
		expect((await deliver(trigger, { row, workflowId, raw, options: off })).emitted).toBe(1);
		expect((await deliver(trigger, { row, workflowId, raw, options: off })).emitted).toBe(1);
		expect(readCheckpoint(JSON.parse(row.json))).toEqual({ at: expect.any(Number), keys: [] });
	});
});

describe('across processes, through the checkpoint', () => {
	test('after a restart, a replay of what was emitted just before emits nothing; new events still flow', async () => {
		const row = newRow();
		const workflowId = freshWorkflow();
		const before = startProcess();
		for (const id of ['r1', 'r2', 'r3'])
			expect((await deliver(before, { row, workflowId, raw: deletion(id) })).emitted).toBe(1);

		const after = startProcess();
		for (const id of ['r1', 'r2', 'r3'])
			expect((await deliver(after, { row, workflowId, raw: deletion(id) })).emitted).toBe(0);
		expect((await deliver(after, { row, workflowId, raw: deletion('r4') })).emitted).toBe(1);
	});

	test('a second webhook process that reads the checkpoint after it was written drops the copy', async () => {
		const row = newRow();
		const workflowId = freshWorkflow();
		const [one, two] = [startProcess(), startProcess()];
		expect((await deliver(one, { row, workflowId, raw: deletion('x1') })).emitted).toBe(1);
		expect((await deliver(two, { row, workflowId, raw: deletion('x1') })).emitted).toBe(0);
	});

	test('copies that overlap in two processes can both emit: the limit the README states', async () => {
		const row = newRow();
		const workflowId = freshWorkflow();
		const [one, two] = [startProcess(), startProcess()];
		const raw = deletion('overlap');
		const both = await Promise.all([
			deliver(one, { row, workflowId, raw }),
			deliver(two, { row, workflowId, raw }),
		]);
		expect(both.map((r) => r.emitted)).toEqual([1, 1]);
	});
});

describe('CRC and the checkpoint', () => {
	const crc = { webhookName: 'setup' as const, raw: '', query: { crc_token: 'abc' } };

	test('an answered CRC notes the receipt time, once a registration exists', async () => {
		const trigger = startProcess();
		const registered = newRow();
		await deliver(trigger, { ...crc, row: registered, workflowId: freshWorkflow() });
		expect(readCheckpoint(JSON.parse(registered.json)).at).toEqual(expect.any(Number));

		// During activation (no webhook id stored yet) activation's own save would race this one.
		const activating = newRow({});
		await deliver(trigger, { ...crc, row: activating, workflowId: freshWorkflow() });
		expect(activating.saves).toBe(0);
	});

	test('a refused CRC notes nothing', async () => {
		const row = newRow();
		await deliver(startProcess(), { ...crc, row, query: {}, workflowId: freshWorkflow() });
		expect(row.saves).toBe(0);
	});
});

describe('checkpoint write policy', () => {
	const t0 = 1_750_000_000_000;

	test('writes the first receipt, then only for a new key or a due heartbeat', () => {
		const data: IDataObject = {};
		noteReceipt(data, t0);
		expect(readCheckpoint(data)).toEqual({ at: t0, keys: [] });
		const first = JSON.stringify(data);
		noteReceipt(data, t0 + 1000);
		noteReceipt(data, t0 + 2000, []);
		expect(JSON.stringify(data)).toBe(first);
		noteReceipt(data, t0 + 3000, ['k1']);
		expect(readCheckpoint(data)).toEqual({ at: t0 + 3000, keys: ['k1'] });
		const withKey = JSON.stringify(data);
		noteReceipt(data, t0 + 4000, ['k1']);
		expect(JSON.stringify(data)).toBe(withKey);
		noteReceipt(data, t0 + 3000 + CHECKPOINT_HEARTBEAT_MS, ['k1']);
		expect(readCheckpoint(data).at).toBe(t0 + 3000 + CHECKPOINT_HEARTBEAT_MS);
	});

	test('keeps the newest keys, at most the cap, and drops keys older than the window', () => {
		const data: IDataObject = {};
		const keys = [...Array(CHECKPOINT_MAX_KEYS + 10).keys()].map((i) => `key-${i}`);
		noteReceipt(data, t0, keys);
		expect(readCheckpoint(data).keys).toEqual(keys.slice(10).reverse());
		expect(JSON.stringify(data).length).toBeLessThan(2048);
		noteReceipt(data, t0 + CHECKPOINT_KEY_WINDOW_MS + 1000, ['later']);
		expect(readCheckpoint(data).keys).toEqual(['later']);
	});

	test('a damaged or hostile checkpoint reads as never received and is replaced', () => {
		for (const bad of [
			null,
			'x',
			[],
			{ at: 'yesterday' },
			{ at: -1, keys: [] },
			{ at: 1, keys: [[{}, 1]] },
			{ at: 1, keys: Array(1000).fill(['k', 1]) },
		]) {
			const data: IDataObject = { [CHECKPOINT_FIELD]: bad as IDataObject };
			const read = readCheckpoint(data);
			expect(read.keys.length).toBeLessThanOrEqual(CHECKPOINT_MAX_KEYS * 2);
			if (read.at === null) {
				noteReceipt(data, t0, ['k']);
				expect(readCheckpoint(data)).toEqual({ at: t0, keys: ['k'] });
			}
		}
		expect(readCheckpoint({ [CHECKPOINT_FIELD]: { at: 1, keys: [[{}, 1]] } })).toEqual({
			at: 1,
			keys: [],
		});
	});

	test('keys too long to be ours are not stored', () => {
		const data: IDataObject = {};
		noteReceipt(data, t0, ['k'.repeat(65), 'ok']);
		expect(readCheckpoint(data).keys).toEqual(['ok']);
	});
});

describe('bounds', () => {
	test('a trigger remembers its last EVENTS_PER_TRIGGER keys', () => {
		const memory = new TriggerMemory();
		let first = 0;
		for (let i = 0; i <= EVENTS_PER_TRIGGER; i++) first += Number(memory.firstSighting(`k${i}`, 0));
		expect(first).toBe(EVENTS_PER_TRIGGER + 1);
		expect(memory.size).toBe(EVENTS_PER_TRIGGER);
		expect(memory.firstSighting(`k${EVENTS_PER_TRIGGER}`, 0)).toBe(false);
		expect(memory.firstSighting('k1', 0)).toBe(false);
		expect(memory.firstSighting('k0', 0)).toBe(true);
	});

	test('recent keys are the last emissions within the checkpoint window', () => {
		const memory = new TriggerMemory();
		memory.firstSighting('old', 0);
		for (let i = 0; i < CHECKPOINT_MAX_KEYS; i++)
			memory.firstSighting(`n${i}`, CHECKPOINT_KEY_WINDOW_MS + 10);
		memory.seed(['seeded']);
		const recent = memory.recentKeys(CHECKPOINT_KEY_WINDOW_MS + 20);
		expect(recent).toHaveLength(CHECKPOINT_MAX_KEYS);
		expect(recent).not.toContain('old');
		expect(recent).not.toContain('seeded');
		expect(memory.firstSighting('seeded', 0)).toBe(false);
	});

	test('BoundedKeySet forgets the oldest; a key seen again keeps its age', () => {
		const set = new BoundedKeySet(2);
		expect([set.add('a'), set.add('b'), set.add('a'), set.add('c')]).toEqual([
			true,
			true,
			false,
			true,
		]);
		expect([set.has('a'), set.has('b'), set.has('c')]).toEqual([false, true, true]);
	});

	test('LruMap forgets the least recently used trigger', () => {
		const map = new LruMap<number>(2);
		map.set('a', 1);
		map.set('b', 2);
		expect(map.get('a')).toBe(1);
		map.set('c', 3);
		expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
		expect(map.size).toBe(2);
	});
});

describe('knownInProcess (for missed-event recovery)', () => {
	test('false until this process answered the trigger, true afterwards; a restart forgets', async () => {
		const load = () => {
			let store:
				typeof import('../../nodes/XAccountActivityTrigger/dedupe/dedupeStore') | undefined;
			let trigger: Trigger | undefined;
			jest.isolateModules(() => {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				store = require('../../nodes/XAccountActivityTrigger/dedupe/dedupeStore');
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				trigger =
					new (require('../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node').XAccountActivityTrigger)();
			});
			return { store: store!, trigger: trigger! };
		};
		const row = newRow();
		const workflowId = freshWorkflow();
		const context = fakeContext({ staticData: {}, workflowId }) as unknown as IWebhookFunctions;
		const first = load();
		expect(first.store.knownInProcess(context)).toBe(false);
		await deliver(first.trigger, {
			row,
			workflowId,
			raw: deletion('k1'),
			options: { deduplicate: false },
		});
		expect(first.store.knownInProcess(context)).toBe(true);
		expect(load().store.knownInProcess(context)).toBe(false);
	});
});
