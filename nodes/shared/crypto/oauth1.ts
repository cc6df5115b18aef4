import { createHmac, randomBytes } from 'node:crypto';

/**
 * OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3.4), done here rather than through n8n's
 * `oAuth1Api` credential because that one forces a browser flow and cannot hold pasted tokens.
 */
export interface OAuth1Keys {
	consumerKey: string;
	consumerSecret: string;
	accessToken: string;
	accessTokenSecret: string;
}

export interface OAuth1Request {
	method: string;
	/** Absolute URL; its query string, if any, is signed too. */
	url: string;
	/** Extra query parameters sent alongside the URL's own. */
	query?: Record<string, unknown>;
	/** Fixed only by tests; fresh per request otherwise. */
	nonce?: string;
	timestamp?: number;
}

/** RFC 3986 percent-encoding, which is stricter than `encodeURIComponent` about `!*'()`. */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!*'()]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

function queryPairs(url: URL, query: Record<string, unknown> = {}): Array<[string, string]> {
	const pairs: Array<[string, string]> = [...url.searchParams.entries()];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null) continue;
		for (const item of Array.isArray(value) ? value : [value]) pairs.push([key, String(item)]);
	}
	return pairs;
}

export function signatureBaseString(
	method: string,
	url: string,
	params: Array<[string, string]>,
): string {
	const target = new URL(url);
	const baseUrl = `${target.protocol}//${target.host}${target.pathname}`;
	const normalized = params
		.map(([k, v]) => [percentEncode(k), percentEncode(v)])
		.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return [method.toUpperCase(), percentEncode(baseUrl), percentEncode(normalized)].join('&');
}

/** The `Authorization` header value for one request. */
export function oauth1Header(keys: OAuth1Keys, request: OAuth1Request): string {
	const oauth: Record<string, string> = {
		oauth_consumer_key: keys.consumerKey,
		oauth_nonce: request.nonce ?? randomBytes(16).toString('hex'),
		oauth_signature_method: 'HMAC-SHA1',
		oauth_timestamp: String(request.timestamp ?? Math.floor(Date.now() / 1000)),
		oauth_token: keys.accessToken,
		oauth_version: '1.0',
	};
	const params = [...queryPairs(new URL(request.url), request.query), ...Object.entries(oauth)];
	const base = signatureBaseString(request.method, request.url, params);
	const key = `${percentEncode(keys.consumerSecret)}&${percentEncode(keys.accessTokenSecret)}`;
	oauth.oauth_signature = createHmac('sha1', key).update(base).digest('base64');
	return (
		'OAuth ' +
		Object.keys(oauth)
			.sort()
			.map((k) => `${percentEncode(k)}="${percentEncode(oauth[k])}"`)
			.join(', ')
	);
}
