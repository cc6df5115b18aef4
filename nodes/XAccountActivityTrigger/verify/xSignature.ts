import { hmacSha256, safeEqual } from '../../shared/crypto/hmac';

/** X's CRC token format, as tight as X's tokens are: a JSON body or a URL never matches. */
export const CRC_TOKEN_PATTERN = /^[A-Za-z0-9+/=_-]{1,256}$/;

export const X_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/** `sha256=` + base64 HMAC-SHA256 keyed by the app's consumer secret (docs/x-webhooks-and-account-activity.md). */
export function xSign(consumerSecret: string, data: string | Buffer): string {
	return `sha256=${hmacSha256(consumerSecret, data).toString('base64')}`;
}

/** The CRC answer, or `null` when the token does not look like one X would send. */
export function crcResponseToken(consumerSecret: string, crcToken: unknown): string | null {
	if (typeof crcToken !== 'string' || !CRC_TOKEN_PATTERN.test(crcToken)) return null;
	return xSign(consumerSecret, crcToken);
}

/** Verifies `x-twitter-webhooks-signature` over the raw request bytes, in constant time. */
export function verifyXSignature(
	consumerSecret: string,
	rawBody: Buffer,
	header: unknown,
): boolean {
	if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
	return safeEqual(header, xSign(consumerSecret, rawBody));
}
