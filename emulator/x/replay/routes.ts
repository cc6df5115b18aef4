import { emulatorNow } from '../../core/clock';
import { parseJsonBody, type Router } from '../../core/router';
import { json, type Reply } from '../../core/reply';
import { xEndpoint, type XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { findWebhook } from '../webhooks/store';
import { startReplayJob } from './job';
import { validateReplayWindow } from './window';

/**
 * `POST /2/webhooks/replay`, plus the AAA path it replaced on 2026-03-25, served only with
 * `legacyReplay` (otherwise the /2 fallback answers 404, as X does now). Register before `/2/webhooks/:id`.
 */
export function registerReplayRoutes(router: Router, ctx: XContext): void {
	const spec = { group: 'replay', auth: ['app'] } as const;
	const replay = (webhookId: unknown, from: unknown, to: unknown): Reply => {
		const webhook = findWebhook(ctx.state, webhookId);
		if (!webhook.valid)
			throw invalidRequest(
				'CrcValidationFailed',
				`Webhook ${webhook.id} is not valid; re-validate it with PUT /2/webhooks/${webhook.id}.`,
			);
		const { fromMs, toMs } = validateReplayWindow(
			from,
			to,
			ctx.options.replayWindow,
			emulatorNow(ctx.options),
		);
		const job = startReplayJob(ctx, webhook, fromMs, toMs);
		return json(200, { data: { job_id: job.job_id, created_at: job.created_at } });
	};

	router.add(
		'POST',
		'/2/webhooks/replay',
		xEndpoint(ctx, spec, (req) => {
			const body =
				parseJsonBody<{ webhook_id?: unknown; from_date?: unknown; to_date?: unknown }>(req) ?? {};
			return replay(body.webhook_id, body.from_date, body.to_date);
		}),
	);

	if (ctx.options.legacyReplay) {
		router.add(
			'POST',
			'/2/account_activity/replay/webhooks/:wid/subscriptions/all',
			xEndpoint(ctx, spec, (req) =>
				replay(req.params.wid, req.query.get('from_date'), req.query.get('to_date')),
			),
		);
	}
}
