import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { normalizeXaa } from '../../nodes/XAccountActivityTrigger/normalize/activityApi';
import type { Item } from '../../nodes/XAccountActivityTrigger/schemas/item';
import { ALICE, BOB, ME, POST_ID, payloads } from '../fixtures/aaaPayloads';

/**
 * Switching a workflow from `source = aaa` to `source = xaa` must not change what downstream nodes
 * see. For every event both APIs have, the AAA fixture and an XAA delivery of the same facts
 * (same people, ids and texts, in XAA's shapes) must agree on everything a workflow maps.
 */

type Person = typeof ME;
const v2 = (u: Person) => ({ id: u.id_str, username: u.screen_name, name: u.name });
const wrapped = (u: Person) => ({ data: v2(u) });
const mention = (u: Person) => ({ start: 0, end: u.screen_name.length + 1, username: u.screen_name, id: u.id_str });

function xaa(event_type: string, payload: Record<string, unknown>, includes?: { users?: Person[]; tweets?: unknown[] }) {
	return {
		data: {
			event_uuid: '-5000000000000000001',
			filter: { user_id: ME.id_str },
			event_type,
			tag: 'parity',
			payload,
			...(includes ? { includes: { users: (includes.users ?? []).map(v2), tweets: includes.tweets ?? [] } } : {}),
		},
	};
}

const post = (author: Person, extra: Record<string, unknown> = {}) => ({ id: POST_ID, text: 'Hello world', author_id: author.id_str, lang: 'en', ...extra });
const dmUsers = { [ALICE.id_str]: wrapped(ALICE), [ME.id_str]: wrapped(ME) };
const longText = `${'A long post. '.repeat(24)}and finally @${ME.screen_name} #n8n https://t.co/x`;

const PAIRS: Record<string, [aaa: Record<string, unknown>, xaa: Record<string, unknown>]> = {
	'post.create (own post)': [payloads.ownPost, xaa('post.create', post(ME, { entities: { hashtags: [{ tag: 'n8n' }], urls: [{ url: 'https://t.co/a', expanded_url: 'https://n8n.io' }] } }), { users: [ME] })],
	'post.create (own reply)': [
		payloads.myReply,
		xaa(
			'post.create',
			post(ME, { in_reply_to_user_id: ALICE.id_str, referenced_tweets: [{ type: 'replied_to', id: '1849999999999999998' }], entities: { mentions: [mention(ALICE)] } }),
			{ users: [ME, ALICE] },
		),
	],
	'post.mention.create': [payloads.mention, xaa('post.mention.create', post(ALICE, { text: `@${ME.screen_name} hi`, entities: { mentions: [mention(ME)] } }), { users: [ALICE, ME] })],
	'post.mention.create (long post)': [
		payloads.longPost,
		xaa('post.mention.create', post(ALICE, { text: `${longText.slice(0, 140)}…`, note_tweet: { text: longText, entities: { mentions: [mention(ME)], hashtags: [{ tag: 'n8n' }] } } }), { users: [ALICE, ME] }),
	],
	'post.reply.create': [
		payloads.replyToMe,
		xaa(
			'post.reply.create',
			post(ALICE, { text: `@${ME.screen_name} agreed`, in_reply_to_user_id: ME.id_str, referenced_tweets: [{ type: 'replied_to', id: '1849999999999999999' }], entities: { mentions: [mention(ME)] } }),
			{ users: [ALICE, ME] },
		),
	],
	'post.repost.create': [
		payloads.repostOfMe,
		xaa('post.repost.create', post(ALICE, { text: `RT @${ME.screen_name}: Hello world`, referenced_tweets: [{ type: 'retweeted', id: '1840000000000000001' }], entities: { mentions: [mention(ME)] } }), {
			users: [ALICE, ME],
			tweets: [post(ME, { id: '1840000000000000001' })],
		}),
	],
	'post.quote.create': [
		payloads.quoteOfMe,
		xaa('post.quote.create', post(BOB, { referenced_tweets: [{ type: 'quoted', id: '1840000000000000002' }] }), { users: [BOB, ME], tweets: [post(ME, { id: '1840000000000000002' })] }),
	],
	'post.delete': [payloads.deleted, xaa('post.delete', { id: POST_ID, author_id: ME.id_str })],
	'like.create': [
		payloads.liked,
		xaa('like.create', { id: 'a7ba59eab0bfcba386f7acedac279542', liked_tweet_id: POST_ID, liked_tweet_author_id: ME.id_str, timestamp_ms: 1522082006140 }, { users: [ALICE, ME], tweets: [post(ME)] }),
	],
	'follow.follow': [payloads.followed, xaa('follow.follow', { source: wrapped(ALICE), target: wrapped(ME) })],
	'follow.unfollow': [payloads.unfollowed, xaa('follow.unfollow', { source: wrapped(ME), target: wrapped(ALICE) })],
	'block.block': [payloads.blocked, xaa('block.block', { source: wrapped(ME), target: wrapped(BOB) })],
	'block.unblock': [payloads.unblocked, xaa('block.unblock', { source: wrapped(ME), target: wrapped(BOB) })],
	'mute.mute': [payloads.muted, xaa('mute.mute', { source: wrapped(ME), target: wrapped(BOB) })],
	'mute.unmute': [payloads.unmuted, xaa('mute.unmute', { source: wrapped(ME), target: wrapped(BOB) })],
	'dm.received': [payloads.dmReceived, xaa('dm.received', { direct_message_events: (payloads.dmReceived as Record<string, unknown>).direct_message_events as unknown[], users: dmUsers })],
	'dm.sent': [payloads.dmSent, xaa('dm.sent', { direct_message_events: (payloads.dmSent as Record<string, unknown>).direct_message_events as unknown[], users: dmUsers })],
	'dm.indicate_typing': [payloads.typing, xaa('dm.indicate_typing', { direct_message_indicate_typing_events: payloads.typing.direct_message_indicate_typing_events, users: dmUsers })],
	'dm.read': [payloads.read, xaa('dm.read', { direct_message_mark_read_events: payloads.read.direct_message_mark_read_events, users: dmUsers })],
	'oauth.revoke': [payloads.revoked, { data: { event_uuid: '1', filter: {}, event_type: 'oauth.revoke', payload: { date_time: '2018-05-24T09:48:12+00:00', user_id: ME.id_str, app_id: '13090192' } } }],
};

