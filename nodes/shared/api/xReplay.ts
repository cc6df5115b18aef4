import { type XReplayJob, replayJobCreatedSchema } from '../schemas/xResponses';
import { type XRequestContext, xApiRequest } from '../transport/xApi';
import { formatReplayDate } from '../replayWindow';
import { parseResponse } from './parse';

/**
 * Starts a replay job (docs/x-webhooks-and-account-activity.md). `legacy` uses the Account Activity path that X retired
 * on 2026-03-25, for enterprise contracts that still have it.
 */
export async function createReplayJob(
	this: XRequestContext,
	request: { webhookId: string; fromMs: number; toMs: number; legacy?: boolean },
): Promise<XReplayJob> {
	const dates = {
		from_date: formatReplayDate(request.fromMs),
		to_date: formatReplayDate(request.toMs),
	};
	const body = request.legacy
		? await xApiRequest.call(this, 'app', {
				method: 'POST',
				path: `/2/account_activity/replay/webhooks/${encodeURIComponent(request.webhookId)}/subscriptions/all`,
				qs: dates,
			})
		: await xApiRequest.call(this, 'app', {
				method: 'POST',
				path: '/2/webhooks/replay',
				body: { webhook_id: request.webhookId, ...dates },
			});
	return parseResponse(this.getNode(), replayJobCreatedSchema, body, 'starting the replay');
}
