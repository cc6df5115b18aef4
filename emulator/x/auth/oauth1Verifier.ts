import CryptoJS from 'crypto-js';

/** OAuth 1.0a (RFC 5849) HMAC-SHA1 signing pieces, used both to verify requests and to sign them in tests and scripts. */

/** RFC 3986 percent-encoding: everything but unreserved characters, which encodeURIComponent nearly does. */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** RFC 5849 §3.4.1: METHOD & base URI & normalised parameters, each percent-encoded. */
export function signatureBaseString(method: string, baseUri: string, params: Array<[string, string]>): string {
	const normalized = params
		.map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
		.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return [method.toUpperCase(), percentEncode(baseUri), percentEncode(normalized)].join('&');
}

export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
	const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
	return CryptoJS.HmacSHA1(baseString, key).toString(CryptoJS.enc.Base64);
}

/** Parses `OAuth k="v", ...`; returns undefined for any other scheme. Values are percent-decoded. */
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

/** Base URI per RFC 5849 §3.4.1.2: scheme and host lower-cased, default port dropped, no query. */
export function baseUriOf(url: string): string {
	const u = new URL(url);
	const defaultPort = (u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443');
	return `${u.protocol}//${u.hostname.toLowerCase()}${u.port && !defaultPort ? `:${u.port}` : ''}${u.pathname}`;
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
	const params: Array<[string, string]> = [...new URL(url).searchParams.entries(), ...(extra.formParams ?? []), ...Object.entries(oauth)];
	const base = signatureBaseString(method, baseUriOf(url), params);
	oauth.oauth_signature = hmacSha1Signature(base, creds.consumerSecret, creds.tokenSecret);
	return `OAuth ${Object.entries(oauth)
		.map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
		.join(', ')}`;
}
