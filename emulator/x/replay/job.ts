import { emulatorNow } from '../../core/clock';
import { stringifyJson, X_JSON_STYLE } from '../../core/json';
import { deliver, sleep } from '../delivery';
import type { XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { snowflakeId } from '../ids';
import type { ReplayJob, Webhook } from '../state';
import { runCrc } from '../webhooks/crc';

/**
 * Starts a replay job: answers at once, then re-sends every event first delivered (or attempted) to
 * the webhook within [from, to), and finally the signed `replay_job_status` message.
 * Sources: docs.x.com "Create replay job for webhook" (events "delivered or attempted to be
 * delivered", past 24 hours); X's Replay API reference ("We do perform a CRC before delivering
 * replay events"; activities "from all subscriptions present during" the window, which is why
 * events X held back from an invalid webhook are replayed too); AAA guide: completion arrives as
 * `replay_job_status` with `job_state` Complete or Incomplete.
 */
export function startReplayJob(
	ctx: XContext,
	webhook: Webhook,
	fromMs: number,
	toMs: number,
): ReplayJob {
	if (ctx.state.replayJobs.some((j) => j.webhook_id === webhook.id && j.state === 'Running')) {
		throw invalidRequest(
			'ReplayConflictError',
			`A replay job is already in progress for webhook ${webhook.id}.`,
		);
	}
	const job: ReplayJob = {
		job_id: snowflakeId(),
		webhook_id: webhook.id,
		from: new Date(fromMs).toISOString(),
		to: new Date(toMs).toISOString(),
		created_at: new Date(emulatorNow(ctx.options)).toISOString(),
		state: 'Running',
		redelivered: 0,
	};
	ctx.state.replayJobs.push(job);
	void runJob(ctx, job, webhook, fromMs, toMs);
	return job;
}

async function runJob(
	ctx: XContext,
	job: ReplayJob,
	webhook: Webhook,
	fromMs: number,
	toMs: number,
): Promise<void> {
	await sleep(ctx.options.replayDelayMs);
	const crc = await runCrc(ctx, webhook.url, webhook.id);
	if (!crc.ok) {
		// Nothing can be sent to a URL that fails its check, not even the status. (Guess: X's docs do not say what the job does then.)
		webhook.valid = false;
		job.state = 'Incomplete';
		return;
	}
	// Only first attempts of live events: retries and earlier replays are the same events again.
	const originals = ctx.state.deliveries.filter(
		(d) =>
			d.webhookId === webhook.id &&
			d.kind === 'event' &&
			d.attempt === 1 &&
			d.atMs >= fromMs &&
			d.atMs < toMs,
	);
	let failed = 0;
	for (const original of originals) {
		// X does not retry replayed events.
		const [attempt] = await deliver(ctx, webhook, original.body, { kind: 'replay', retries: 0 });
		if (attempt.status === null || attempt.status < 200 || attempt.status >= 300) failed++;
		job.redelivered++;
	}
	// Settled before the status goes out: receiving it means another job may be submitted.
	// "Incomplete" when a re-delivery failed is a guess at what X means by it.
	job.state = failed ? 'Incomplete' : 'Complete';
	const status = {
		replay_job_status: {
			webhook_id: webhook.id,
			job_state: job.state,
			job_state_description: failed
				? `${failed} of ${originals.length} events could not be delivered`
				: 'Job completed successfully',
			job_id: job.job_id,
		},
	};
	await deliver(ctx, webhook, stringifyJson(status, X_JSON_STYLE), {
		kind: 'replay_status',
		retries: 0,
	});
}
