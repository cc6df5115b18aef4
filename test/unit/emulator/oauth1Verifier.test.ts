import CryptoJS from 'crypto-js';

import {
	baseUriOf,
	hmacSha1Signature,
	normalizeParameters,
	oauth1Header as emulatorHeader,
	parseOAuthHeader,
	percentEncode,
	requestParameters,
	signatureBaseString,
} from '../../../emulator/x/auth/oauth1Verifier';
import { oauth1Header as nodeHeader, percentEncode as nodePercentEncode } from '../../../nodes/shared/crypto/oauth1';
import { X_OAUTH_EXAMPLE as X } from '../../fixtures/xOAuthExample';

/**
 * The emulator's OAuth 1.0a verifier, written from RFC 5849's text, against the RFC's own
 * example (§3.4.1), X's published example ("Creating a signature", docs.x.com
 * resources/fundamentals/authentication) and crypto-js's HMAC — and against the node's signer,
 * which was written separately (test/unit/oauth1.test.ts checks it against X's example), so a bug
 * in either one shows up here.
 */

/** RFC 5849 §3.4.1.1: the example request and the base string the RFC gives for it. */
const RFC = {
	url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
	form: 'c2&a3=2+q',
	oauth: {
		realm: 'Example',
		oauth_consumer_key: '9djdj82h48djs9d2',
		oauth_token: 'kkk9d7dh3k39sjv7',
		oauth_signature_method: 'HMAC-SHA1',
		oauth_timestamp: '137131201',
		oauth_nonce: '7d8f3e4a',
		oauth_signature: 'bYT5CMsGcbgUdFHObYMEfcx6bsw=',
	},
	normalized:
		'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
	base:
		'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
};

describe('RFC 5849, from its own example', () => {
	test('§3.4.1.3: parameters from the query, the Authorization header (minus realm and signature) and the form body', () => {
		const params = requestParameters(RFC.url, RFC.oauth, RFC.form);
		expect(normalizeParameters(params)).toBe(RFC.normalized);
	});

	test('§3.4.1.1: the signature base string', () => {
		expect(signatureBaseString('post', baseUriOf(RFC.url), requestParameters(RFC.url, RFC.oauth, RFC.form))).toBe(RFC.base);
	});

	test('§3.4.1.2: scheme and host lower-cased, default ports dropped, others kept, no query', () => {
		expect(baseUriOf('HTTP://EXAMPLE.COM:80/r%20v/X?id=123')).toBe('http://example.com/r%20v/X');
		expect(baseUriOf('https://www.example.net:8080/?q=1')).toBe('https://www.example.net:8080/');
		expect(baseUriOf('https://api.x.com:443/2/users/me')).toBe('https://api.x.com/2/users/me');
	});

	test('§3.6: UTF-8 octets, unreserved characters kept, everything else %XX in uppercase', () => {
		expect(percentEncode('AZaz09-._~')).toBe('AZaz09-._~');
		expect(percentEncode(" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}")).toBe('%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D');
		expect(percentEncode('\u0000\u007f')).toBe('%00%7F');
		expect(percentEncode('é☃🚀')).toBe('%C3%A9%E2%98%83%F0%9F%9A%80');
	});

	test('§3.4.1.3.2: sorted by name, then value, in byte order (uppercase before lowercase)', () => {
		expect(normalizeParameters([['b', '2'], ['a', '2'], ['a', '10'], ['B', '1'], ['a', '1']])).toBe('B=1&a=1&a=10&a=2&b=2');
	});
});

describe('X’s published example', () => {
	test('X’s percent-encoding examples', () => {
		expect(percentEncode('Ladies + Gentlemen')).toBe('Ladies%20%2B%20Gentlemen');
		expect(percentEncode('An encoded string!')).toBe('An%20encoded%20string%21');
		expect(percentEncode('Dogs, Cats & Mice')).toBe('Dogs%2C%20Cats%20%26%20Mice');
		expect(percentEncode('☃')).toBe('%E2%98%83');
	});

	test('base string and signature, the HMAC cross-checked with crypto-js', () => {
		const url = 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true';
		const oauth = {
			oauth_consumer_key: X.consumerKey,
			oauth_nonce: X.nonce,
			oauth_signature_method: 'HMAC-SHA1',
			oauth_timestamp: String(X.timestamp),
			oauth_token: X.accessToken,
			oauth_version: '1.0',
		};
		const base = signatureBaseString('POST', baseUriOf(url), requestParameters(url, oauth, new URLSearchParams({ status: X.status }).toString()));
		expect(base).toBe(X.base);
		expect(hmacSha1Signature(base, X.consumerSecret, X.accessTokenSecret)).toBe(X.signature);
		expect(CryptoJS.HmacSHA1(X.base, `${X.consumerSecret}&${X.accessTokenSecret}`).toString(CryptoJS.enc.Base64)).toBe(X.signature);
		const header = emulatorHeader('POST', url, { consumerKey: X.consumerKey, consumerSecret: X.consumerSecret, token: X.accessToken, tokenSecret: X.accessTokenSecret }, {
			formParams: [['status', X.status]],
			nonce: X.nonce,
			timestamp: X.timestamp,
		});
		expect(parseOAuthHeader(header)?.oauth_signature).toBe(X.signature);
	});
});

describe('the emulator’s verifier and the node’s signer agree, though written apart', () => {
	/** Every ASCII character, some multi-byte ones, and what X's ids and cursors look like. */
	const tricky = [
		...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)),
		'é',
		'☃',
		'🚀',
		'a b+c',
		'%20',
		'1146654567674912769,1146654567674912770',
		"!*'()",
	];

	test('percent-encoding of every ASCII character and of multi-byte text', () => {
		for (const value of tricky) expect([value, percentEncode(value)]).toEqual([value, nodePercentEncode(value)]);
	});

	test.each([
		['GET', 'https://api.x.com/2/activity/subscriptions', { max_results: '1000', pagination_token: 'A B+C/D=' }],
		['DELETE', 'https://api.x.com/2/activity/subscriptions', { ids: '1146654567674912769,1146654567674912770' }],
		['GET', 'http://127.0.0.1:8787/2/users/me', {}],
		['POST', 'https://API.X.com:443/2/activity/subscriptions', { "q!*'()": '☃ ~ %', Q: 'upper' }],
	])('the node signs %s %s, the emulator verifies it with crypto-js', (method, url, query) => {
		const keys = { consumerKey: 'ck', consumerSecret: 'c&s+é', accessToken: '1-t', accessTokenSecret: "t!s'" };
		const header = nodeHeader(keys, { method, url, query });
		const oauth = parseOAuthHeader(header) ?? {};
		const sent = new URL(url);
		for (const [key, value] of Object.entries(query)) sent.searchParams.append(key, value);
		const base = signatureBaseString(method, baseUriOf(sent.toString()), requestParameters(sent.toString(), oauth));
		expect(oauth.oauth_signature).toBe(hmacSha1Signature(base, keys.consumerSecret, keys.accessTokenSecret));
	});

	test('a base string built with encodeURIComponent alone (a classic bug) is caught', () => {
		const loose = (value: string) => encodeURIComponent(value);
		expect(tricky.filter((value) => loose(value) !== percentEncode(value))).toEqual(expect.arrayContaining(['!', '*', "'", '(', ')']));
	});
});
