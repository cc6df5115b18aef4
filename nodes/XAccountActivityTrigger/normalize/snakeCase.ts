/**
 * Ayrshare forwards X's snake_case payloads with every key camelCased (`idStr`,
 * `messageCreate.senderId`). Turning the keys back lets the Ayrshare route reuse the AAA
 * normalizer unchanged, which is what keeps both routes' items equal.
 */
export function snakeCaseKey(key: string): string {
	return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Real payloads nest a handful of levels; below this depth values are kept as they are, so a
 * hostile, deeply nested body cannot exhaust the stack (the AAA schemas ignore such depths).
 */
const MAX_DEPTH = 32;

/** Deep copy with snake_case keys. Map keys (user ids in `users`) have no capitals and stay as they are. */
export function snakeCaseKeys(value: unknown, depth = 0): unknown {
	if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((inner) => snakeCaseKeys(inner, depth + 1));
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => [
			snakeCaseKey(key),
			snakeCaseKeys(inner, depth + 1),
		]),
	);
}
