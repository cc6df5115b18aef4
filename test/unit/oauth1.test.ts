import CryptoJS from 'crypto-js';

import { oauth1Header, percentEncode, signatureBaseString } from '../../nodes/shared/crypto/oauth1';
import { X_OAUTH_EXAMPLE as doc } from '../fixtures/xOAuthExample';

function parseHeader(header: string): Record<string, string> {
	expect(header.startsWith('OAuth ')).toBe(true);
	return Object.fromEntries(
		header
			.slice(6)
			.split(', ')
			.map((pair) => {
				const [, key, value] = /^([^=]+)="(.*)"$/.exec(pair) as RegExpExecArray;
				return [key, decodeURIComponent(value)];
			}),
	);
}

test('percent-encoding follows RFC 3986', () => {
	expect(percentEncode("Ladies + Gentlemen!*'()")).toBe('Ladies%20%2B%20Gentlemen%21%2A%27%28%29');
	expect(percentEncode('☃')).toBe('%E2%98%83');
});

test('documented base string and signature', () => {
	const params: Array<[string, string]> = [
		['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
		['include_entities', 'true'],
		['oauth_consumer_key', doc.consumerKey],
		['oauth_nonce', doc.nonce],
		['oauth_signature_method', 'HMAC-SHA1'],
		['oauth_timestamp', String(doc.timestamp)],
		['oauth_token', doc.accessToken],
		['oauth_version', '1.0'],
	];
	const base = signatureBaseString('post', 'https://api.twitter.com/1.1/statuses/update.json', params);
	expect(base).toBe(
		'POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
	);
	const key = `${doc.consumerSecret}&${doc.accessTokenSecret}`;
	expect(CryptoJS.HmacSHA1(base, key).toString(CryptoJS.enc.Base64)).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
});

test('the header signs query parameters from the URL and from qs, checked with crypto-js', () => {
	const header = oauth1Header(doc, {
		method: 'GET',
		url: 'https://api.x.com/2/activity/subscriptions?max_results=10',
		query: { pagination_token: 'a b', skip: undefined },
		nonce: doc.nonce,
		timestamp: doc.timestamp,
	});
	const parts = parseHeader(header);
	expect(parts).toMatchObject({ oauth_consumer_key: doc.consumerKey, oauth_token: doc.accessToken, oauth_signature_method: 'HMAC-SHA1', oauth_version: '1.0' });
	const oauthParams = Object.entries(parts).filter(([k]) => k !== 'oauth_signature');
	const base = signatureBaseString('GET', 'https://api.x.com/2/activity/subscriptions', [['max_results', '10'], ['pagination_token', 'a b'], ...oauthParams]);
	const expected = CryptoJS.HmacSHA1(base, `${percentEncode(doc.consumerSecret)}&${percentEncode(doc.accessTokenSecret)}`).toString(CryptoJS.enc.Base64);
	expect(parts.oauth_signature).toBe(expected);
});

test('fresh nonce and timestamp per request', () => {
	const a = parseHeader(oauth1Header(doc, { method: 'GET', url: 'https://api.x.com/2/users/me' }));
	const b = parseHeader(oauth1Header(doc, { method: 'GET', url: 'https://api.x.com/2/users/me' }));
	expect(a.oauth_nonce).not.toBe(b.oauth_nonce);
	expect(Math.abs(Number(a.oauth_timestamp) - Date.now() / 1000)).toBeLessThan(5);
});
