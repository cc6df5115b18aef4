import CryptoJS from 'crypto-js';

/**
 * OAuth 1.0a HMAC-SHA1 (RFC 5849), used to verify requests and to sign them in tests and
 * scripts. Written from the RFC's text, step by step, and not from the node's signer
 * (nodes/shared/crypto/oauth1.ts), so that a bug in one is caught by the other
 * (test/unit/emulator/oauth1Verifier.test.ts checks both against the RFC's and X's examples).
 */

/** RFC 3986 §2.3 unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(byte: number): boolean {
	return (
		(byte >= 0x41 && byte <= 0x5a) || // A-Z
		(byte >= 0x61 && byte <= 0x7a) || // a-z
		(byte >= 0x30 && byte <= 0x39) || // 0-9
		byte === 0x2d || // -
		byte === 0x2e || // .
		byte === 0x5f || // _
		byte === 0x7e // ~
	);
}

/**
 * RFC 5849 §3.6: "Text values MUST be encoded as UTF-8 octets prior to percent-encoding them";
 * unreserved characters "MUST NOT be encoded"; "All other characters MUST be encoded"; the two
 * hexadecimal characters "MUST be uppercase".
 */
export function percentEncode(value: string): string {
	let out = '';
	for (const byte of new TextEncoder().encode(value)) {
		out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** RFC 5849 §3.4.1.3.2 step 2: "ascending byte value ordering" (the encoded strings are ASCII). */
function byByteValue(a: string, b: string): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const diff = a.charCodeAt(i) - b.charCodeAt(i);
		if (diff !== 0) return diff;
	}
	return a.length - b.length;
}

/**
 * RFC 5849 §3.4.1.3.2, Parameters Normalization: (1) encode each name and value; (2) sort by
 * name, and by value where names are equal; (3) join each name to its value with "=", "even if
 * the value is empty"; (4) join the pairs with "&".
 */
export function normalizeParameters(params: ReadonlyArray<readonly [string, string]>): string {
	return params
		.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
		.sort(([an, av], [bn, bv]) => byByteValue(an, bn) || byByteValue(av, bv))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/**
 * RFC 5849 §3.4.1.1, String Construction: the HTTP method in uppercase, "&", the encoded base
 * string URI, "&", the encoded normalized parameters.
 */
export function signatureBaseString(method: string, baseUri: string, params: ReadonlyArray<readonly [string, string]>): string {
	return `${method.toUpperCase()}&${percentEncode(baseUri)}&${percentEncode(normalizeParameters(params))}`;
}

/**
 * RFC 5849 §3.4.1.2, Base String URI: scheme and host in lowercase; the port only when it is not
 * the scheme's default (80 for http, 443 for https); the path; no query and no fragment.
 */
export function baseUriOf(url: string): string {
	const parsed = new URL(url);
	const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
	const host = parsed.hostname.toLowerCase();
	const defaultPort = scheme === 'http' ? '80' : scheme === 'https' ? '443' : '';
	const port = parsed.port && parsed.port !== defaultPort ? `:${parsed.port}` : '';
	return `${scheme}://${host}${port}${parsed.pathname || '/'}`;
}

/**
 * RFC 5849 §3.4.2, HMAC-SHA1: the key is the encoded client (consumer) secret, "&", the encoded
 * token secret — "even if either secret is empty"; the digest is base64-encoded (§3.4.2, per
 * RFC 2045 §6.8). The HMAC is crypto-js's, not node:crypto's the node uses.
 */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
	const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
	return CryptoJS.HmacSHA1(baseString, key).toString(CryptoJS.enc.Base64);
}

/**
 * RFC 5849 §3.5.1: `OAuth` then `name="value"` pairs separated by ",", names and values
 * percent-encoded; undefined for any other scheme. Values are returned decoded.
 */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
	const match = /^\s*OAuth\s+(.*)$/is.exec(header ?? '');
	if (!match) return undefined;
	const params: Record<string, string> = {};
	for (const part of match[1].matchAll(/([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"/g)) {
		try {
			params[decodeURIComponent(part[1])] = decodeURIComponent(part[2]);
		} catch {
			return undefined;
		}
	}
	return params;
}

/**
 * RFC 5849 §3.4.1.3.1, Parameter Sources: the query component, "parsed into a list of name/value
 * pairs by treating it as an application/x-www-form-urlencoded string" (so "+" is a space); the
 * Authorization header's parameters except `oauth_signature` and `realm`; and a form-encoded body.
 */
export function requestParameters(url: string, oauth: Record<string, string>, formBody?: string): Array<[string, string]> {
	const query = [...new URLSearchParams(new URL(url).search).entries()];
	const header = Object.entries(oauth).filter(([name]) => name !== 'oauth_signature' && name !== 'realm');
	const form = formBody ? [...new URLSearchParams(formBody).entries()] : [];
	return [...query, ...header, ...form];
}

export interface OAuth1Credentials {
	consumerKey: string;
	consumerSecret: string;
	token: string;
	tokenSecret: string;
}

/**
 * Builds the `Authorization` header for a request (query parameters of `url` and `formParams` are
 * signed; JSON bodies are not, per the RFC). `nonce`/`timestamp` are injectable for test vectors.
 */
export function oauth1Header(
	method: string,
	url: string,
	creds: OAuth1Credentials,
	extra: { formParams?: Array<[string, string]>; nonce?: string; timestamp?: number } = {},
): string {
	const oauth: Record<string, string> = {
		oauth_consumer_key: creds.consumerKey,
		oauth_nonce: extra.nonce ?? CryptoJS.lib.WordArray.random(16).toString(CryptoJS.enc.Hex),
		oauth_signature_method: 'HMAC-SHA1',
		oauth_timestamp: String(extra.timestamp ?? Math.floor(Date.now() / 1000)),
		oauth_token: creds.token,
		oauth_version: '1.0',
	};
	const form = extra.formParams?.length ? new URLSearchParams(extra.formParams).toString() : undefined;
	const base = signatureBaseString(method, baseUriOf(url), requestParameters(url, oauth, form));
	oauth.oauth_signature = hmacSha1Signature(base, creds.consumerSecret, creds.tokenSecret);
	return `OAuth ${Object.entries(oauth)
		.map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
		.join(', ')}`;
}
