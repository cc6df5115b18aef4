import { emulatorNow } from '../../core/clock';
import { parseJsonBody, type Router } from '../../core/router';
import { json } from '../../core/reply';
import { xEndpoint, type XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { snowflakeId } from '../ids';
import type { Webhook } from '../state';
import { runCrc } from './crc';
import { findWebhook } from './store';
import { validateWebhookUrl } from './url-rules';

/** `/2/webhooks` register, list, re-validate and delete. Replay is registered separately (and first). */
export function registerWebhookRoutes(router: Router, ctx: XContext): void {
	const { state, options } = ctx;
	const manage = { group: 'webhooks', auth: ['app', 'user'] } as const;

	router.add(
		'POST',
		'/2/webhooks',
		xEndpoint(ctx, manage, async (req) => {
			const url = validateWebhookUrl(
				parseJsonBody<{ url?: unknown }>(req)?.url,
				options.strictUrls,
			);
			if (state.webhooks.some((w) => w.url === url))
				throw invalidRequest('DuplicateUrlFailed', `A webhook with the url ${url} already exists.`);
			if (state.webhooks.length >= options.webhookLimit) {
				throw invalidRequest(
					'WebhookLimitExceeded',
					`The maximum number of webhooks (${options.webhookLimit}) has been reached.`,
				);
			}
			const check = await runCrc(ctx, url);
			if (!check.ok) throw invalidRequest('CrcValidationFailed', check.reason ?? 'CRC failed');
			const webhook: Webhook = {
				id: snowflakeId(),
				url,
				valid: true,
				created_at: new Date(emulatorNow(options)).toISOString(),
			};
			check.webhookId = webhook.id;
			state.webhooks.push(webhook);
			return json(200, { data: webhook });
		}),
	);

	router.add(
		'GET',
		'/2/webhooks',
		xEndpoint(ctx, { group: 'webhooks', auth: ['app'] }, () =>
			// X omits `data` altogether when there is nothing to list.
			json(
				200,
				state.webhooks.length
					? { data: state.webhooks, meta: { result_count: state.webhooks.length } }
					: { meta: { result_count: 0 } },
			),
		),
	);

	router.add(
		'PUT',
		'/2/webhooks/:id',
		xEndpoint(ctx, manage, async (req) => {
			const webhook = findWebhook(state, req.params.id);
			// A 200 only says the check ran: a failing CRC answers valid:false and disables deliveries.
			webhook.valid = (await runCrc(ctx, webhook.url, webhook.id)).ok;
			return json(200, { data: { valid: webhook.valid } });
		}),
	);

	router.add(
		'DELETE',
		'/2/webhooks/:id',
		xEndpoint(ctx, manage, (req) => {
			const webhook = findWebhook(state, req.params.id);
			state.webhooks = state.webhooks.filter((w) => w !== webhook);
			state.subscriptions = state.subscriptions.filter((s) => s.webhookId !== webhook.id);
			return json(200, { data: { deleted: true } });
		}),
	);
}
