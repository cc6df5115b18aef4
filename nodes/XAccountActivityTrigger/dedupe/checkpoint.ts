import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * The small, rarely written part of dedupe that survives an n8n restart, in the node's static
 * data: when this trigger last answered X (a delivery or a CRC), and the keys it emitted shortly
 * before. Missed-event recovery replays from a little before `at`; seeding the in-memory store
 * with `keys` keeps that replay from emitting again what was emitted before the restart.
 * See dedupeStore.ts for why the rest of dedupe lives in process memory instead.
 *
 * Write policy, chosen by measurement (README, "Duplicates" and "Performance"):
 * - Written when a delivery emits a key the stored checkpoint lacks, else at most once a minute
 *   (heartbeat for `at`). n8n saves static data only when it changed, so a delivery that emits
 *   nothing new costs no database write.
 * - Small and bounded (the last CHECKPOINT_MAX_KEYS keys of the last few minutes, ~35 bytes each):
 *   n8n 2.8.4 copies the workflow's static data into every stored execution.
 * - Written per emitting delivery rather than on a timer, because n8n re-reads static data for
 *   every request: each webhook process then learns, from the checkpoint it reads, what the
 *   others emitted just before. In queue mode with two webhook processes behind a round-robin
 *   proxy, 98 of 200 twice-delivered events had their copies on different processes; 5-6 ran
 *   twice. The cost of the write stayed inside the throughput target against n8n's Webhook node.
 */
export interface Checkpoint {
	/** ms epoch of the last delivery or CRC answered, as last written (at most CHECKPOINT_HEARTBEAT_MS stale). */
	at: number | null;
	/** Dedupe keys (dedupeKey.ts) emitted within CHECKPOINT_KEY_WINDOW_MS before `at`. */
	keys: string[];
}

/** The static-data field; its own name, so nothing else in the node's state is touched by a receipt. */
export const CHECKPOINT_FIELD = 'receiptCheckpoint';
/** Keys emitted this long before the last receipt are kept: a replay starts a minute or two before `at`. */
export const CHECKPOINT_KEY_WINDOW_MS = 3 * 60_000;
/** At most this many keys (~35 bytes each) keep the checkpoint, and every execution's copy of it, small. */
export const CHECKPOINT_MAX_KEYS = 24;
/** `at` alone is rewritten at most this often: every write costs a database update and lands in executions. */
export const CHECKPOINT_HEARTBEAT_MS = 60_000;

const MAX_KEY_LENGTH = 64;

/** `[key, emitted at (s epoch)]`: seconds are precise enough for a window of minutes and keep the JSON short. */
const storedSchema = z.object({
	at: z.number().finite().nonnegative(),
	keys: z
		.array(z.tuple([z.string().min(1).max(MAX_KEY_LENGTH), z.number().finite()]))
		.max(CHECKPOINT_MAX_KEYS * 2)
		.catch([]),
});
type Stored = z.infer<typeof storedSchema>;

function stored(staticData: IDataObject): Stored | null {
	const parsed = storedSchema.safeParse(staticData[CHECKPOINT_FIELD]);
	return parsed.success ? parsed.data : null;
}

/** Never throws: a missing or damaged checkpoint reads as "never received". */
export function readCheckpoint(staticData: IDataObject): Checkpoint {
	const found = stored(staticData);
	return found ? { at: found.at, keys: found.keys.map(([key]) => key) } : { at: null, keys: [] };
}

/**
 * Records that the trigger answered X at `now`, and which dedupe keys it has emitted recently
 * (`emittedKeys` may repeat keys already recorded). Writes static data only when a key is new or
 * `at` is older than the heartbeat, so most deliveries leave static data untouched and n8n has
 * nothing to save.
 */
export function noteReceipt(
	staticData: IDataObject,
	now: number,
	emittedKeys: readonly string[] = [],
): void {
	const previous = stored(staticData);
	const nowSeconds = Math.floor(now / 1000);
	const cutoff = Math.floor((now - CHECKPOINT_KEY_WINDOW_MS) / 1000);
	const keys = new Map((previous?.keys ?? []).filter(([, at]) => at >= cutoff));
	let added = false;
	for (const key of emittedKeys) {
		if (keys.has(key) || key.length > MAX_KEY_LENGTH) continue;
		keys.set(key, nowSeconds);
		added = true;
	}
	const heartbeatDue = !previous || now - previous.at >= CHECKPOINT_HEARTBEAT_MS;
	if (!added && !heartbeatDue) return;
	// Newest kept (latest first among equal seconds): a replay after a restart is surest to bring them back.
	const newest = [...keys]
		.reverse()
		.sort((a, b) => b[1] - a[1])
		.slice(0, CHECKPOINT_MAX_KEYS);
	staticData[CHECKPOINT_FIELD] = { at: now, keys: newest };
}
