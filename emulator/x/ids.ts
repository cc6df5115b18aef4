import CryptoJS from 'crypto-js';

const TWITTER_EPOCH = 1288834974657n;
let sequence = 0n;

/**
 * Snowflake-style ids as X issues them: 19 digits today, far beyond 2^53, so a numeric copy of one
 * loses precision in JavaScript just as real payloads do. Time-ordered and unique within the process.
 */
export function snowflakeId(now = Date.now()): string {
	for (;;) {
		sequence = (sequence + 1n) & 0xfffn;
		const id = (((BigInt(now) - TWITTER_EPOCH) << 22n) | (1n << 12n) | sequence).toString();
		// Skip the rare id that survives a round trip through a double, so the loss is always visible.
		if (String(Number(id)) !== id) return id;
	}
}

/** The 32-hex-digit ids X gives favorite events (not snowflakes). */
export function hexId(): string {
	return CryptoJS.lib.WordArray.random(16).toString(CryptoJS.enc.Hex);
}

/** Opaque random token, e.g. for CRC challenges. */
export function randomToken(bytes = 24): string {
	return CryptoJS.lib.WordArray.random(bytes).toString(CryptoJS.enc.Base64url);
}
