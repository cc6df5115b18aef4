import CryptoJS from 'crypto-js';

/**
 * Ayrshare's delivery signature: HMAC-SHA256 of the raw body keyed by the webhook secret, done
 * with crypto-js (independent of the node's node:crypto). Ayrshare does not document the
 * encoding, so the emulator can send either.
 */
export type SignatureEncoding = 'hex' | 'base64';

export function ayrshareSignature(
	secret: string,
	rawBody: string,
	encoding: SignatureEncoding,
): string {
	const mac = CryptoJS.HmacSHA256(rawBody, secret);
	return mac.toString(encoding === 'hex' ? CryptoJS.enc.Hex : CryptoJS.enc.Base64);
}
