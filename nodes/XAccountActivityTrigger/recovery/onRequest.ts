import type { IWebhookFunctions } from 'n8n-workflow';

import { readCheckpoint } from '../dedupe/checkpoint';
import type { Item } from '../schemas/item';
import type { TriggerState } from '../triggerState';
import {
	firstSightInProcess,
	noteFinishedJobs,
	recoverMissedEvents,
	recoveryDue,
	recoveryEnabled,
	takeRecoveryReports,
} from './missedEvents';

/**
 * Missed-event recovery on the request path of the X routes. Both hooks read the last receipt from
 * the checkpoint, so the caller notes this request as a receipt only after them (receive.ts, through
 * the dedupe store's `noteAnswered`, the one writer of the checkpoint). When recovery has work, X gets
 * its answer first, so a replay request never delays it. Where recovery is off (the option, or a
 * test URL) the hooks touch none of its state: a test request must not mark production's node as
 * seen in this process, nor clear production's replay job.
 */

/** After a CRC was answered. Recovery state stays in memory here: see recoveryState.ts. */
export async function afterCrc(
	this: IWebhookFunctions,
	state: TriggerState,
	now: number,
): Promise<void> {
	if (!recoveryEnabled(this)) return;
	const lastReceipt = readCheckpoint(state).at;
	const away = firstSightInProcess(this, state);
	if (state.webhookId && recoveryDue(this, state, now, lastReceipt, [], away)) {
		await recoverMissedEvents.call(this, {
			webhookId: state.webhookId,
			staticData: state,
			now,
			lastReceipt,
			occasion: 'crc',
			persist: false,
			away,
		});
	}
}

/**
 * After an authentic delivery was read. Returns null when recovery had nothing to do (the caller
 * answers as usual); otherwise it has called `answer` and returns the recovery outcomes to emit.
 */
export async function afterDelivery(
	this: IWebhookFunctions,
	state: TriggerState,
	now: number,
	items: readonly Item[],
	answer: () => void,
): Promise<Item[] | null> {
	if (!recoveryEnabled(this)) return null;
	const lastReceipt = readCheckpoint(state).at;
	const finishedJobIds = items.flatMap((item) =>
		item.event === 'replay.finished' && item.replay?.jobId ? [item.replay.jobId] : [],
	);
	noteFinishedJobs(this, state, finishedJobIds);
	const away = firstSightInProcess(this, state);
	const due = !!state.webhookId && recoveryDue(this, state, now, lastReceipt, finishedJobIds, away);
	if (!due || !state.webhookId) return null;
	answer();
	await recoverMissedEvents.call(this, {
		webhookId: state.webhookId,
		staticData: state,
		now,
		lastReceipt,
		occasion: 'delivery',
		finishedJobIds,
		persist: true,
		away,
	});
	const first = items[0];
	return takeRecoveryReports(
		this,
		state,
		first?.source ?? (this.getNodeParameter('source', 'aaa') as Item['source']),
		first?.forUserId ?? state.subscribedUserId ?? null,
	);
}
