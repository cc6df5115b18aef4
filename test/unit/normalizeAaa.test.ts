import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { type Item, itemSchema } from '../../nodes/XAccountActivityTrigger/schemas/item';
import { ALICE, BOB, ME, POST_ID, envelope, payloads, tweet } from '../fixtures/aaaPayloads';

const normalize = (body: unknown) => normalizeAaa(body, { source: 'aaa' });

function only(body: unknown): Item {
	const { items } = normalize(body);
	expect(items).toHaveLength(1);
	// Every item honours the contract schema: all parts present, `null` where absent.
	expect(() => itemSchema.parse(items[0])).not.toThrow();
	for (const key of ['actor', 'target', 'post', 'message', 'replay', 'profile', 'ayrshare'])
		expect(items[0]).toHaveProperty(key);
	return items[0];
}

describe('AAA posts', () => {
	test('own post is post.created with entities', () => {
		const item = only(payloads.ownPost);
		expect(item).toMatchObject({
			event: 'post.created',
			kinds: ['post.created'],
			source: 'aaa',
			forUserId: ME.id_str,
			target: null,
		});
		expect(item.actor).toEqual({
			id: ME.id_str,
			username: ME.screen_name,
			name: ME.name,
			profileImageUrl: `https://pbs.twimg.com/profile_images/${ME.id_str}/a_normal.jpg`,
			followersCount: 42,
			verified: false,
		});
		expect(item.post).toMatchObject({
			id: POST_ID,
			text: 'Hello world',
			authorId: ME.id_str,
			hashtags: ['n8n'],
			urls: ['https://n8n.io'],
			lang: 'en',
		});
		expect(item.post?.url).toBe(`https://x.com/${ME.screen_name}/status/${POST_ID}`);
		expect(item.createdAt).toBe('2018-10-10T20:19:24.000Z');
		expect(item.eventId).toBe(`post:${POST_ID}`);
	});

	test('id_str wins over a numeric id that lost precision', () => {
		const item = only(payloads.ownPost);
		expect(String(Number(POST_ID))).not.toBe(POST_ID);
		expect(item.post?.id).toBe(POST_ID);
	});

	test('mention by someone else; "false" string for user_has_blocked is accepted', () => {
		const item = only(payloads.mention);
		expect(item).toMatchObject({ event: 'post.mention', kinds: ['post.mention'] });
		expect(item.actor?.id).toBe(ALICE.id_str);
		expect(item.target).toMatchObject({ id: ME.id_str, username: ME.screen_name });
		expect(item.post?.mentions).toEqual([{ id: ME.id_str, username: ME.screen_name }]);
	});

	test('a reply to me that mentions me is post.reply with both kinds', () => {
		const item = only(payloads.replyToMe);
		expect(item.event).toBe('post.reply');
		expect(item.kinds).toEqual(['post.reply', 'post.mention']);
		expect(item.target).toMatchObject({ id: ME.id_str, username: ME.screen_name });
		expect(item.post).toMatchObject({
			inReplyToPostId: '1849999999999999999',
			inReplyToUserId: ME.id_str,
		});
	});

	test('my own reply is post.reply and post.created, target is the replied user', () => {
		const item = only(payloads.myReply);
		expect(item.kinds).toEqual(['post.reply', 'post.created']);
		expect(item.target).toMatchObject({
			id: ALICE.id_str,
			username: ALICE.screen_name,
			name: ALICE.name,
		});
	});

	test('a repost of my post is post.repost and not a mention', () => {
		const item = only(payloads.repostOfMe);
		expect(item.kinds).toEqual(['post.repost']);
		expect(item.target?.id).toBe(ME.id_str);
		expect(item.post?.repostedPostId).toBe('1840000000000000001');
	});

	test('a quote of my post is post.quote', () => {
		const item = only(payloads.quoteOfMe);
		expect(item.kinds).toEqual(['post.quote']);
		expect(item.actor?.id).toBe(BOB.id_str);
		expect(item.target?.id).toBe(ME.id_str);
		expect(item.post?.quotedPostId).toBe('1840000000000000002');
	});

	test('my repost of someone else is post.repost + post.created with the original author as target', () => {
		const item = only(
			envelope({
				tweet_create_events: [
					tweet(ME, { retweeted_status: tweet(ALICE, { id_str: '1830000000000000001' }) }),
				],
			}),
		);
		expect(item.kinds).toEqual(['post.repost', 'post.created']);
		expect(item.target?.id).toBe(ALICE.id_str);
	});

	test('long posts use extended_tweet full text and entities (mention after 280 chars counts)', () => {
		const item = only(payloads.longPost);
		const full = (
			payloads.longPost.tweet_create_events[0] as unknown as {
				extended_tweet: { full_text: string };
			}
		).extended_tweet.full_text;
		expect(full.length).toBeGreaterThan(280);
		expect(item.post?.text).toBe(full);
		expect(item.event).toBe('post.mention');
		expect(item.post?.urls).toEqual(['https://example.com/long']);
	});

	test('someone else’s post not involving me emits nothing', () => {
		expect(normalize(payloads.unrelated).items).toEqual([]);
	});

	test('several events in one delivery give one item each, in order', () => {
		const body = envelope({
			tweet_create_events: [
				tweet(ME),
				tweet(ALICE, {
					id_str: '1',
					text: `@${ME.screen_name}`,
					entities: { user_mentions: [{ id_str: ME.id_str }] },
				}),
			],
		});
		expect(normalize(body).items.map((i) => i.event)).toEqual(['post.created', 'post.mention']);
	});
});

