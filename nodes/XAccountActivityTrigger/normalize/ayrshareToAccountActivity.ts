import type { AaaEventKey } from '../schemas/accountActivityPayload';
import { snakeCaseKeys } from './snakeCase';
import { idOf } from './values';

/**
 * Ayrshare's `accountActivity` body, rewritten into the Account Activity envelope X would have
 * sent, so `normalizeAaa` makes the very same items from it (docs/ayrshare.md).
 */

/**
 * Ayrshare replaces X's epoch-millisecond event times with an ISO `createdAt`. The AAA
 * normalizer reads these keys' times (and builds their event ids) from the millisecond field.
 */
const MILLISECOND_FIELD: Partial<Record<AaaEventKey, 'created_timestamp' | 'timestamp_ms'>> = {
	follow_events: 'created_timestamp',
	unfollow_events: 'created_timestamp',
	block_events: 'created_timestamp',
	unblock_events: 'created_timestamp',
	mute_events: 'created_timestamp',
	unmute_events: 'created_timestamp',
	direct_message_events: 'created_timestamp',
	direct_message_indicate_typing_events: 'created_timestamp',
	direct_message_mark_read_events: 'created_timestamp',
	tweet_delete_events: 'timestamp_ms',
};

/** The event's own `createdAt`, else the delivery's `created` (some seed examples carry only that). */
function withMilliseconds(
	event: unknown,
	field: 'created_timestamp' | 'timestamp_ms',
	deliveredAt: unknown,
): unknown {
	if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
	const record = event as Record<string, unknown>;
	const at = typeof record.created_at === 'string' ? record.created_at : deliveredAt;
	const ms = typeof at === 'string' ? Date.parse(at) : NaN;
	if (record[field] !== undefined || Number.isNaN(ms)) return event;
	return { ...record, [field]: String(ms) };
}

export function aaaEnvelopeFromAyrshare(body: Record<string, unknown>): Record<string, unknown> {
	const envelope = snakeCaseKeys(body) as Record<string, unknown>;
	for (const [key, field] of Object.entries(MILLISECOND_FIELD)) {
		const value = envelope[key];
		if (value === undefined) continue;
		// One object per delivery in Ayrshare's examples, an array in X's: both are accepted.
		const stamp = (event: unknown) => withMilliseconds(event, field, envelope.created);
		envelope[key] = Array.isArray(value) ? value.map(stamp) : stamp(value);
	}
	return envelope;
}

function firstEvent(value: unknown): Record<string, unknown> | null {
	const event: unknown = Array.isArray(value) ? value[0] : value;
	return event && typeof event === 'object' ? (event as Record<string, unknown>) : null;
}

/**
 * Ayrshare names no subscriber. Without the profile's linked X account, typing indicators and
 * read receipts still tell: they are always addressed to the subscriber. A message is not —
 * one the subscriber sent is addressed to the other person — so messages get no guess.
 */
export function subscriberFromDmTarget(envelope: Record<string, unknown>): string | null {
	for (const key of ['direct_message_indicate_typing_events', 'direct_message_mark_read_events']) {
		const event = firstEvent(envelope[key]);
		const id = idOf((event?.target as { recipient_id?: unknown } | undefined)?.recipient_id);
		if (id) return id;
	}
	return null;
}
