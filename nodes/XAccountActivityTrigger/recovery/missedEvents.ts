import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { createReplayJob } from '../../shared/api/xReplay';
import { listWebhooks, revalidateWebhook } from '../../shared/api/xWebhooks';
import { xErrorReason } from '../../shared/transport/xErrors';
import { makeItem, type Item, type Source } from '../schemas/item';
import type { TriggerState } from '../triggerState';
import { type Span, addSpan, dueAt, nextReplay, widenGap } from './replayPlan';
import {
	type RecoveryState,
	knownInProcess,
	readRecovery,
	rememberInProcess,
	writeRecovery,
} from './recoveryState';

/**
 * Missed-event recovery (option "Recover Missed Events"): when the trigger finds it was not
 * receiving — at activation, at an n8n restart, or when a delivery or CRC arrives after a silence
 * — it asks X to replay the gap (`POST /2/webhooks/replay`). What is too recent for X's replay
 * window waits for a later request; what is older than X keeps is reported as lost. Nothing here
 * throws: a refused replay is logged and reported as a `replay.finished` item, and activation and
 * webhook answers go on. docs/x-replay-and-recovery.md has the X rules this relies on.
 */

export type Occasion = 'activation' | 'delivery' | 'crc';
type Context = IHookFunctions | IWebhookFunctions;

const MINUTE = 60_000;
/** Activation or a restart: the trigger was certainly away since its last receipt. */
const AWAY_GAP_MS = MINUTE;
/**
 * While running, silence is normal for a quiet account; but X sends a CRC about every hour (X's
 * webhook docs), each of which counts as a receipt, so a longer silence means X could not reach us.
 */
export const SILENCE_GAP_MS = 70 * MINUTE;
/** A job whose replay_job_status never came (lost while n8n was away) stops blocking after this long. */
const JOB_TIMEOUT_MS = 120 * MINUTE;

/** Nodes of this process in activation (its PUT and registration send CRCs here) or in recovery (which may PUT too). */
const activating = new Set<string>();
const running = new Set<string>();

/** Runs an activation hook; CRCs arriving meanwhile leave recovery to the hook. */
export async function duringActivation<T>(
	context: IHookFunctions,
	hook: () => Promise<T>,
): Promise<T> {
	const key = recoveryKey(context);
	activating.add(key);
	try {
		return await hook();
	} finally {
		activating.delete(key);
	}
}

/**
 * Off for test URLs ("Listen for test event"): a test listen is minutes long and not the production
 * webhook, so a gap it sees is not production's to replay (X bills replayed events too).
 */
export function recoveryEnabled(context: Context): boolean {
	if (context.getMode() === 'manual') return false;
	return (
		(context.getNodeParameter('options', {}) as { recoverMissedEvents?: boolean })
			.recoverMissedEvents !== false
	);
}

export function recoveryKey(context: Context): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

const readable = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const describe = (span: Span) => `${readable(span.from)} to ${readable(span.to)}`;

interface Gap {
	start: number | null;
	threshold: number;
}

function gapOf(state: RecoveryState, lastReceipt: number | null, away: boolean): Gap {
	const starts = [lastReceipt, state.coveredTo].filter((v): v is number => typeof v === 'number');
	return {
		start: starts.length ? Math.max(...starts) : null,
		threshold: away ? AWAY_GAP_MS : SILENCE_GAP_MS,
	};
}

/**
 * Whether the trigger was certainly away: at activation, and at the first request this process
 * sees for the node, which follows a restart n8n may not have announced (2.41 calls no hook then).
 * Marks the node as seen.
 */
export function firstSightInProcess(context: Context, staticData: TriggerState): boolean {
	const key = recoveryKey(context);
	const first = !knownInProcess(key);
	rememberInProcess(key, staticData);
	return first;
}

/**
 * Cheap, no X call: whether a request should stop to run recovery (a new gap, a pending part now
 * old enough, a finished or stale job, outcomes to report).
 */
export function recoveryDue(
	context: Context,
	staticData: TriggerState,
	now: number,
	lastReceipt: number | null,
	finishedJobIds: readonly string[],
	away: boolean,
): boolean {
	if (!recoveryEnabled(context) || !staticData.webhookId) return false;
	const key = recoveryKey(context);
	if (activating.has(key) || running.has(key)) return false;
	const state = readRecovery(key, staticData);
	if (state.stopped) return false;
	const { start, threshold } = gapOf(state, lastReceipt, away);
	if (start !== null && now - start > threshold) return true;
	if (state.job)
		return finishedJobIds.includes(state.job.id) || now - state.job.at > JOB_TIMEOUT_MS;
	const due = dueAt(state.pending);
	return state.reports.length > 0 || (due !== null && due <= now);
}

interface RunOptions {
	webhookId: string;
	staticData: TriggerState;
	now: number;
	lastReceipt: number | null;
	occasion: Occasion;
	/** X's replay_job_status items in this delivery. */
	finishedJobIds?: readonly string[];
	/** False on CRC requests: their static-data save can race with an activation's. */
	persist: boolean;
	/** See firstSightInProcess; always true at activation. */
	away?: boolean;
}

