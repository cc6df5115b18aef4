import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * What missed-event recovery remembers, under its own static-data key: the parts of a gap still
 * to request, the job X is running, and outcomes not yet shown to the workflow. It is written only
 * when a gap is found or a job requested, so normal deliveries never touch it.
 *
 * The static data n8n hands a request is re-read from the database each time, and a write from a
 * CRC request can race with an activation's own save (docs/x-replay-and-recovery.md). So the
 * newest state also lives in process memory, keyed by workflow and node, and the newer of the
 * two (by `rev`) wins.
 */

export const RECOVERY_FIELD = 'missedEventRecovery';

const spanSchema = z.object({ from: z.number().finite(), to: z.number().finite() });

const reportSchema = z.object({
	jobId: z.string().nullable(),
	state: z.string(),
	description: z.string(),
	at: z.number().finite(),
});

const stateSchema = z.object({
	rev: z.number().finite().default(0),
	/** Receipts up to here are accounted for: recovered, requested, pending or given up. */
	coveredTo: z.number().finite().nullable().default(null),
	pending: z.array(spanSchema).max(50).default([]),
	job: z
		.object({ id: z.string(), from: z.number(), to: z.number(), at: z.number() })
		.nullable()
		.default(null),
	reports: z.array(reportSchema).max(10).default([]),
	/** Set on deactivation: the time the workflow was off is not a gap. */
	stopped: z.boolean().default(false),
});

export type RecoveryState = z.infer<typeof stateSchema>;
export type RecoveryReport = z.infer<typeof reportSchema>;

const memory = new Map<string, RecoveryState>();

const fresh = (): RecoveryState => stateSchema.parse({});

export function readRecovery(key: string, staticData: IDataObject): RecoveryState {
	const parsed = stateSchema.safeParse(staticData[RECOVERY_FIELD]);
	const stored = parsed.success ? parsed.data : null;
	const inMemory = memory.get(key);
	const newest = inMemory && (!stored || inMemory.rev >= stored.rev) ? inMemory : stored;
	return newest ? (JSON.parse(JSON.stringify(newest)) as RecoveryState) : fresh();
}

/** Keeps the state in memory, and in static data too unless `persist` is false (CRC requests). */
export function writeRecovery(
	key: string,
	staticData: IDataObject,
	state: RecoveryState,
	persist: boolean,
): void {
	const next = {
		...state,
		rev: state.rev + 1,
		reports: state.reports.slice(-10),
		pending: state.pending.slice(0, 50),
	};
	memory.set(key, next);
	if (persist) staticData[RECOVERY_FIELD] = JSON.parse(JSON.stringify(next)) as IDataObject;
}

/** Whether this process has seen the node before: the first request after a restart has no memory yet. */
export function knownInProcess(key: string): boolean {
	return memory.has(key);
}

export function rememberInProcess(key: string, staticData: IDataObject): void {
	if (!memory.has(key)) memory.set(key, readRecovery(key, staticData));
}
