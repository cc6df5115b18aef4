import { createHash } from 'node:crypto';

import type { EventName } from '../../shared/eventCatalog';
import {
	AYRSHARE_ACTION_SCHEMAS,
	type AyrshareCommon,
	type AyrshareEnvelope,
	ayrshareCommonSchema,
	ayrshareEnvelopeSchema,
	isDocumentedAction,
} from '../schemas/ayrshareWebhookPayload';
import { type Item, makeItem } from '../schemas/item';
import { normalizeAaa } from './accountActivity';
import { aaaEnvelopeFromAyrshare, subscriberFromDmTarget } from './ayrshareToAccountActivity';
import type { NormalizeResult } from './normalizeResult';
import { isoTime } from './values';

export interface AyrshareNormalizeContext {
	/** The X account linked to the Ayrshare profile, read at activation; `null` when unknown. */
	linkedXUserId: string | null;
}

export const ACCOUNT_ACTIVITY = 'accountActivity';

/** Normalizes one Ayrshare webhook delivery into SPEC items. */
export function normalizeAyrshare(body: unknown, context: AyrshareNormalizeContext): NormalizeResult {
	const parsed = ayrshareEnvelopeSchema.safeParse(body);
	if (!parsed.success) return { items: [], ignored: [{ key: '(body)', reason: 'not an Ayrshare webhook delivery (no action)' }] };
	const envelope = parsed.data;
	const common = ayrshareCommonSchema.parse(envelope);
	if (envelope.action === ACCOUNT_ACTIVITY) return accountActivity(envelope, common, context);
	return { items: [actionItem(envelope, common)], ignored: [] };
}

/**
 * X events go through the AAA normalizer, so their items (and X-derived event ids) equal the
 * direct route's; only `source`, `ayrshare` and `raw` say they came through Ayrshare.
 */
function accountActivity(envelope: AyrshareEnvelope, common: AyrshareCommon, context: AyrshareNormalizeContext): NormalizeResult {
	const aaaEnvelope = aaaEnvelopeFromAyrshare(envelope);
	const forUserId = context.linkedXUserId ?? subscriberFromDmTarget(aaaEnvelope);
	const result = normalizeAaa(aaaEnvelope, { source: 'ayrshare', forUserId });
	return { ...result, items: result.items.map((item) => ({ ...item, ayrshare: common, raw: envelope })) };
}

/**
 * Ayrshare's own actions are not about an X user (`forUserId` null; the profile is `ayrshare.refId`).
 * `hookId` identifies the event across retries; the few examples without one fall back to a
 * digest of the body minus the retry counter, which is equally stable.
 */
function actionItem(envelope: AyrshareEnvelope, common: AyrshareCommon): Item {
	const { action } = envelope;
	const event = (isDocumentedAction(action) ? `ayrshare.${action}` : 'ayrshare.other') as EventName;
	const fields = isDocumentedAction(action) ? AYRSHARE_ACTION_SCHEMAS[action].parse(envelope) : undocumentedFields(envelope);
	return makeItem(
		{ event, kinds: [event], eventId: deliveryEventId(envelope), source: 'ayrshare', forUserId: null, createdAt: isoTime(envelope.created) },
		{ ayrshare: { ...common, ...fields }, raw: envelope },
	);
}

/** An action this package does not know yet: pass its fields through, minus the envelope's. */
function undocumentedFields(envelope: AyrshareEnvelope): Record<string, unknown> {
	const fields: Record<string, unknown> = { ...envelope };
	for (const key of ['action', 'refId', 'hookId', 'title', 'url', 'retryAttempt', 'created']) delete fields[key];
	return fields;
}

function deliveryEventId(envelope: AyrshareEnvelope): string {
	if (envelope.hookId) return `hook:${envelope.hookId}`;
	const withoutRetry: Record<string, unknown> = { ...envelope };
	delete withoutRetry.retryAttempt;
	return `${envelope.action}:${createHash('sha256').update(JSON.stringify(withoutRetry)).digest('hex').slice(0, 32)}`;
}
