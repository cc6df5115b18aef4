import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { BoundedKeySet, LruMap } from './boundedKeySet';
import {
	CHECKPOINT_KEY_WINDOW_MS,
	CHECKPOINT_MAX_KEYS,
	noteReceipt,
	readCheckpoint,
} from './checkpoint';
import { deliveryKey } from './dedupeKey';

/**
 * Which events this trigger has already emitted, so X's retries, replays and several apps
 * sharing a URL do not start the workflow twice.
 *
 * Why process memory, not the workflow's static data (where it was until issue #9):
 * - n8n gives `webhook()` no atomic store. It re-reads the workflow, static data included, for
 *   every request and saves the request's whole static-data JSON afterwards, last writer wins:
 *   two overlapping deliveries lose one's keys (501 distinct events at concurrency 20 left 27
 *   keys), and on n8n 2.41 a write from `webhook()` is not kept at all. n8n-core's DB-backed
 *   dedupe helpers exist only for execute contexts and are not atomic either.
 * - Static data is copied into every execution and read and written per request: 2,000 keys
 *   made it ~136 KB, halved throughput against n8n's Webhook node and stored ~120 KB per execution.
 * - A JS process runs `webhook()` code on one thread, so a check and a record with no `await`
 *   between them are atomic within the process, however many deliveries overlap. Set lookups
 *   make that O(1) per event, whatever the number of keys.
 *
 * Bounded: EVENTS_PER_TRIGGER keys per trigger (oldest forgotten first), TRIGGERS_PER_PROCESS
 * triggers per process (least recently receiving forgotten first), keys a fixed-size digest.
 *
 * Keyed by workflow id, node id and execution mode: two triggers in one workflow, or two
 * workflows, each receive the event; a workflow re-activated keeps its memory (X may replay
 * what it sent before); a deleted workflow's memory ages out of the LRU; a test URL
 * ("Listen for test event") does not share production's memory or checkpoint.
 *
 * What memory cannot do is survive a restart or span processes: the small persisted checkpoint
 * (checkpoint.ts) carries the last few minutes' keys across a restart, and, since n8n re-reads
 * static data per request, to other processes that read it after it was written.
 */
export const EVENTS_PER_TRIGGER = 10_000;
export const TRIGGERS_PER_PROCESS = 100;

export class TriggerMemory {
	private readonly seen = new BoundedKeySet(EVENTS_PER_TRIGGER);
	/** The last emissions, newest last: what the checkpoint needs, without scanning `seen`. */
	private readonly recent: Array<{ key: string; at: number }> = [];

	get size(): number {
		return this.seen.size;
	}

	/** True the first time a key is seen; records it in the same synchronous step. */
	firstSighting(key: string, now: number): boolean {
		if (!this.seen.add(key)) return false;
		this.recent.push({ key, at: now });
		if (this.recent.length > CHECKPOINT_MAX_KEYS) this.recent.shift();
		return true;
	}

	/** Records keys emitted elsewhere (an earlier process, another webhook process) as seen. */
	seed(keys: readonly string[]): void {
		for (const key of keys) this.seen.add(key);
	}

	/** Records a key without counting it as an emission (a delivery id). */
	remember(key: string): boolean {
		return this.seen.add(key);
	}

	recentKeys(now: number): string[] {
		const cutoff = now - CHECKPOINT_KEY_WINDOW_MS;
		return this.recent.filter((entry) => entry.at >= cutoff).map((entry) => entry.key);
	}
}

const memories = new LruMap<TriggerMemory>(TRIGGERS_PER_PROCESS);

function scopeOf(context: IWebhookFunctions): string {
	return JSON.stringify([context.getWorkflow().id ?? '', context.getNode().id, context.getMode()]);
}

/**
 * Whether this process has answered this trigger before (since it started, or since the trigger
 * was forgotten by the LRU): false on the first delivery or CRC after an n8n restart, which is
 * when missed-event recovery has to look at the checkpoint. Call it before `triggerMemory`.
 */
export function knownInProcess(context: IWebhookFunctions): boolean {
	return memories.has(scopeOf(context));
}

/** Test URLs do not write or read production's checkpoint. */
function persists(context: IWebhookFunctions): boolean {
	return context.getMode() !== 'manual';
}

/**
 * This trigger's memory in this process, seeded with the persisted checkpoint's keys: the first
 * request after a restart knows what was emitted just before it, and every request learns what
 * other processes recorded.
 */
export function triggerMemory(context: IWebhookFunctions, staticData: IDataObject): TriggerMemory {
	const scope = scopeOf(context);
	let memory = memories.get(scope);
	if (!memory) {
		memory = new TriggerMemory();
		memories.set(scope, memory);
	}
	if (persists(context)) memory.seed(readCheckpoint(staticData).keys);
	return memory;
}

/** After an authentic delivery or CRC was answered: keeps the checkpoint current (it decides when to write). */
export function noteAnswered(
	context: IWebhookFunctions,
	staticData: IDataObject,
	memory: TriggerMemory | null,
	now: number,
): void {
	if (persists(context)) noteReceipt(staticData, now, memory?.recentKeys(now) ?? []);
}

/**
 * Delivery-level dedupe, for senders that number their retries (Ayrshare's `retryAttempt`): a
 * retry of a delivery id already accepted is dropped whole. Every delivery id is recorded.
 */
export function isRedelivery(
	memory: TriggerMemory,
	source: string,
	deliveryId: string,
	isRetry: boolean,
): boolean {
	const first = memory.remember(deliveryKey(source, deliveryId));
	return isRetry && !first;
}
