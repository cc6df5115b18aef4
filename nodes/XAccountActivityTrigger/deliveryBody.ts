/**
 * The one way a POST body becomes a value the trigger works with. `JSON.parse` accepts any
 * nesting depth, but everything after it recurses: `JSON.stringify` (the Ayrshare event id, n8n
 * saving the execution), zod, n8n's own copies of the items. A body nested 10,000 levels deep
 * (59 kB) made "Maximum call stack size exceeded", an HTTP 500 and an error execution, and without
 * a webhook secret anyone who knows the URL can send one. So the parsed body is copied once, at the
 * boundary, into a value that every later step can handle:
 * - parts nested deeper than {@link MAX_BODY_DEPTH} are replaced by the {@link TOO_DEEP} marker
 *   (X's own payloads are about a dozen levels deep: a quoted post inside a repost, with media);
 * - own `__proto__` keys are dropped: `JSON.parse` makes them plain keys, but any later copy by
 *   assignment (zod's passthrough objects, a merge in a downstream node) would turn them into the
 *   object's prototype;
 * - numbers JSON cannot write back (`1e999` parses as Infinity) become `null`, as JSON.stringify
 *   would write them.
 * The copy recurses at most MAX_BODY_DEPTH frames, whatever the input.
 */

export const MAX_BODY_DEPTH = 64;

export const TOO_DEEP = `[nested more than ${MAX_BODY_DEPTH} levels deep: left out]`;

export function boundedJson(value: unknown, depth = 0): unknown {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (value === null || typeof value !== 'object') return value;
	if (depth >= MAX_BODY_DEPTH) return TOO_DEEP;
	if (Array.isArray(value)) return value.map((element) => boundedJson(element, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, element] of Object.entries(value)) {
		if (key !== '__proto__') copy[key] = boundedJson(element, depth + 1);
	}
	return copy;
}

/** The body as a bounded JSON object, or `null` when it is not a JSON object. */
export function parseDeliveryBody(raw: Buffer): Record<string, unknown> | null {
	let value: unknown;
	try {
		value = JSON.parse(raw.toString('utf8'));
	} catch {
		return null;
	}
	return value && typeof value === 'object' && !Array.isArray(value)
		? (boundedJson(value) as Record<string, unknown>)
		: null;
}
