import { z } from 'zod';

import { boolLike, idLike, opt } from './zodHelpers';

/**
 * Account Activity API v2 envelope and event shapes (docs/x-webhooks-and-account-activity.md). Every object passes unknown
 * keys through, so a field X adds tomorrow neither crashes parsing nor disappears from `raw`.
 */

export const legacyUserSchema = z
	.object({
		id: opt(idLike),
		id_str: opt(z.string()),
		screen_name: opt(z.string()),
		name: opt(z.string()),
		profile_image_url_https: opt(z.string()),
		profile_image_url: opt(z.string()),
		followers_count: opt(z.number()),
		verified: opt(z.boolean()),
		verified_type: opt(z.string()),
	})
	.passthrough();

const mentionEntity = z
	.object({
		id: opt(idLike),
		id_str: opt(z.string()),
		screen_name: opt(z.string()),
		name: opt(z.string()),
	})
	.passthrough();

const mediaEntity = z
	.object({
		type: opt(z.string()),
		media_url_https: opt(z.string()),
		media_url: opt(z.string()),
		expanded_url: opt(z.string()),
	})
	.passthrough();

export const entitiesSchema = z
	.object({
		user_mentions: opt(z.array(mentionEntity)),
		hashtags: opt(z.array(z.object({ text: opt(z.string()) }).passthrough())),
		urls: opt(
			z.array(z.object({ url: opt(z.string()), expanded_url: opt(z.string()) }).passthrough()),
		),
		media: opt(z.array(mediaEntity)),
	})
	.passthrough();

const tweetFields = {
	id: opt(idLike),
	id_str: opt(z.string()),
	text: opt(z.string()),
	full_text: opt(z.string()),
	truncated: opt(z.boolean()),
	created_at: opt(z.string()),
	timestamp_ms: opt(idLike),
	lang: opt(z.string()),
	user: opt(legacyUserSchema),
	entities: opt(entitiesSchema),
	extended_entities: opt(z.object({ media: opt(z.array(mediaEntity)) }).passthrough()),
	extended_tweet: opt(
		z
			.object({
				full_text: opt(z.string()),
				entities: opt(entitiesSchema),
				extended_entities: opt(z.object({ media: opt(z.array(mediaEntity)) }).passthrough()),
			})
			.passthrough(),
	),
	in_reply_to_status_id: opt(idLike),
	in_reply_to_status_id_str: opt(z.string()),
	in_reply_to_user_id: opt(idLike),
	in_reply_to_user_id_str: opt(z.string()),
	in_reply_to_screen_name: opt(z.string()),
	is_quote_status: opt(z.boolean()),
	quoted_status_id_str: opt(z.string()),
};

type TweetFields = { [K in keyof typeof tweetFields]?: z.infer<(typeof tweetFields)[K]> };
export type LegacyTweet = TweetFields & {
	quoted_status?: LegacyTweet | null;
	retweeted_status?: LegacyTweet | null;
	[extra: string]: unknown;
};

/**
 * Posts embed posts (a repost of a quote is two levels deep) but never deeper than that; the
 * schema stops after three levels so a hostile, deeply nested body cannot exhaust the stack.
 * Anything nested further passes through unparsed.
 */
const NESTED_POST_LEVELS = 3;

function tweetSchema(levels: number): z.ZodType<LegacyTweet, z.ZodTypeDef, unknown> {
	const nested = levels > 0 ? opt(tweetSchema(levels - 1)) : z.unknown();
	return z
		.object({ ...tweetFields, quoted_status: nested, retweeted_status: nested })
		.passthrough() as z.ZodType<LegacyTweet, z.ZodTypeDef, unknown>;
}

export const legacyTweetSchema = tweetSchema(NESTED_POST_LEVELS);

export const favoriteEventSchema = z
	.object({
		id: opt(idLike),
		created_at: opt(z.string()),
		timestamp_ms: opt(idLike),
		favorited_status: legacyTweetSchema,
		user: legacyUserSchema,
	})
	.passthrough();

