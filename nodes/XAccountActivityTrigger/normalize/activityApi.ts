import { createHash } from 'node:crypto';

import { type EventName, type XaaPayloadShape, type XaaTypeInfo, canonicalEventType, xaaType } from '../../shared/eventCatalog';
import { directMessageEventSchema, dmIndicatorEventSchema, looksLikeAaa } from '../schemas/accountActivityPayload';
import { type Item, type UserRef, makeItem } from '../schemas/item';
import {
	type XaaEvent,
	dmPayloadSchema,
	likePayloadSchema,
	postDeletePayloadSchema,
	profilePayloadSchema,
	relationPayloadSchema,
	revokePayloadSchema,
	v2PostSchema,
	v2UserSchema,
	xaaEnvelopeSchema,
	xaaEventSchema,
} from '../schemas/activityApiPayload';
import { normalizeAaa } from './accountActivity';
import { userStub } from './legacyObjects';
import { messageFromDm, postStub, readMarker } from './itemParts';
import { classifyPost } from './postKinds';
import type { NormalizeResult } from './normalizeResult';
import { Includes, mentionIdsOf, postFromV2, referencedId, userFromV2 } from './v2Objects';
import { firstTime, idOf, isoTime } from './values';

export interface XaaContext {
	/** The account the trigger subscribed, for a delivery whose filter does not name it. */
	forUserId?: string | null;
}

interface EventInput {
	type: string;
	info: XaaTypeInfo;
	event: XaaEvent;
	forUserId: string | null;
	includes: Includes;
}

/** The items an event becomes, or why it became none. */
type Handler = (input: EventInput) => Item[] | string;

/**
 * Normalizes one X Activity API delivery into SPEC items, with the same meanings as the Account
 * Activity route. A URL shared with an Account Activity webhook also receives that API's bodies:
 * they go to its normalizer, so nothing is lost while both run.
 */
export function normalizeXaa(body: Record<string, unknown>, context: XaaContext = {}): NormalizeResult {
	if (looksLikeAaa(body)) return normalizeAaa(body, { source: 'aaa', forUserId: context.forUserId ?? null });
	const envelope = xaaEnvelopeSchema.safeParse(body);
	if (!envelope.success) return { items: [], ignored: [{ key: '(body)', reason: 'not an X Activity API envelope' }] };
	const entries = Array.isArray(envelope.data.data) ? envelope.data.data : [envelope.data.data];
	const result: NormalizeResult = { items: [], ignored: [] };

	for (const entry of entries) {
		const parsed = xaaEventSchema.safeParse(entry);
		if (!parsed.success) {
			result.ignored.push({ key: '(data)', reason: `malformed event: ${parsed.error.issues[0]?.path.join('.') || 'shape'}` });
			continue;
		}
		const event = parsed.data;
		const type = canonicalEventType(event.event_type);
		const info = xaaType(type);
		const forUserId = event.filter?.user_id ?? (info.subject === 'account' ? (context.forUserId ?? null) : null);
		const drafts = HANDLERS[info.payload]({ type, info, event, forUserId, includes: new Includes(event.includes) });
		if (typeof drafts === 'string') {
			result.ignored.push({ key: type, reason: drafts });
			continue;
		}
		for (const item of drafts) result.items.push({ ...item, raw: entry });
	}
	return result;
}

/**
 * X sends one delivery per matching subscription, each with its own `event_uuid`, and repeats the
 * uuid in a retry or replay: so the uuid and the type identify a delivery. Stream events may come
 * without a uuid (x-api/activity/quickstart.mdx); a digest of the entry stands in, equally stable.
 */
function eventId({ event, type }: EventInput, part?: string | null): string {
	const uuid = event.event_uuid ?? `sha256-${createHash('sha256').update(JSON.stringify([type, event.filter ?? null, event.payload ?? null])).digest('hex').slice(0, 32)}`;
	return part ? `${uuid}:${type}:${part}` : `${uuid}:${type}`;
}

function core(input: EventInput, event: EventName, createdAt: string | null, kinds: EventName[] = [event], part?: string | null) {
	return { event, kinds, eventId: eventId(input, part), createdAt, source: 'xaa' as const, forUserId: input.forUserId };
}

/**
 * A post is one item however many subscriptions delivered it (a reply that mentions the account
 * comes once as post.reply.create and once as post.mention.create): its kinds are computed from
 * the post itself, with the Account Activity route's rules (postKinds.ts), and its `eventId` is
 * the post's, as on that route, so the trigger's dedupe lets only the first delivery through.
 */
