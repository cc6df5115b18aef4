import { hmacSha256, safeEqual } from '../../shared/crypto/hmac';

/** n8n hands headers over lower-cased. */
export const AYRSHARE_SIGNATURE_HEADER = 'x-authorization-content-sha256';
/** Reported during a secret rotation, when the old and the new secret both sign (24 h). */
export const AYRSHARE_ROTATION_SIGNATURE_HEADER = 'x-authorization-content-sha256-v2';
export const AYRSHARE_TIMESTAMP_HEADER = 'x-authorization-timestamp';

export const DEFAULT_MAX_TIMESTAMP_SKEW_SECONDS = 300;

function headerValue(header: unknown): string | null {
	const value: unknown = Array.isArray(header) ? header[0] : header;
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * HMAC-SHA256 of the raw body keyed by the webhook secret. Ayrshare does not document the
 * encoding, so hex and base64 are both accepted; both comparisons always run, in constant time.
 */
export function matchesAyrshareSignature(
	secret: string,
	rawBody: Buffer,
	header: unknown,
): boolean {
	const value = headerValue(header)?.replace(/^sha256=/i, '');
	if (!value) return false;
	const digest = hmacSha256(secret, rawBody);
	const hex = safeEqual(value.toLowerCase(), digest.toString('hex'));
	const base64 = safeEqual(value, digest.toString('base64'));
	return hex || base64;
}

/** Either header may carry the signature made with the secret this trigger knows. */
export function verifyAyrshareSignature(
	secret: string,
	rawBody: Buffer,
	headers: Record<string, unknown>,
): boolean {
	const main = matchesAyrshareSignature(secret, rawBody, headers[AYRSHARE_SIGNATURE_HEADER]);
	const rotation = matchesAyrshareSignature(
		secret,
		rawBody,
		headers[AYRSHARE_ROTATION_SIGNATURE_HEADER],
	);
	return main || rotation;
}

/**
 * Why the `X-Authorization-Timestamp` (unix seconds) is not acceptable, or `null` when it is.
 * The body is what is signed, so this only bounds how long a captured request can be replayed.
 */
export function timestampProblem(
	header: unknown,
	maxSkewSeconds: number,
	nowMs: number,
): string | null {
	if (maxSkewSeconds <= 0) return null;
	const value = headerValue(header);
	if (!value || !/^\d+(\.\d+)?$/.test(value))
		return 'Missing or malformed X-Authorization-Timestamp.';
	const seconds = Number(value);
	// Tolerate milliseconds, which some senders use for "timestamp".
	const atMs = seconds > 1e11 ? seconds : seconds * 1000;
	if (Math.abs(nowMs - atMs) > maxSkewSeconds * 1000)
		return `X-Authorization-Timestamp is more than ${maxSkewSeconds} s away from this server's clock.`;
	return null;
}
