/** Ayrshare's delivery signature, checked against crypto-js as an independent oracle. */
import CryptoJS from 'crypto-js';

import {
	matchesAyrshareSignature,
	timestampProblem,
	verifyAyrshareSignature,
} from '../../nodes/XAccountActivityTrigger/verify/ayrshareSignature';

const SECRET = 'ayrshare-secret';
const BODY = '{"action":"feed","url":"https:\\/\\/example.com","text":"caf\\u00e9"}';
const raw = Buffer.from(BODY, 'utf8');
const hex = CryptoJS.HmacSHA256(BODY, SECRET).toString(CryptoJS.enc.Hex);
const base64 = CryptoJS.HmacSHA256(BODY, SECRET).toString(CryptoJS.enc.Base64);

test.each([
	['hex', hex],
	['upper-case hex', hex.toUpperCase()],
	['base64', base64],
	['sha256= prefixed', `sha256=${hex}`],
	['as a header array', [base64]],
])('accepts %s', (_name, header) => {
	expect(matchesAyrshareSignature(SECRET, raw, header)).toBe(true);
});

test.each([
	['another secret', CryptoJS.HmacSHA256(BODY, 'other').toString(CryptoJS.enc.Hex)],
	[
		'a re-serialised body',
		CryptoJS.HmacSHA256(JSON.stringify(JSON.parse(BODY)), SECRET).toString(CryptoJS.enc.Hex),
	],
	['a truncated signature', hex.slice(0, 32)],
	['nothing', undefined],
	['an empty string', ''],
])('refuses %s', (_name, header) => {
	expect(matchesAyrshareSignature(SECRET, raw, header)).toBe(false);
});

test('during a rotation a match on the -V2 header is enough', () => {
	const old = CryptoJS.HmacSHA256(BODY, 'old-secret').toString(CryptoJS.enc.Hex);
	expect(
		verifyAyrshareSignature(SECRET, raw, {
			'x-authorization-content-sha256': old,
			'x-authorization-content-sha256-v2': hex,
		}),
	).toBe(true);
	expect(verifyAyrshareSignature(SECRET, raw, { 'x-authorization-content-sha256': old })).toBe(
		false,
	);
});

describe('timestamp freshness', () => {
	const now = Date.parse('2026-05-01T12:00:00Z');
	const seconds = (offset: number) => String(now / 1000 + offset);

	test('within the window, either side of the clock: fresh', () => {
		expect(timestampProblem(seconds(-299), 300, now)).toBeNull();
		expect(timestampProblem(seconds(299), 300, now)).toBeNull();
		expect(timestampProblem(String(now - 1000), 300, now)).toBeNull();
	});
	test('beyond the window, missing or malformed: refused', () => {
		expect(timestampProblem(seconds(-301), 300, now)).toMatch(/more than 300 s/);
		expect(timestampProblem(undefined, 300, now)).toMatch(/Missing/);
		expect(timestampProblem('yesterday', 300, now)).toMatch(/malformed/);
	});
	test('0 turns the check off', () => {
		expect(timestampProblem(undefined, 0, now)).toBeNull();
		expect(timestampProblem(seconds(-99999), 0, now)).toBeNull();
	});
});