function post(input: EventInput): Item[] | string {
	const parsed = v2PostSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed post';
	const { info, forUserId, includes } = input;
	const payload = parsed.data;
	// X sends a "by others" type only when it involves the account: when includes omit the
	// referenced post, the delivering type itself says whose post it was.
	const ofMe = (kind: EventName) => (info.event === kind ? forUserId : null);
	const authorOf = (id: string | null) => includes.post(id)?.author_id ?? null;
	const reposted = referencedId(payload, 'retweeted');
	const quoted = referencedId(payload, 'quoted');
	const repliedTo = payload.in_reply_to_tweet_id ?? referencedId(payload, 'replied_to');
	const facts = {
		forUserId,
		authorId: payload.author_id ?? null,
		repostOf: reposted || info.event === 'post.repost' ? { userId: authorOf(reposted) ?? ofMe('post.repost') } : null,
		quoteOf: quoted || info.event === 'post.quote' ? { userId: authorOf(quoted) ?? ofMe('post.quote') } : null,
		replyTo: repliedTo || info.event === 'post.reply' ? { userId: payload.in_reply_to_user_id ?? authorOf(repliedTo) ?? ofMe('post.reply') } : null,
		mentionIds: mentionIdsOf(payload),
	};
	const classified = classifyPost(facts);
	// X matched the post for the account even if its facts do not show it (e.g. a mention only in
	// a long post's hidden part): keep the delivering type's kind rather than drop the post.
	const kinds = classified?.kinds ?? [info.event];
	const event = classified?.event ?? info.event;
	const targetId: Record<string, string | null | undefined> = {
		'post.repost': facts.repostOf?.userId,
		'post.quote': facts.quoteOf?.userId,
		'post.reply': facts.replyTo?.userId,
		'post.mention': forUserId,
	};
	return [
		makeItem(
			{ ...core(input, event, isoTime(payload.created_at), kinds), eventId: `post:${payload.id}` },
			{
				actor: includes.user(payload.author_id, payload),
				target: includes.user(targetId[event], payload),
				post: postFromV2(payload, includes),
			},
		),
	];
}

function postDelete(input: EventInput): Item[] | string {
	const parsed = postDeletePayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed post.delete';
	const { id, author_id: authorId = null } = parsed.data;
	return [makeItem(core(input, 'post.deleted', null), { actor: input.includes.user(authorId), post: postStub(id, authorId) })];
}

function like(input: EventInput): Item[] | string {
	const parsed = likePayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed like';
	const { forUserId, includes } = input;
	const payload = parsed.data;
	const likedPost = includes.post(payload.liked_tweet_id);
	const authorId = payload.liked_tweet_author_id ?? payload.tweet_author_id ?? likedPost?.author_id ?? null;
	// The payload does not name who liked: the filter's side does (outbound = the account).
	const direction = input.event.filter?.direction;
	const byMe = direction === 'outbound' || (direction !== 'inbound' && authorId !== forUserId);
	const actor = byMe ? (includes.user(forUserId) ?? null) : includes.userOtherThan(authorId);
	return [
		makeItem(core(input, 'post.liked', firstTime(payload.timestamp_ms, payload.created_at)), {
			actor,
			target: includes.user(authorId),
			post: likedPost ? postFromV2(likedPost, includes) : postStub(payload.liked_tweet_id, authorId),
		}),
	];
}

function relation(input: EventInput): Item[] | string {
	const parsed = relationPayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed source/target event';
	const payload = parsed.data;
	return [
		makeItem(core(input, input.info.event, firstTime(payload.timestamp_ms, payload.created_at)), {
			actor: userFromV2(payload.source),
			target: userFromV2(payload.target),
		}),
	];
}

/** DM payloads keep AAA's legacy events and may hold several; each becomes an item. */
function dmEvents(input: EventInput, key: 'direct_message_events' | 'direct_message_indicate_typing_events' | 'direct_message_mark_read_events') {
	const parsed = dmPayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return null;
	const users = new Map<string, UserRef>();
	for (const value of Object.values(parsed.data.users ?? {})) {
		const user = userFromV2(v2UserSchema.safeParse(value).data);
		if (user) users.set(user.id, user);
	}
	const person = (id: string | null) => (id ? (users.get(id) ?? input.includes.user(id)) : null);
	// A typing or read payload may also come as the bare event.
	const events = parsed.data[key] ?? (key !== 'direct_message_events' ? [input.event.payload] : []);
	return { events, person };
}