describe('AAA other events', () => {
	test('post.deleted', () => {
		const item = only(payloads.deleted);
		expect(item).toMatchObject({
			event: 'post.deleted',
			eventId: `delete:${POST_ID}`,
			createdAt: '2018-10-10T20:19:24.000Z',
		});
		expect(item.actor?.id).toBe(ME.id_str);
		expect(item.post).toMatchObject({ id: POST_ID, authorId: ME.id_str, text: null });
	});

	test('post.liked: actor likes target’s post', () => {
		const item = only(payloads.liked);
		expect(item).toMatchObject({
			event: 'post.liked',
			eventId: 'like:a7ba59eab0bfcba386f7acedac279542',
		});
		expect(item.actor?.id).toBe(ALICE.id_str);
		expect(item.target?.id).toBe(ME.id_str);
		expect(item.post?.id).toBe(POST_ID);
		expect(item.createdAt).toBe(new Date(1522082006140).toISOString());
	});

	test.each([
		['followed', 'user.followed', ALICE, ME],
		['unfollowed', 'user.unfollowed', ME, ALICE],
		['unfollowLegacyKey', 'user.unfollowed', ME, BOB],
		['blocked', 'user.blocked', ME, BOB],
		['unblocked', 'user.unblocked', ME, BOB],
		['muted', 'user.muted', ME, BOB],
		['unmuted', 'user.unmuted', ME, BOB],
	] as const)('%s → %s with source as actor', (key, event, actor, target) => {
		const item = only(payloads[key]);
		expect(item.event).toBe(event);
		expect(item.actor).toMatchObject({
			id: actor.id_str,
			username: actor.screen_name,
			verified: true,
			followersCount: 7,
		});
		expect(item.target).toMatchObject({ id: target.id_str, username: target.screen_name });
		expect(item.createdAt).toMatch(/^2018-/);
	});

	test('dm.received with users map, urls and media', () => {
		const item = only(payloads.dmReceived);
		expect(item).toMatchObject({ event: 'dm.received', eventId: 'dm:954491830116155396' });
		expect(item.actor).toMatchObject({ id: ALICE.id_str, username: ALICE.screen_name });
		expect(item.target).toMatchObject({ id: ME.id_str, username: ME.screen_name });
		expect(item.message).toEqual({
			id: '954491830116155396',
			text: 'Hi there https://t.co/dm',
			senderId: ALICE.id_str,
			recipientId: ME.id_str,
			direction: 'received',
			urls: ['https://example.com/dm'],
			media: [{ type: 'photo', url: 'https://ton.twitter.com/1.1/ton/data/dm/1.jpg' }],
		});
	});

	test('dm.sent when the subscriber is the sender', () => {
		const item = only(payloads.dmSent);
		expect(item.event).toBe('dm.sent');
		expect(item.message?.direction).toBe('sent');
		expect(item.actor?.id).toBe(ME.id_str);
		expect(item.target?.username).toBe(ALICE.screen_name);
	});

	test('dm.typing and dm.read', () => {
		const typing = only(payloads.typing);
		expect(typing).toMatchObject({ event: 'dm.typing', message: null });
		expect(typing.actor?.username).toBe(ALICE.screen_name);
		const read = only(payloads.read);
		expect(read.event).toBe('dm.read');
		expect(read.actor?.id).toBe(ALICE.id_str);
		expect(read.target?.id).toBe(ME.id_str);
		expect(read.message?.id).toBe('963085315333238788');
		expect(read.eventId).not.toBe(typing.eventId);
	});

	test('app.revoked has no for_user_id; forUserId is the revoking user', () => {
		const item = only(payloads.revoked);
		expect(item).toMatchObject({
			event: 'app.revoked',
			forUserId: ME.id_str,
			target: null,
			createdAt: '2018-05-24T09:48:12.000Z',
		});
		expect(item.actor?.id).toBe(ME.id_str);
	});

	test.each([
		['replayComplete', 'Complete'],
		['replayIncomplete', 'Incomplete'],
	] as const)('replay status %s', (key, state) => {
		const item = only(payloads[key]);
		expect(item).toMatchObject({ event: 'replay.finished', forUserId: null, actor: null });
		expect(item.replay).toMatchObject({ state, jobId: payloads[key].replay_job_status.job_id });
	});
});

describe('AAA robustness', () => {
	test('unknown event arrays yield nothing but are reported', () => {
		const result = normalize(envelope({ spaces_events: [{ id: 1 }] }));
		expect(result.items).toEqual([]);
		expect(result.ignored).toEqual([{ key: 'spaces_events', reason: 'event type not supported' }]);
	});

	test('a malformed event is skipped without losing its neighbours', () => {
		const body = envelope({ favorite_events: [{ id: 'x' }, payloads.liked.favorite_events[0]] });
		const result = normalize(body);
		expect(result.items).toHaveLength(1);
		expect(result.ignored[0].reason).toMatch(/malformed/);
	});

	test('unknown keys pass through into raw', () => {
		const { items } = normalize({ ...payloads.ownPost, brand_new_top_level: 1 });
		expect(items[0].raw).toMatchObject({
			key: 'tweet_create_events',
			event: { unknown_future_field: { nested: true } },
			envelope: { for_user_id: ME.id_str, brand_new_top_level: 1 },
		});
	});

	test('a non-object body yields nothing', () => {
		expect(normalize([1, 2]).items).toEqual([]);
		expect(normalize('x').items).toEqual([]);
	});

	test('Ayrshare-style single objects instead of arrays are accepted', () => {
		expect(
			only({ for_user_id: ME.id_str, favorite_events: payloads.liked.favorite_events[0] }).event,
		).toBe('post.liked');
	});

	test('without a known subscriber, posts still arrive as post.created', () => {
		const { items } = normalizeAaa(
			{ tweet_create_events: [tweet(ALICE)] },
			{ source: 'aaa', forUserId: null },
		);
		expect(items.map((i) => i.event)).toEqual(['post.created']);
	});
});
