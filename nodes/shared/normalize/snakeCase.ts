/**
 * Ayrshare forwards X's snake_case payloads with every key camelCased (`idStr`,
 * `messageCreate.senderId`). Turning the keys back lets the Ayrshare route reuse the AAA
 * normalizer unchanged, which is what keeps both routes' items equal.
 */
export function snakeCaseKey(key: string): string {
	return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Deep copy with snake_case keys. Map keys (user ids in `users`) have no capitals and stay as they are. */
export function snakeCaseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(snakeCaseKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snakeCaseKey(key), snakeCaseKeys(inner)]));
}
