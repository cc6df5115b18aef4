import type { z } from 'zod';

import { type EventName, aaaEventFor } from '../../shared/eventCatalog';
import {
	AAA_EVENT_SCHEMAS,
	type AaaEnvelope,
	type AaaEventKey,
	type LegacyTweet,
	type LegacyUser,
	aaaEnvelopeSchema,
	isAaaEventKey,
	legacyUserSchema,
} from '../schemas/accountActivityPayload';
import { type Item, type Source, makeItem } from '../schemas/item';
import { fullEntities, mentionIds, postFromLegacy, userFromLegacy, userStub } from './legacyObjects';
import { postStub, messageFromDm, readMarker } from './itemParts';
import { classifyPost } from './postKinds';
import type { NormalizeResult } from './normalizeResult';
import { firstTime, idOf, isoTime, strOrNull } from './values';

export interface AaaContext {
	source: Source;
	/** Used when the envelope has no `for_user_id` (Ayrshare, or a stored subscriber id). */
	forUserId?: string | null;
}

type Parsed<K extends AaaEventKey> = z.infer<(typeof AAA_EVENT_SCHEMAS)[K]>;

interface EventInput<K extends AaaEventKey> {
	key: K;
	event: Parsed<K>;
	envelope: AaaEnvelope;
	forUserId: string | null;
	source: Source;
}

type RelationKey = `${'' | 'un'}${'follow' | 'block' | 'mute'}_events`;

type Handler<K extends AaaEventKey> = (input: EventInput<K>) => Omit<Item, 'source' | 'forUserId'> | null;

/**
 * Normalizes one Account Activity API delivery (or Ayrshare's snake-cased copy of one) into
 * SPEC items: one per event, in the order X sent them.
 */
export function normalizeAaa(body: unknown, context: AaaContext): NormalizeResult {
	const parsedEnvelope = aaaEnvelopeSchema.safeParse(body);
	if (!parsedEnvelope.success) return { items: [], ignored: [{ key: '(body)', reason: 'not an Account Activity envelope' }] };
	const envelope = parsedEnvelope.data;
	const forUserId = idOf(envelope.for_user_id) ?? context.forUserId ?? null;
	const result: NormalizeResult = { items: [], ignored: [] };

	for (const [key, value] of Object.entries(envelope)) {
		if (!isAaaEventKey(key)) {
			if (key.endsWith('_events')) result.ignored.push({ key, reason: 'event type not supported' });
			continue;
		}
		const eventKey = key;
		const elements: unknown[] = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
		for (const element of elements) {
			const parsed = AAA_EVENT_SCHEMAS[eventKey].safeParse(element);
			if (!parsed.success) {
				result.ignored.push({ key, reason: `malformed event: ${parsed.error.issues[0]?.path.join('.') || 'shape'}` });
				continue;
			}
			const input = { key: eventKey, event: parsed.data, envelope, forUserId, source: context.source };
			const normalized = (HANDLERS[eventKey] as Handler<AaaEventKey>)(input);
			if (!normalized) continue;
			result.items.push({
				...normalized,
				source: context.source,
				forUserId: eventKey === 'user_event' ? normalized.actor?.id ?? forUserId : forUserId,
				raw: { key, event: element, envelope: envelopeMeta(envelope) },
			} as Item);
		}
	}
	return result;
}

function envelopeMeta(envelope: AaaEnvelope): Record<string, unknown> {
	return Object.fromEntries(Object.entries(envelope).filter(([key]) => !isAaaEventKey(key) && !key.endsWith('_events')));
}

/** DM events name users only by id; the envelope's `users` map has their profiles. */
function knownUser(envelope: AaaEnvelope, id: string | null) {
	if (!id) return null;
	const entry = envelope.users && Object.hasOwn(envelope.users, id) ? legacyUserSchema.safeParse(envelope.users[id]) : null;
	const user: LegacyUser | undefined = entry?.success ? entry.data : undefined;
	return userFromLegacy(user ? { id_str: id, ...user } : undefined) ?? userStub(id);
}

function core(event: EventName, eventId: string, createdAt: string | null, kinds: EventName[] = [event]) {
	return { event, kinds, eventId, createdAt };
}

function tweetCreate({ event: tweet, forUserId }: EventInput<'tweet_create_events'>) {
	const post = postFromLegacy(tweet);
	if (!post) return null;
	const userOf = (t: LegacyTweet | null | undefined) => idOf(t?.user?.id_str, t?.user?.id);
	const classification = classifyPost({
		forUserId,
		authorId: post.authorId,
		repostOf: tweet.retweeted_status ? { userId: userOf(tweet.retweeted_status) } : null,
		quoteOf: tweet.quoted_status || (tweet.is_quote_status && tweet.quoted_status_id_str) ? { userId: userOf(tweet.quoted_status) } : null,
		replyTo: post.inReplyToPostId ? { userId: post.inReplyToUserId } : null,
		mentionIds: mentionIds(tweet),
	});
	if (!classification) return null;
	return makeItem(
		{
			...core(classification.event, `post:${post.id}`, firstTime(tweet.timestamp_ms, tweet.created_at), classification.kinds),
			source: 'aaa',
			forUserId,
		},
		{ actor: userFromLegacy(tweet.user), target: postTarget(classification.event, tweet, forUserId), post },
	);
}

