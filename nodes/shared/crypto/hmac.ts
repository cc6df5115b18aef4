import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(key: string, data: string | Buffer): Buffer {
	return createHmac('sha256', key).update(data).digest();
}

/**
 * Constant-time string comparison that also hides the length of the expected value: both
 * sides are hashed first, so `timingSafeEqual` always compares 32 bytes.
 */
export function safeEqual(actual: string, expected: string): boolean {
	const a = createHash('sha256').update(actual).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b) && actual.length === expected.length;
}