/** What a downstream node maps: the parts that must not depend on the route. */
function view(item: Item) {
	const person = (u: Item['actor']) => (u ? { id: u.id, username: u.username } : null);
	return {
		event: item.event,
		kinds: item.kinds,
		forUserId: item.forUserId,
		actor: person(item.actor),
		target: person(item.target),
		post: item.post && { id: item.post.id, text: item.post.text, authorId: item.post.authorId, inReplyToUserId: item.post.inReplyToUserId, hashtags: item.post.hashtags },
		message: item.message && { direction: item.message.direction, text: item.message.text, senderId: item.message.senderId, recipientId: item.message.recipientId, urls: item.message.urls },
	};
}

test.each(Object.entries(PAIRS))('%s agrees with its AAA twin', (_type, [aaaBody, xaaBody]) => {
	const fromAaa = normalizeAaa(aaaBody, { source: 'aaa' }).items;
	const fromXaa = normalizeXaa(xaaBody).items;
	expect(fromAaa).toHaveLength(1);
	expect(fromXaa.map(view)).toEqual(fromAaa.map(view));
	expect(fromXaa[0].source).toBe('xaa');
});

test('every XAA event type with an AAA equivalent is covered', () => {
	const covered = new Set(Object.keys(PAIRS).map((name) => name.split(' ')[0]));
	const withAaaTwin = [
		'post.create', 'post.mention.create', 'post.reply.create', 'post.quote.create', 'post.repost.create', 'post.delete', 'like.create',
		'follow.follow', 'follow.unfollow', 'block.block', 'block.unblock', 'mute.mute', 'mute.unmute',
		'dm.sent', 'dm.received', 'dm.indicate_typing', 'dm.read', 'oauth.revoke',
	];
	expect([...covered].sort()).toEqual(withAaaTwin.sort());
});
