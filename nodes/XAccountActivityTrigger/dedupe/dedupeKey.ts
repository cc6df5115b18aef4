import { createHash } from 'node:crypto';

import type { Item } from '../schemas/item';

/**
 * What makes two items the same event for one trigger: route, subscriber, event and the
 * route's stable event id. Stored as a 96-bit digest, so every key costs the same memory and
 * checkpoint bytes however long an id a sender chooses (a collision needs ~2^48 keys).
 */
export function digestKey(parts: readonly string[]): string {
	// Cut the bytes, not the text: a slice of a longer string would keep the whole string alive.
	return createHash('sha256')
		.update(JSON.stringify(parts))
		.digest()
		.subarray(0, 12)
		.toString('base64url');
}

export function dedupeKey(item: Item): string {
	return digestKey([item.source, item.forUserId ?? '', item.event, item.eventId]);
}

/** A sender's delivery id (Ayrshare's `hookId`): its own namespace, apart from event keys. */
export function deliveryKey(source: string, deliveryId: string): string {
	return digestKey(['delivery', source, deliveryId]);
}
