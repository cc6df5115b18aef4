import CryptoJS from 'crypto-js';

/**
 * Every HMAC X computes for webhooks, done with crypto-js so the emulator is an implementation
 * independent of the node under test (which uses node:crypto).
 */
export function hmacSha256Base64(key: string, message: string): string {
	return CryptoJS.HmacSHA256(message, key).toString(CryptoJS.enc.Base64);
}

/** The `response_token` a webhook must answer to a CRC GET. */
export function crcResponseToken(consumerSecret: string, crcToken: string): string {
	return `sha256=${hmacSha256Base64(consumerSecret, crcToken)}`;
}

/** The `x-twitter-webhooks-signature` header for a delivered body (computed over the exact bytes sent). */
export function webhookSignature(consumerSecret: string, rawBody: string): string {
	return `sha256=${hmacSha256Base64(consumerSecret, rawBody)}`;
}

/** Comparison whose time does not depend on where the strings first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
	let diff = a.length ^ b.length;
	for (let i = 0; i < Math.max(a.length, b.length); i++)
		diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
	return diff === 0;
}