/** follow/block/mute events, whose `type` also says un-follow/block/mute. */
export const relationEventSchema = z
	.object({
		type: opt(z.string()),
		created_timestamp: opt(idLike),
		source: legacyUserSchema,
		target: legacyUserSchema,
	})
	.passthrough();

export const directMessageEventSchema = z
	.object({
		type: opt(z.string()),
		id: idLike,
		created_timestamp: opt(idLike),
		message_create: z
			.object({
				target: z.object({ recipient_id: idLike }).passthrough(),
				sender_id: idLike,
				source_app_id: opt(idLike),
				message_data: opt(
					z
						.object({
							text: opt(z.string()),
							entities: opt(entitiesSchema),
							attachment: opt(
								z.object({ type: opt(z.string()), media: opt(mediaEntity) }).passthrough(),
							),
						})
						.passthrough(),
				),
			})
			.passthrough(),
	})
	.passthrough();

export const dmIndicatorEventSchema = z
	.object({
		created_timestamp: opt(idLike),
		sender_id: idLike,
		target: z.object({ recipient_id: idLike }).passthrough(),
		last_read_event_id: opt(idLike),
	})
	.passthrough();

export const tweetDeleteEventSchema = z
	.object({
		status: z.object({ id: idLike, user_id: opt(idLike) }).passthrough(),
		timestamp_ms: opt(idLike),
	})
	.passthrough();

export const userEventSchema = z
	.object({
		revoke: opt(
			z
				.object({
					date_time: opt(z.string()),
					target: opt(z.object({ app_id: opt(idLike) }).passthrough()),
					source: z.object({ user_id: idLike }).passthrough(),
				})
				.passthrough(),
		),
	})
	.passthrough();

export const replayJobStatusSchema = z
	.object({
		webhook_id: opt(idLike),
		job_id: opt(idLike),
		job_state: opt(z.string()),
		job_state_description: opt(z.string()),
	})
	.passthrough();

/**
 * Event arrays are left as `unknown[]` here and parsed one element at a time by the normalizer,
 * and the envelope's own fields fall back to "absent" when malformed (`users` entries are parsed
 * one by one where used), so one bad field cannot silently drop a whole delivery.
 */
export const aaaEnvelopeSchema = z
	.object({
		for_user_id: opt(idLike).catch(undefined),
		user_has_blocked: opt(boolLike).catch(undefined),
		users: opt(z.record(z.unknown())).catch(undefined),
		apps: opt(z.record(z.unknown())).catch(undefined),
		user_event: opt(z.unknown()),
		replay_job_status: opt(z.unknown()),
	})
	.passthrough();

export type LegacyUser = z.infer<typeof legacyUserSchema>;
export type Entities = z.infer<typeof entitiesSchema>;
export type AaaEnvelope = z.infer<typeof aaaEnvelopeSchema>;

/** The event keys the normalizer understands, each with its element schema. */
export const AAA_EVENT_SCHEMAS = {
	tweet_create_events: legacyTweetSchema,
	favorite_events: favoriteEventSchema,
	follow_events: relationEventSchema,
	unfollow_events: relationEventSchema,
	block_events: relationEventSchema,
	unblock_events: relationEventSchema,
	mute_events: relationEventSchema,
	unmute_events: relationEventSchema,
	direct_message_events: directMessageEventSchema,
	direct_message_indicate_typing_events: dmIndicatorEventSchema,
	direct_message_mark_read_events: dmIndicatorEventSchema,
	tweet_delete_events: tweetDeleteEventSchema,
	user_event: userEventSchema,
	replay_job_status: replayJobStatusSchema,
} as const;

export type AaaEventKey = keyof typeof AAA_EVENT_SCHEMAS;

/** Own keys only: `in` would also accept `constructor` or `toString` from a hostile body. */
export function isAaaEventKey(key: string): key is AaaEventKey {
	return Object.hasOwn(AAA_EVENT_SCHEMAS, key);
}

/** Tells an AAA body from an XAA one on a shared URL (docs/x-activity-api.md). */
export function looksLikeAaa(body: Record<string, unknown>): boolean {
	return Object.keys(body).some(
		(key) => key === 'for_user_id' || isAaaEventKey(key) || key.endsWith('_events'),
	);
}
