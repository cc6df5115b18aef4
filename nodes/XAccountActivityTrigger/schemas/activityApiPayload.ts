import { z } from 'zod';

import { idLike, opt } from './zodHelpers';

/**
 * X Activity API webhook deliveries (API-NOTES §3, docs/xaa-payloads). The envelope is parsed
 * first and each `payload` afterwards by the schema its event type calls for, so one odd event
 * cannot take the rest of a delivery down. Unknown keys pass through into `raw`.
 */

/** X's ids are strings; a number has already lost precision, but is still better kept than dropped. */
const idString = idLike.transform(String);

/** X wraps users as `{data: User}` in some places and not in others (API-NOTES §3): unwrap everywhere. */
function unwrapData(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const record = value as Record<string, unknown>;
		if (!('id' in record) && record.data && typeof record.data === 'object') return record.data;
	}
	return value;
}

export const v2UserSchema = z.preprocess(
	unwrapData,
	z
		.object({
			id: idString,
			username: opt(z.string()),
			name: opt(z.string()),
			profile_image_url: opt(z.string()),
			verified: opt(z.boolean()),
			verified_type: opt(z.string()),
			public_metrics: opt(z.object({ followers_count: opt(z.number()) }).passthrough()),
		})
		.passthrough(),
);

const v2EntitiesSchema = z
	.object({
		mentions: opt(z.array(z.object({ id: opt(idString), username: opt(z.string()) }).passthrough())),
		hashtags: opt(z.array(z.object({ tag: opt(z.string()) }).passthrough())),
		urls: opt(z.array(z.object({ url: opt(z.string()), expanded_url: opt(z.string()), media_key: opt(z.string()) }).passthrough())),
	})
	.passthrough();

export const v2PostSchema = z
	.object({
		id: idString,
		text: opt(z.string()),
		author_id: opt(idString),
		created_at: opt(z.string()),
		lang: opt(z.string()),
		in_reply_to_user_id: opt(idString),
		in_reply_to_tweet_id: opt(idString),
		referenced_tweets: opt(z.array(z.object({ type: z.string(), id: idString }).passthrough())),
		entities: opt(v2EntitiesSchema),
		attachments: opt(z.object({ media_keys: opt(z.array(z.string())) }).passthrough()),
		/** Posts over 280 characters keep their full text and entities here. */
		note_tweet: opt(z.object({ text: opt(z.string()), entities: opt(v2EntitiesSchema) }).passthrough()),
	})
	.passthrough();

export const v2MediaSchema = z
	.object({ media_key: opt(z.string()), type: opt(z.string()), url: opt(z.string()), preview_image_url: opt(z.string()) })
	.passthrough();

/** Entries that do not parse are dropped one by one rather than failing the whole delivery. */
const lenientArray = <T extends z.ZodTypeAny>(schema: T) =>
	z
		.array(z.unknown())
		.nullish()
		.transform((values) => (values ?? []).flatMap((value) => {
			const parsed = schema.safeParse(value);
			return parsed.success ? [parsed.data as z.infer<T>] : [];
		}));

export const xaaIncludesSchema = z
	.object({ users: lenientArray(v2UserSchema), tweets: lenientArray(v2PostSchema), media: lenientArray(v2MediaSchema) })
	.passthrough();

export const xaaEventSchema = z
	.object({
		// Webhook deliveries carry one; stream events may not (x-api/activity/quickstart.mdx).
		event_uuid: opt(idString),
		event_type: z.string(),
		filter: opt(z.object({ user_id: opt(idString), keyword: opt(z.string()), direction: opt(z.string()) }).passthrough()),
		tag: opt(z.string()),
		payload: z.unknown(),
		includes: opt(xaaIncludesSchema),
	})
	.passthrough();

/** One event per POST per the docs; an array is accepted too. */
export const xaaEnvelopeSchema = z.object({ data: z.union([z.array(z.unknown()), z.record(z.unknown())]) }).passthrough();

export const postDeletePayloadSchema = z.object({ id: idString, author_id: opt(idString) }).passthrough();

export const likePayloadSchema = z
	.object({
		id: opt(idString),
		liked_tweet_id: idString,
		// The docs' samples say liked_tweet_author_id, the OpenAPI spec tweet_author_id.
		liked_tweet_author_id: opt(idString),
		tweet_author_id: opt(idString),
		created_at: opt(z.string()),
		timestamp_ms: opt(idLike),
	})
	.passthrough();

export const relationPayloadSchema = z
	.object({ source: v2UserSchema, target: v2UserSchema, created_at: opt(z.string()), timestamp_ms: opt(idLike) })
	.passthrough();

/** DMs keep Account Activity's legacy event shapes, with `{data: User}` entries in `users`. */
export const dmPayloadSchema = z
	.object({
		direct_message_events: opt(z.array(z.unknown())),
		direct_message_indicate_typing_events: opt(z.array(z.unknown())),
		direct_message_mark_read_events: opt(z.array(z.unknown())),
		users: opt(z.record(z.unknown())),
	})
	.passthrough();

export const profilePayloadSchema = z.object({ before: z.unknown(), after: z.unknown() }).passthrough();

export const revokePayloadSchema = z
	.object({ user_id: idString, app_id: opt(idString), date_time: opt(z.string()) })
	.passthrough();

export type V2User = z.infer<typeof v2UserSchema>;
export type V2Post = z.infer<typeof v2PostSchema>;
export type V2Entities = z.infer<typeof v2EntitiesSchema>;
export type XaaIncludes = z.infer<typeof xaaIncludesSchema>;
export type XaaEvent = z.infer<typeof xaaEventSchema>;

/** Tells an X Activity API body from an Account Activity one on a shared URL (API-NOTES §3). */
export function looksLikeXaa(body: Record<string, unknown>): boolean {
	const data = body.data;
	const first: unknown = Array.isArray(data) ? data[0] : data;
	return !!first && typeof first === 'object' && 'event_type' in first;
}
