import { stringifyJson, X_JSON_STYLE } from '../../core/json';
import { deliver, sleep } from '../delivery';
import type { XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { snowflakeId } from '../ids';
import type { ReplayJob, Webhook } from '../state';

/**
 * Starts a replay job: answers at once, then re-sends every event first delivered (or attempted) to
 * the webhook within [from, to), and finally the signed `replay_job_status` message.
 */
export function startReplayJob(ctx: XContext, webhook: Webhook, fromMs: number, toMs: number): ReplayJob {
	if (ctx.state.replayJobs.some((j) => j.webhook_id === webhook.id && j.state === 'Running')) {
		throw invalidRequest('ReplayConflictError', `A replay job is already in progress for webhook ${webhook.id}.`);
	}
	const job: ReplayJob = {
		job_id: snowflakeId(),
		webhook_id: webhook.id,
		from: new Date(fromMs).toISOString(),
		to: new Date(toMs).toISOString(),
		created_at: new Date().toISOString(),
		state: 'Running',
		redelivered: 0,
	};
	ctx.state.replayJobs.push(job);
	void runJob(ctx, job, webhook, fromMs, toMs);
	return job;
}

async function runJob(ctx: XContext, job: ReplayJob, webhook: Webhook, fromMs: number, toMs: number): Promise<void> {
	await sleep(ctx.options.replayDelayMs);
	// Only first attempts of live events: retries and earlier replays are the same events again.
	const originals = ctx.state.deliveries.filter((d) => d.webhookId === webhook.id && d.kind === 'event' && d.attempt === 1 && d.atMs >= fromMs && d.atMs < toMs);
	for (const original of originals) {
		// X does not retry replayed events.
		await deliver(ctx, webhook, original.body, { kind: 'replay', retries: 0 });
		job.redelivered++;
	}
	// Complete before the status goes out: receiving it means another job may be submitted.
	job.state = 'Complete';
	const status = {
		replay_job_status: { webhook_id: webhook.id, job_state: 'Complete', job_state_description: 'Job completed successfully', job_id: job.job_id },
	};
	await deliver(ctx, webhook, stringifyJson(status, X_JSON_STYLE), { kind: 'replay_status', retries: 0 });
}
