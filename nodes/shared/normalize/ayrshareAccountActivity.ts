import type { AaaEventKey } from '../schemas/aaa';
import { snakeCaseKeys } from './snakeCase';
import { idOf } from './values';

/**
 * Ayrshare's `accountActivity` body, rewritten into the Account Activity envelope X would have
 * sent, so `normalizeAaa` makes the very same items from it (API-NOTES §4, seed 002).
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

function withMilliseconds(event: unknown, field: 'created_timestamp' | 'timestamp_ms'): unknown {
	if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
	const record = event as Record<string, unknown>;
	const ms = typeof record.created_at === 'string' ? Date.parse(record.created_at) : NaN;
	if (record[field] !== undefined || Number.isNaN(ms)) return event;
	return { ...record, [field]: String(ms) };
}

export function aaaEnvelopeFromAyrshare(body: Record<string, unknown>): Record<string, unknown> {
	const envelope = snakeCaseKeys(body) as Record<string, unknown>;
	for (const [key, field] of Object.entries(MILLISECOND_FIELD)) {
		const value = envelope[key];
		if (value === undefined) continue;
		// One object per delivery in Ayrshare's examples, an array in X's: both are accepted.
		envelope[key] = Array.isArray(value) ? value.map((event) => withMilliseconds(event, field)) : withMilliseconds(value, field);
	}
	return envelope;
}

function firstEvent(value: unknown): Record<string, unknown> | null {
	const event: unknown = Array.isArray(value) ? value[0] : value;
	return event && typeof event === 'object' ? (event as Record<string, unknown>) : null;
}

/**
 * Ayrshare names no subscriber. Without the profile's linked X account, the best remaining guess
 * is the recipient of a DM-family event: typing and read receipts are always addressed to the
 * subscriber, and a message mostly is (a message the subscriber sent then reads as received).
 */
export function subscriberFromDmTarget(envelope: Record<string, unknown>): string | null {
	for (const key of ['direct_message_events', 'direct_message_indicate_typing_events', 'direct_message_mark_read_events']) {
		const event = firstEvent(envelope[key]);
		if (!event) continue;
		const create = event.message_create as { target?: { recipient_id?: unknown } } | undefined;
		const target = (create?.target ?? event.target) as { recipient_id?: unknown } | undefined;
		const id = idOf(target?.recipient_id);
		if (id) return id;
	}
	return null;
}
