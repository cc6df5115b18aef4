import { stringifyJson, X_JSON_STYLE } from '../../core/json';
import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { deliver, type SignatureMode } from '../delivery';
import type { XContext } from '../endpoint';
import {
	AAA_EVENT_TYPES,
	buildAaaEnvelope,
	isAaaEventType,
	type AaaOverrides,
} from '../events/accountActivityEvents';
import type { Webhook } from '../state';
import { snowflakeId } from '../ids';
import { findWebhook, webhooksForUser } from '../webhooks/store';
import { runCrc } from '../webhooks/crc';

interface InjectEventBody {
	type?: unknown;
	forUserId?: string;
	count?: number;
	overrides?: AaaOverrides;
}

interface InjectRawBody {
	body?: unknown;
	signature?: SignatureMode;
	webhookId?: string;
	contentType?: string;
}

/** The test-only side door (`/_emulator/x/...`, no auth): make X "happen" and see what was delivered. */
export function registerXInjectionRoutes(router: Router, ctx: XContext): void {
	const { state, options } = ctx;
	const deliverAll = async (
		targets: Webhook[],
		body: string,
		extra: { signature?: SignatureMode; contentType?: string; kind: 'event' | 'raw' },
	) => (await Promise.all(targets.map((w) => deliver(ctx, w, body, extra)))).flat();

	router.add('GET', '/_emulator/x/event-types', () => json(200, { types: AAA_EVENT_TYPES }));

	router.add('POST', '/_emulator/x/events', async (req) => {
		const input = parseJsonBody<InjectEventBody>(req) ?? {};
		if (!isAaaEventType(input.type))
			return json(400, {
				error: `unknown event type ${String(input.type)}`,
				types: AAA_EVENT_TYPES,
			});
		const overrides = {
			...input.overrides,
			...(input.forUserId ? { forUserId: input.forUserId } : {}),
		};
		const { envelope, forUserId } = buildAaaEnvelope(
			input.type,
			{ app: options.app, users: options.users, subscriberId: options.subscriberId },
			overrides,
			input.count ?? 1,
		);
		const targets = webhooksForUser(state, forUserId);
		// X deletes a user's subscriptions when they revoke the app; the revoke itself is still delivered.
		if (input.type === 'app.revoked')
			state.subscriptions = state.subscriptions.filter((s) => s.userId !== forUserId);
		const deliveries = await deliverAll(targets, stringifyJson(envelope, X_JSON_STYLE), {
			kind: 'event',
		});
		const note = targets.some((w) => w.valid)
			? undefined
			: `no valid webhook has a subscription for user ${forUserId}; nothing was delivered`;
		return json(200, { envelope, deliveries, note });
	});

	router.add('POST', '/_emulator/x/raw', async (req) => {
		const input = parseJsonBody<InjectRawBody>(req) ?? {};
		if (typeof input.body !== 'string')
			return json(400, { error: 'expected {body: string, signature?, webhookId?, contentType?}' });
		// A named webhook gets the body even when invalid: raw deliveries exist to test receivers' edge cases.
		const targets = input.webhookId
			? [findWebhook(state, input.webhookId)]
			: state.webhooks.filter((w) => w.valid);
		const deliveries = await deliverAll(targets, input.body, {
			kind: 'raw',
			signature: input.signature,
			contentType: input.contentType,
		});
		return json(200, { deliveries });
	});

	// A webhook registered earlier (by another tool, or before an n8n restart), stored without a CRC
	// because the URL may not answer yet: lets tests show that activation reuses it.
	router.add('POST', '/_emulator/x/webhooks', (req) => {
		const input = parseJsonBody<{ url?: unknown; valid?: boolean }>(req) ?? {};
		if (typeof input.url !== 'string')
			return json(400, { error: 'expected {url: string, valid?: boolean}' });
		const webhook: Webhook = {
			id: snowflakeId(),
			url: input.url,
			valid: input.valid ?? true,
			created_at: new Date().toISOString(),
		};
		state.webhooks.push(webhook);
		return json(200, { data: webhook });
	});

	// X's periodic CRC ("hourly", X's webhook docs), run now: a webhook that fails it is marked
	// invalid and gets nothing until a PUT passes. X tolerates transient failures for ~28 h; here
	// one missed check is enough, which is what a test of "X marked it invalid" needs.
	router.add('POST', '/_emulator/x/webhooks/:id/crc', async (req) => {
		const webhook = findWebhook(state, req.params.id);
		const check = await runCrc(ctx, webhook.url, webhook.id);
		if (!check.ok) webhook.valid = false;
		return json(200, { data: webhook, check });
	});

	router.add('POST', '/_emulator/x/webhooks/:id/invalidate', (req) => {
		const webhook = findWebhook(state, req.params.id);
		webhook.valid = false;
		return json(200, { data: webhook });
	});
}
