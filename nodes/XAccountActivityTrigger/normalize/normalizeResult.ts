import type { Item } from '../schemas/item';

/** What a normalizer made of one request: the items, and what it passed over and why (for the log). */
export interface NormalizeResult {
	items: Item[];
	ignored: Array<{ key: string; reason: string }>;
}
