import CryptoJS from 'crypto-js';

import { stringifyJson, X_JSON_STYLE } from '../../core/json';
import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { deliver } from '../delivery';
import type { XContext } from '../endpoint';
import type { ActivitySubscription } from '../state';
import { ACTIVITY_EVENT_TYPES, POST_EVENT_TYPES, isActivityEventType, ruleOf, type ActivityEventType } from './catalog';
import { BUILDERS, sceneFor, type ActivityOverrides, type BuiltActivity } from './payloads';

interface InjectBody extends ActivityOverrides {
	type?: unknown;
	/** Fixed event_uuid, to show a replayed or repeated event is recognised. */
	eventUuid?: string;
	/** Several events in one delivery, sent as a `data` array. */
	batch?: number;
}

/** X's event_uuid is a signed 64-bit number in string form; samples show negative ones. */
function eventUuid(): string {
	return BigInt.asIntN(64, BigInt(`0x${CryptoJS.lib.WordArray.random(8).toString(CryptoJS.enc.Hex)}`)).toString();
}

interface PostFields {
	id?: string;
	author_id?: string;
	in_reply_to_user_id?: string;
	referenced_tweets?: Array<{ type: string; id: string }>;
	display_text_range?: [number, number];
	entities?: { mentions?: Array<{ id?: string; start?: number }> };
}

const isPostType = (type: string): boolean => (POST_EVENT_TYPES as readonly string[]).includes(type);

/**
 * The post types one post fires for the user `userId`, each on its own rule (x-api/activity/
 * introduction.mdx, "Post events"), so a reply that also mentions the user is delivered once per
 * matching subscription, as X does:
 * - post.create: "when the filtered user creates a Post ... standalone Posts, replies, quote Posts, and reposts";
 * - post.mention.create: "another user explicitly @mentions the filtered user in the body of a Post.
 *   Does not fire for implicit mentions carried by replies or reposts" — implicit here means the
 *   reply's leading handles, outside `display_text_range` (as in X's reply sample; a guess);
 * - post.reply.create / quote / repost: "a user other than the filtered user" replies to, quotes or
 *   reposts "a Post by the filtered user".
 */
export function postTypesFor(built: BuiltActivity, userId: string): ActivityEventType[] {
	const post = built.payload as PostFields;
	if (post.author_id === userId) return ['post.create'];
	const tweets = ((built.includes?.tweets ?? []) as PostFields[]).filter((t) => t.id !== post.id);
	const refOf = (kind: string) => post.referenced_tweets?.find((r) => r.type === kind)?.id;
	const authorOf = (kind: string) => tweets.find((t) => t.id === refOf(kind))?.author_id;
	const repost = refOf('retweeted') !== undefined;
	const bodyStart = post.display_text_range?.[0] ?? 0;
	const mentioned = (post.entities?.mentions ?? []).some((m) => m.id === userId && (m.start ?? 0) >= bodyStart);
	const types: ActivityEventType[] = [];
	if (mentioned && !repost) types.push('post.mention.create');
	if (post.in_reply_to_user_id === userId) types.push('post.reply.create');
	if (authorOf('quoted') === userId) types.push('post.quote.create');
	if (repost && authorOf('retweeted') === userId) types.push('post.repost.create');
	return types;
}

function matches(subscription: ActivitySubscription, type: ActivityEventType, userId: string, built: BuiltActivity, keyword?: string): boolean {
	if (!subscription.webhook_id) return false;
	const { filter } = subscription;
	if (isPostType(type)) return !!filter.user_id && postTypesFor(built, filter.user_id).includes(subscription.event_type as ActivityEventType);
	if (subscription.event_type !== type) return false;
	switch (ruleOf(type).requires) {
		case 'user_id':
			return filter.user_id === userId && (!filter.direction || !built.direction || filter.direction === built.direction);
		case 'keyword':
			return !!filter.keyword && !!keyword && keyword.toLowerCase().includes(filter.keyword.toLowerCase());
		default:
			return true;
	}
}

/**
 * `POST /_emulator/x/activity/events {type, ...}`: builds an X Activity API event and delivers it,
 * signed, once per matching subscription (as X does) in the `{"data": {...}}` envelope. For posts
 * `type` picks the scene (a mention, a reply...) and the post's own facts pick the subscriptions.
 */
export function registerActivityInjection(router: Router, ctx: XContext): void {
	const { state, options } = ctx;

	router.add('GET', '/_emulator/x/activity/event-types', () => json(200, { types: ACTIVITY_EVENT_TYPES }));

	router.add('POST', '/_emulator/x/activity/events', async (req) => {
		const input = parseJsonBody<InjectBody>(req) ?? {};
		const type = input.type;
		if (!isActivityEventType(type)) return json(400, { error: `unknown event type ${String(type)}`, types: ACTIVITY_EVENT_TYPES });
		const scene = sceneFor(options.app, options.users, options.subscriberId, input);
		const events = Array.from({ length: Math.max(1, input.batch ?? 1) }, (_, index) => ({
			uuid: input.eventUuid && index === 0 ? input.eventUuid : eventUuid(),
			built: BUILDERS[type](scene),
		}));
		const keyword = type === 'news.new' ? String(events[0].built.payload.name) : undefined;
		const subscriptions = state.activitySubscriptions.filter((s) => matches(s, type, scene.forUser.id, events[0].built, keyword));

		const envelopes: unknown[] = [];
		const deliveries = [];
		for (const subscription of subscriptions) {
			const webhook = state.webhooks.find((w) => w.id === subscription.webhook_id && w.valid);
			if (!webhook) continue;
			const entries = events.map(({ uuid, built }) => ({
				event_uuid: uuid,
				filter: subscription.filter,
				// The subscription's own type: a post fans out to several (see postTypesFor).
				event_type: subscription.event_type,
				...(subscription.tag !== undefined ? { tag: subscription.tag } : {}),
				payload: built.payload,
				...(built.includes ? { includes: built.includes } : {}),
			}));
			const envelope = { data: entries.length === 1 ? entries[0] : entries };
			envelopes.push(envelope);
			deliveries.push(...(await deliver(ctx, webhook, stringifyJson(envelope, X_JSON_STYLE), { kind: 'event' })));
		}
		const note = deliveries.length ? undefined : `no subscription with a valid webhook matches ${type} for user ${scene.forUser.id}; nothing was delivered`;
		return json(200, { envelopes, deliveries, note });
	});
}