/** Whom a post acted on (SPEC actor/target table). */
function postTarget(event: EventName, tweet: LegacyTweet, forUserId: string | null) {
	const mentioned = (id: string | null) => {
		const entity = (fullEntities(tweet).user_mentions ?? []).find((m) => idOf(m.id_str, m.id) === id);
		return userStub(id, strOrNull(entity?.screen_name) ?? null, strOrNull(entity?.name) ?? null);
	};
	switch (event) {
		case 'post.repost':
			return userFromLegacy(tweet.retweeted_status?.user);
		case 'post.quote':
			return userFromLegacy(tweet.quoted_status?.user);
		case 'post.reply': {
			const id = idOf(tweet.in_reply_to_user_id_str, tweet.in_reply_to_user_id);
			const stub = mentioned(id);
			return stub && !stub.username ? { ...stub, username: strOrNull(tweet.in_reply_to_screen_name) } : stub;
		}
		case 'post.mention':
			return mentioned(forUserId);
		default:
			return null;
	}
}

function favorite({ event }: EventInput<'favorite_events'>) {
	const likeId = idOf(event.id) ?? `${idOf(event.user.id_str, event.user.id)}:${idOf(event.favorited_status.id_str, event.favorited_status.id)}`;
	return makeItem(
		{ ...core('post.liked', `like:${likeId}`, firstTime(event.timestamp_ms, event.created_at)), source: 'aaa', forUserId: null },
		{ actor: userFromLegacy(event.user), target: userFromLegacy(event.favorited_status.user), post: postFromLegacy(event.favorited_status) },
	);
}

/** Un-follow/block/mute arrive in the same arrays as their positive twins, told apart by `type` (eventCatalog.ts). */
function relation({ key, event }: EventInput<RelationKey>) {
	const name = aaaEventFor(key, event.type);
	const actor = userFromLegacy(event.source);
	const target = userFromLegacy(event.target);
	if (!name || !actor || !target) return null;
	const eventId = `${name}:${actor.id}:${target.id}:${idOf(event.created_timestamp) ?? ''}`;
	return makeItem({ ...core(name, eventId, isoTime(event.created_timestamp)), source: 'aaa', forUserId: null }, { actor, target });
}

function directMessage({ event, envelope, forUserId }: EventInput<'direct_message_events'>) {
	if (event.type && event.type !== 'message_create') return null;
	const senderId = idOf(event.message_create.sender_id);
	const direction = forUserId === null ? null : senderId === forUserId ? 'sent' : 'received';
	const message = messageFromDm(event, direction);
	// Without an id a message cannot be told from its retries; X always sends one.
	if (!message.id) return null;
	return makeItem(
		{ ...core(direction === 'sent' ? 'dm.sent' : 'dm.received', `dm:${message.id}`, isoTime(event.created_timestamp)), source: 'aaa', forUserId },
		{ actor: knownUser(envelope, senderId), target: knownUser(envelope, message.recipientId), message },
	);
}

function indicator(name: 'dm.typing' | 'dm.read') {
	return ({ event, envelope }: EventInput<'direct_message_indicate_typing_events' | 'direct_message_mark_read_events'>) => {
		const senderId = idOf(event.sender_id);
		const recipientId = idOf(event.target.recipient_id);
		const lastRead = idOf(event.last_read_event_id);
		const ts = idOf(event.created_timestamp) ?? '';
		const eventId = name === 'dm.read' ? `read:${senderId}:${recipientId}:${ts}:${lastRead ?? ''}` : `typing:${senderId}:${recipientId}:${ts}`;
		return makeItem(
			{ ...core(name, eventId, isoTime(event.created_timestamp)), source: 'aaa', forUserId: null },
			{
				actor: knownUser(envelope, senderId),
				target: knownUser(envelope, recipientId),
				message: name === 'dm.read' ? readMarker(lastRead) : null,
			},
		);
	};
}

function tweetDelete({ event }: EventInput<'tweet_delete_events'>) {
	const id = idOf(event.status.id);
	if (!id) return null;
	const authorId = idOf(event.status.user_id);
	return makeItem(
		{ ...core('post.deleted', `delete:${id}`, firstTime(event.timestamp_ms, event.created_at)), source: 'aaa', forUserId: null },
		{
			actor: userStub(authorId),
			post: postStub(id, authorId),
		},
	);
}

function userEvent({ event }: EventInput<'user_event'>) {
	const revoke = event.revoke;
	if (!revoke) return null;
	const userId = idOf(revoke.source.user_id);
	return makeItem(
		{ ...core('app.revoked', `revoke:${userId}:${revoke.date_time ?? ''}`, isoTime(revoke.date_time)), source: 'aaa', forUserId: userId },
		{ actor: userStub(userId) },
	);
}

function replayStatus({ event }: EventInput<'replay_job_status'>) {
	const jobId = idOf(event.job_id);
	const state = strOrNull(event.job_state);
	return makeItem(
		{ ...core('replay.finished', `replay:${jobId ?? ''}:${state ?? ''}`, null), source: 'aaa', forUserId: null },
		{ replay: { jobId, state, description: strOrNull(event.job_state_description) } },
	);
}

const HANDLERS: { [K in AaaEventKey]: Handler<K> } = {
	tweet_create_events: tweetCreate,
	favorite_events: favorite,
	follow_events: relation,
	unfollow_events: relation,
	block_events: relation,
	unblock_events: relation,
	mute_events: relation,
	unmute_events: relation,
	direct_message_events: directMessage,
	direct_message_indicate_typing_events: indicator('dm.typing'),
	direct_message_mark_read_events: indicator('dm.read'),
	tweet_delete_events: tweetDelete,
	user_event: userEvent,
	replay_job_status: replayStatus,
};
