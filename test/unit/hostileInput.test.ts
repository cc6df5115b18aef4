import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { normalizeAyrshare } from '../../nodes/XAccountActivityTrigger/normalize/ayrshareWebhook';
import { normalizeXaa } from '../../nodes/XAccountActivityTrigger/normalize/activityApi';
import { ALICE, ME, envelope, payloads, tweet } from '../fixtures/aaaPayloads';

/**
 * Bodies that reach a normalizer before anything can be trusted about their shape (an Ayrshare
 * trigger without a secret verifies nothing). None may throw — a throw is a 500 and an error
 * execution — and a bad field must not take valid events down with it.
 */
const aaa = (body: unknown) => normalizeAaa(body, { source: 'aaa', forUserId: null });
const ayrshare = (body: Record<string, unknown>) =>
	normalizeAyrshare(body, { linkedXUserId: ME.id_str });
const xaa = (body: Record<string, unknown>) => normalizeXaa(body, { forUserId: ME.id_str });

describe('keys inherited from Object.prototype are just unknown keys', () => {
	test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('%s', (key) => {
		const body = JSON.parse(
			`{"for_user_id":"${ME.id_str}","${key}":{"a":1},"favorite_events":${JSON.stringify(payloads.liked.favorite_events)}}`,
		);
		expect(aaa(body).items.map((i) => i.event)).toEqual(['post.liked']);
		expect(() =>
			xaa({ [key]: 1, data: { event_type: 'x', event_uuid: '1', payload: {} } }),
		).not.toThrow();
		expect(() => ayrshare(JSON.parse(`{"action":"accountActivity","${key}":1}`))).not.toThrow();
		expect(({} as Record<string, unknown>).a).toBeUndefined();
	});

	test('a users map keyed by a prototype name does not produce a user from Object', () => {
		const body = envelope({ ...payloads.dmReceived, users: { constructor: { id: 'x' } } });
		const [item] = aaa(body).items;
		expect(item.actor).toEqual({
			id: ALICE.id_str,
			username: null,
			name: null,
			profileImageUrl: null,
			followersCount: null,
			verified: null,
		});
	});
});

describe('deep nesting cannot exhaust the stack', () => {
	function nested(
		depth: number,
		key: string,
		leaf: Record<string, unknown>,
	): Record<string, unknown> {
		let value: Record<string, unknown> = leaf;
		for (let i = 0; i < depth; i++) value = { [key]: value };
		return value;
	}

	test('a 20,000-deep Ayrshare body', () => {
		const body = {
			action: 'accountActivity',
			tweetCreateEvents: nested(20_000, 'quotedStatus', { idStr: '1' }),
		};
		expect(() => ayrshare(body)).not.toThrow();
	});

	test('a 5,000-deep chain of reposts still yields the outer post', () => {
		const deep = tweet(ALICE, {
			retweeted_status: tweet(ME, {
				retweeted_status: nested(5_000, 'retweeted_status', tweet(ALICE)),
			}),
		});
		const { items } = normalizeAaa(envelope({ tweet_create_events: [deep] }), { source: 'aaa' });
		expect(items.map((i) => i.event)).toEqual(['post.repost']);
	});
});

describe('one bad envelope field does not drop the delivery', () => {
	test.each([
		['a users entry that is not a user', { users: { [ALICE.id_str]: 'x' } }],
		['users as an array', { users: [] }],
		['for_user_id as an object', { for_user_id: {} }],
		['user_has_blocked as an unknown word', { user_has_blocked: 'yes' }],
	])('%s', (_label, bad) => {
		const { items } = aaa({ ...payloads.dmReceived, ...bad });
		expect(items.map((i) => i.event)).toHaveLength(1);
		expect(items[0].message?.text).toBe('Hi there https://t.co/dm');
	});
});

describe('events without the id that identifies them are skipped, not emitted as "null"', () => {
	test.each([
		[
			'a deleted post',
			envelope({ tweet_delete_events: [{ status: { id: '', user_id: ME.id_str } }] }),
		],
		[
			'a message',
			envelope({
				direct_message_events: [{ ...payloads.dmReceived.direct_message_events[0], id: '' }],
			}),
		],
		[
			'a follow without users',
			envelope({ follow_events: [{ type: 'follow', source: {}, target: {} }] }),
		],
	])('%s', (_label, body) => {
		expect(aaa(body).items).toEqual([]);
	});
});
