import { randomToken } from '../ids';
import type { People } from './people';

export interface Entities {
	hashtags: Array<{ text: string; indices: [number, number] }>;
	symbols: Array<{ text: string; indices: [number, number] }>;
	user_mentions: Array<{
		screen_name: string;
		name: string;
		id: bigint;
		id_str: string;
		indices: [number, number];
	}>;
	urls: Array<{
		url: string;
		expanded_url: string;
		display_url: string;
		indices: [number, number];
	}>;
	media?: Array<Record<string, unknown>>;
}

/** A t.co link appended to a text, pointing at `expanded` (a status permalink, a photo page, ...). */
export interface Link {
	url: string;
	expanded: string;
}

/** Twitter counts indices in code points, not UTF-16 units. */
export function codePointLength(text: string): number {
	return Array.from(text).length;
}

export function tcoLink(expanded: string): Link {
	return { url: `https://t.co/${randomToken(8).replace(/[-_]/g, 'x').slice(0, 10)}`, expanded };
}

export function displayUrl(expanded: string): string {
	const bare = expanded.replace(/^https?:\/\/(www\.)?/, '');
	return bare.length > 26 ? `${bare.slice(0, 26)}…` : bare;
}

/**
 * Finds URLs, @mentions, #hashtags and $cashtags in `text` the way v1.1 reports them. `links` are t.co
 * URLs known to expand somewhere; other URLs expand to themselves.
 */
export function extractEntities(text: string, people: People, links: Link[] = []): Entities {
	const at = (index: number): number => codePointLength(text.slice(0, index));
	const taken: Array<[number, number]> = [];
	const free = (start: number, end: number): boolean =>
		taken.every(([s, e]) => end <= s || start >= e);
	const entities: Entities = { hashtags: [], symbols: [], user_mentions: [], urls: [] };

	for (const m of text.matchAll(/https?:\/\/[^\s]+/g)) {
		const start = m.index ?? 0;
		taken.push([start, start + m[0].length]);
		const expanded = links.find((l) => l.url === m[0])?.expanded ?? m[0];
		entities.urls.push({
			url: m[0],
			expanded_url: expanded,
			display_url: displayUrl(expanded),
			indices: [at(start), at(start + m[0].length)],
		});
	}
	for (const m of text.matchAll(/(^|[^\w@])@(\w{1,15})/g)) {
		const start = (m.index ?? 0) + m[1].length;
		const end = start + 1 + m[2].length;
		if (!free(start, end)) continue;
		const user = people.byName(m[2]);
		entities.user_mentions.push({
			screen_name: user.username,
			name: user.name,
			id: BigInt(user.id),
			id_str: user.id,
			indices: [at(start), at(end)],
		});
	}
	for (const m of text.matchAll(/(^|[^\p{L}\p{N}_&])([#$])([\p{L}\p{N}_]+)/gu)) {
		const start = (m.index ?? 0) + m[1].length;
		const end = start + 1 + m[3].length;
		if (!free(start, end)) continue;
		const list = m[2] === '#' ? entities.hashtags : entities.symbols;
		list.push({ text: m[3], indices: [at(start), at(end)] });
	}
	return entities;
}
