/**
 * Ayrshare camelCases every key of the X payloads it forwards (seed 002). Written independently
 * of the node's snake_case conversion, so the parity test checks one against the other.
 */
export function camelCaseKey(key: string): string {
	return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

export function camelCaseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelCaseKeys);
	if (value === null || typeof value !== 'object' || typeof value === 'bigint') return value;
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) out[camelCaseKey(key)] = camelCaseKeys(inner);
	return out;
}
