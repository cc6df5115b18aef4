import type { IDataObject } from 'n8n-workflow';

import type { Item } from './schemas/item';

/**
 * Per-trigger memory of recently emitted events, so X's retries, replays and several apps
 * sharing a URL do not start a workflow twice. It lives in the node's static data: bounded,
 * oldest forgotten first. (Queue mode with several webhook processes needs a shared store;
 * this function is the one place to swap it.)
 */
export const DEDUPE_CAPACITY = 2000;

export function dedupeKey(item: Item): string {
	return [item.source, item.forUserId ?? '', item.event, item.eventId].join('|');
}

/** True the first time a key is seen; records it. */
export function firstSighting(store: IDataObject, key: string, capacity = DEDUPE_CAPACITY): boolean {
	const seen = (store.seenEvents ??= {}) as Record<string, number>;
	if (Object.prototype.hasOwnProperty.call(seen, key)) return false;
	seen[key] = Date.now();
	const keys = Object.keys(seen);
	for (const old of keys.slice(0, Math.max(0, keys.length - capacity))) delete seen[old];
	return true;
}

/**
 * Delivery-level dedupe, for senders that number their retries (Ayrshare's `retryAttempt`): a
 * retry of a delivery id already accepted is dropped whole. Every delivery id is recorded, in the
 * same bounded store as the event keys.
 */
export function isRedelivery(store: IDataObject, deliveryId: string, isRetry: boolean): boolean {
	const first = firstSighting(store, `delivery|${deliveryId}`);
	return isRetry && !first;
}
