import CryptoJS from 'crypto-js';
import { randomBytes } from 'node:crypto';

import { safeEqual } from '../../nodes/shared/crypto/hmac';
import {
	crcResponseToken,
	verifyXSignature,
	xSign,
} from '../../nodes/XAccountActivityTrigger/verify/xSignature';

/** crypto-js is the independent oracle for every HMAC the nodes compute. */
const oracle = (secret: string, message: string) =>
	`sha256=${CryptoJS.HmacSHA256(message, secret).toString(CryptoJS.enc.Base64)}`;

describe('CRC', () => {
	test('API-NOTES vector: secret "test", token "foo"', () => {
		expect(crcResponseToken('test', 'foo')).toBe(
			'sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04=',
		);
		expect(oracle('test', 'foo')).toBe('sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04=');
	});

	test('agrees with crypto-js on random tokens and secrets', () => {
		for (let i = 0; i < 50; i++) {
			const secret = randomBytes(24).toString('base64');
			const token = randomBytes(1 + (i % 60)).toString('base64url');
			expect(crcResponseToken(secret, token)).toBe(oracle(secret, token));
		}
	});

	test.each([undefined, '', '{"a":1}', 'has space', 'x'.repeat(257), ['foo'], 42, 'ümlaut'])(
		'refuses to sign %p',
		(token) => {
			expect(crcResponseToken('test', token)).toBeNull();
		},
	);
});

describe('event signatures', () => {
	test.each([
		['test=1&other_test=2', 'sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc='],
		[
			'{"test_number":1,"test_string":"two"}',
			'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=',
		],
	])('API-NOTES vector %s', (body, expected) => {
		expect(xSign('test', Buffer.from(body))).toBe(expected);
		expect(oracle('test', body)).toBe(expected);
		expect(verifyXSignature('test', Buffer.from(body), expected)).toBe(true);
	});

	test('verifies over the raw bytes, not re-serialised JSON', () => {
		const raw = Buffer.from('{"url":"https:\\/\\/x.com","text":"caf\\u00e9"}');
		const header = oracle('s3cret', raw.toString('utf8'));
		expect(verifyXSignature('s3cret', raw, header)).toBe(true);
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
		expect(verifyXSignature('s3cret', reserialised, header)).toBe(false);
	});

	test.each([
		['missing', undefined],
		['wrong secret', oracle('other', 'body')],
		['no prefix', oracle('s3cret', 'body').slice('sha256='.length)],
		['truncated', oracle('s3cret', 'body').slice(0, -2)],
		['array header', [oracle('s3cret', 'body')]],
	])('rejects %s', (_label, header) => {
		expect(verifyXSignature('s3cret', Buffer.from('body'), header)).toBe(false);
	});

	test('safeEqual compares content and length', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
	});
});