/** Finds and requests what is missing. Never throws. */
export async function recoverMissedEvents(this: Context, options: RunOptions): Promise<void> {
	if (!recoveryEnabled(this)) return;
	const key = recoveryKey(this);
	if (running.has(key)) return;
	running.add(key);
	const { staticData, now, occasion } = options;
	try {
		const state = readRecovery(key, staticData);
		const before = JSON.stringify(state);
		if (state.stopped && occasion === 'activation') {
			// The workflow was deactivated on purpose: that time is not a gap.
			Object.assign(state, { stopped: false, coveredTo: now, pending: [], job: null });
		} else if (!state.stopped) {
			const { start, threshold } = gapOf(
				state,
				options.lastReceipt,
				occasion === 'activation' || options.away === true,
			);
			if (start !== null && now - start > threshold) {
				state.pending = addSpan(state.pending, widenGap(start, now));
				state.coveredTo = now;
				this.logger.info(
					`X Account Activity Trigger: not receiving from ${readable(start)} to ${readable(now)}; recovering missed events`,
				);
				if (occasion !== 'activation') await keepWebhookValid.call(this, options.webhookId);
			}
			if (
				state.job &&
				(options.finishedJobIds?.includes(state.job.id) || now - state.job.at > JOB_TIMEOUT_MS)
			)
				state.job = null;
			// Not while activating: X sends the replayed events at once and never retries them, and
			// n8n may not answer on the URL until activation is over (measured on 2.8.4 at a
			// restart). The first delivery or CRC afterwards asks, X's hourly CRC at the latest.
			if (!state.job && occasion !== 'activation')
				await requestNext.call(this, state, options.webhookId, now);
		}
		if (JSON.stringify(state) !== before) writeRecovery(key, staticData, state, options.persist);
		else rememberInProcess(key, staticData);
	} catch (error) {
		this.logger.warn(
			`X Account Activity Trigger: missed-event recovery failed: ${(error as Error).message}`,
		);
	} finally {
		running.delete(key);
	}
}

async function requestNext(
	this: Context,
	state: RecoveryState,
	webhookId: string,
	now: number,
): Promise<void> {
	const step = nextReplay(state.pending, now);
	state.pending = step.pending;
	for (const span of step.lost) {
		state.reports.push({
			jobId: null,
			state: 'Incomplete',
			description: `Events from ${describe(span)} could not be recovered: X replays only the last 24 hours.`,
			at: now,
		});
	}
	if (!step.request) return;
	const request = step.request;
	try {
		const job = await createReplayJob.call(this, {
			webhookId,
			fromMs: request.from,
			toMs: request.to,
		});
		state.job = { id: job.job_id, from: request.from, to: request.to, at: now };
		this.logger.info(
			`X Account Activity Trigger: asked X to replay ${describe(request)} (job ${job.job_id})`,
		);
	} catch (error) {
		const reason = xErrorReason(error);
		const status = Number((error as { context?: { httpStatus?: unknown } }).context?.httpStatus);
		const transient = reason === 'ReplayConflictError' || status === 429 || !(status < 500);
		const message = `${(error as Error).message}${(error as { description?: string }).description ? `: ${(error as { description?: string }).description}` : ''}`;
		if (transient) {
			// Another job is running, X's replay rate limit, or X unreachable: asked again at the next chance.
			state.pending = addSpan(state.pending, request);
			this.logger.warn(
				`X Account Activity Trigger: replay of ${describe(request)} postponed (${message})`,
			);
			return;
		}
		state.reports.push({
			jobId: null,
			state: 'Refused',
			description: `X refused to replay ${describe(request)}: ${message}`,
			at: now,
		});
		this.logger.warn(
			`X Account Activity Trigger: X refused to replay ${describe(request)}: ${message}`,
		);
	}
}

/** X stops delivering to a webhook it marked invalid until a re-validation (PUT) passes. */
async function keepWebhookValid(this: Context, webhookId: string): Promise<void> {
	try {
		const webhook = (await listWebhooks.call(this)).find((w) => w.id === webhookId);
		if (webhook?.valid === false && !(await revalidateWebhook.call(this, webhookId))) {
			this.logger.warn(
				'X Account Activity Trigger: X marks the webhook invalid and re-validating it failed; deactivate and activate the workflow',
			);
		}
	} catch (error) {
		this.logger.warn(
			`X Account Activity Trigger: could not check the webhook with X: ${(error as Error).message}`,
		);
	}
}

/** X's replay_job_status for the job in flight: the next part may be requested. Cheap; runs even during an activation. */
export function noteFinishedJobs(
	context: IWebhookFunctions,
	staticData: TriggerState,
	finishedJobIds: readonly string[],
): void {
	if (!finishedJobIds.length) return;
	const key = recoveryKey(context);
	const state = readRecovery(key, staticData);
	if (state.job && finishedJobIds.includes(state.job.id))
		writeRecovery(key, staticData, { ...state, job: null }, true);
}

/** Outcomes not yet shown to the workflow, as `replay.finished` items; they are removed from the state. */
export function takeRecoveryReports(
	context: IWebhookFunctions,
	staticData: TriggerState,
	source: Source,
	forUserId: string | null,
): Item[] {
	const key = recoveryKey(context);
	const state = readRecovery(key, staticData);
	if (!state.reports.length) return [];
	const items = state.reports.map((report) =>
		makeItem(
			{
				event: 'replay.finished',
				kinds: ['replay.finished'],
				eventId: `recovery:${report.at}:${report.state}:${report.description.length}`,
				source,
				forUserId,
				createdAt: new Date(report.at).toISOString(),
			},
			{ replay: { jobId: report.jobId, state: report.state, description: report.description } },
		),
	);
	writeRecovery(key, staticData, { ...state, reports: [] }, true);
	return items;
}

/** Deactivation: the time until the next activation is not a gap. */
export function stopRecovery(context: IHookFunctions, staticData: TriggerState): void {
	const key = recoveryKey(context);
	writeRecovery(
		key,
		staticData,
		{ ...readRecovery(key, staticData), stopped: true, pending: [], job: null },
		true,
	);
}