function directMessage(input: EventInput): Item[] | string {
	const found = dmEvents(input, 'direct_message_events');
	if (!found) return 'malformed direct message payload';
	return found.events.flatMap((element) => {
		const parsed = directMessageEventSchema.safeParse(element);
		if (!parsed.success || (parsed.data.type && parsed.data.type !== 'message_create')) return [];
		const senderId = idOf(parsed.data.message_create.sender_id);
		const sent = input.type === 'dm.sent' || (input.type !== 'dm.received' && senderId === input.forUserId);
		const message = messageFromDm(parsed.data, sent ? 'sent' : 'received');
		return [
			makeItem(core(input, sent ? 'dm.sent' : 'dm.received', isoTime(parsed.data.created_timestamp), undefined, message.id), {
				actor: found.person(senderId),
				target: found.person(message.recipientId),
				message,
			}),
		];
	});
}

function dmIndicator(input: EventInput): Item[] | string {
	const name = input.info.event === 'dm.read' ? 'dm.read' : 'dm.typing';
	const found = dmEvents(input, name === 'dm.read' ? 'direct_message_mark_read_events' : 'direct_message_indicate_typing_events');
	if (!found) return 'malformed direct message payload';
	return found.events.flatMap((element, index) => {
		const parsed = dmIndicatorEventSchema.safeParse(element);
		if (!parsed.success) return [];
		const lastRead = idOf(parsed.data.last_read_event_id);
		const part = found.events.length > 1 ? String(index) : null;
		return [
			makeItem(core(input, name, isoTime(parsed.data.created_timestamp), undefined, part), {
				actor: found.person(idOf(parsed.data.sender_id)),
				target: found.person(idOf(parsed.data.target.recipient_id)),
				message: name === 'dm.read' ? readMarker(lastRead) : null,
			}),
		];
	});
}

/** `oauth.revoke` has an empty filter: the revoking user is whom it is for (as AAA's `user_event`). */
function revoke(input: EventInput): Item[] | string {
	const parsed = revokePayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed oauth.revoke';
	const userId = parsed.data.user_id;
	const item = makeItem({ ...core(input, 'app.revoked', isoTime(parsed.data.date_time)), forUserId: userId }, { actor: userStub(userId) });
	return [item];
}

function profile(input: EventInput): Item[] | string {
	const parsed = profilePayloadSchema.safeParse(input.event.payload);
	if (!parsed.success) return 'malformed profile update';
	const field = input.type.replace(/^profile\.update\./, '');
	return [
		makeItem(core(input, 'profile.updated', null), {
			actor: input.includes.user(input.forUserId),
			profile: { field, before: parsed.data.before ?? null, after: parsed.data.after ?? null },
		}),
	];
}

/**
 * XChat events (chat.*): end-to-end encrypted, so only the envelope can be read: who sent it and
 * when. Their content stays under `raw` (X's event-payloads page: "Encrypted chat payloads include
 * opaque encoded fields used by the XChat client libraries").
 */
function chat(input: EventInput): Item[] | string {
	const payload = (input.event.payload ?? {}) as Record<string, unknown>;
	const createdAt = firstTime(payload.created_at_msec, payload.created_at, payload.updated_at);
	return [makeItem(core(input, input.info.event, createdAt), { actor: input.includes.user(idOf(payload.sender_id)) })];
}

/** Spaces, broadcasts and news: no item fields of their own, so `raw` carries the content. */
function other(input: EventInput): Item[] | string {
	const payload = (input.event.payload ?? {}) as Record<string, unknown>;
	const person = v2UserSchema.safeParse(payload.user ?? payload.author);
	const actor = person.success ? userFromV2(person.data) : input.includes.user(idOf(payload.sender_id));
	const createdAt = firstTime(payload.created_at_msec, payload.event_timestamp_ms, payload.created_at, payload.updated_at);
	return [makeItem(core(input, input.info.event, createdAt), { actor })];
}

/** One normalizer per payload shape of the catalog (eventCatalog.ts): a shape without one does not compile. */
const HANDLERS: Record<XaaPayloadShape, Handler> = {
	post,
	postDelete,
	like,
	relation,
	directMessage,
	dmIndicator,
	revoke,
	profile,
	chat,
	other,
};
