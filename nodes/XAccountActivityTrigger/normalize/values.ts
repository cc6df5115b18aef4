/** Small coercions shared by every route's normalizer. */

export function idOf(preferred: unknown, fallback?: unknown): string | null {
	for (const value of [preferred, fallback]) {
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return null;
}

export function strOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** Epoch milliseconds (number or numeric string) or a date string → ISO 8601 UTC; anything else → null. */
export function isoTime(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const asNumber =
		typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
	const date = Number.isFinite(asNumber) ? new Date(asNumber) : new Date(String(value));
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function firstTime(...values: unknown[]): string | null {
	for (const value of values) {
		const iso = isoTime(value);
		if (iso) return iso;
	}
	return null;
}

export function compact<T>(values: ReadonlyArray<T | null | undefined>): T[] {
	return values.filter((value): value is T => value !== null && value !== undefined);
}

export function postUrl(postId: string, username: string | null): string {
	return username
		? `https://x.com/${username}/status/${postId}`
		: `https://x.com/i/web/status/${postId}`;
}

/** X's `verified` flag, or, where only the newer `verified_type` is sent, whether it is not `none`. */
export function verifiedOf(verified: unknown, verifiedType: unknown): boolean | null {
	if (typeof verified === 'boolean') return verified;
	return typeof verifiedType === 'string' ? verifiedType !== 'none' : null;
}
