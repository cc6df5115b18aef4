import { stringifyJson, X_JSON_STYLE } from '../../../emulator/core/json';
import {
	oauth1Header,
	percentEncode,
	signatureBaseString,
} from '../../../emulator/x/auth/oauth1Verifier';
import { snowflakeId } from '../../../emulator/x/ids';
import { formatReplayDate, parseReplayDate } from '../../../emulator/x/replay/window';
import { crcResponseToken, webhookSignature } from '../../../emulator/x/signing';

describe('emulator signing primitives (published test vectors)', () => {
	it('answers the CRC vector from API-NOTES', () => {
		expect(crcResponseToken('test', 'foo')).toBe(
			'sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04=',
		);
	});

	it('signs bodies like X', () => {
		expect(webhookSignature('test', 'test=1&other_test=2')).toBe(
			'sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=',
		);
		expect(webhookSignature('test', '{"test_number":1,"test_string":"two"}')).toBe(
			'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=',
		);
	});

	it('reproduces the OAuth 1.0a example from X\'s "Creating a signature" guide', () => {
		const header = oauth1Header(
			'POST',
			'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
			{
				consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
				consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
				token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
				tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
			},
			{
				formParams: [['status', 'Hello Ladies + Gentlemen, a signed OAuth request!']],
				nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
				timestamp: 1318622958,
			},
		);
		expect(header).toContain('oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"');
	});

	it('percent-encodes per RFC 3986 and sorts parameters', () => {
		expect(percentEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
		expect(
			signatureBaseString('get', 'http://h/p', [
				['b', '2'],
				['a', '2'],
				['a', '1'],
			]),
		).toBe('GET&http%3A%2F%2Fh%2Fp&a%3D1%26a%3D2%26b%3D2');
	});

	it('serialises like X: escaped slashes, ASCII only, exact 19-digit numbers', () => {
		const raw = stringifyJson(
			{ url: 'https://x.com/a', text: 'héllo 🚀', id: 1234567890123456789n },
			X_JSON_STYLE,
		);
		expect(raw).toBe(
			'{"url":"https:\\/\\/x.com\\/a","text":"h\\u00e9llo \\ud83d\\ude80","id":1234567890123456789}',
		);
		expect(JSON.parse(raw).id).not.toBe(1234567890123456789n.toString());
	});

	it('makes unique 19-digit snowflakes beyond 2^53', () => {
		const ids = Array.from({ length: 500 }, () => snowflakeId());
		expect(new Set(ids).size).toBe(500);
		for (const id of ids) {
			expect(id).toMatch(/^\d{19}$/);
			expect(String(Number(id))).not.toBe(id);
		}
	});

	it('parses and formats replay dates strictly', () => {
		expect(parseReplayDate('202401021304')).toBe(Date.UTC(2024, 0, 2, 13, 4));
		expect(parseReplayDate('202402301200')).toBeUndefined();
		expect(parseReplayDate('2024010213')).toBeUndefined();
		expect(formatReplayDate(Date.UTC(2024, 0, 2, 13, 4, 59))).toBe('202401021304');
	});
});
