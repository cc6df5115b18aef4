import type { Entities, LegacyTweet, LegacyUser } from '../schemas/accountActivityPayload';
import type { Media, Post, UserRef } from '../schemas/item';
import { compact, idOf, postUrl, strOrNull, verifiedOf } from './values';

/**
 * Mapping of X's v1.1 ("legacy") user and post objects, shared by the AAA route and by
 * Ayrshare's forwarded copies of the same payloads.
 */

export function userFromLegacy(user: LegacyUser | null | undefined): UserRef | null {
	const id = idOf(user?.id_str, user?.id);
	if (!user || !id) return null;
	return {
		id,
		username: strOrNull(user.screen_name),
		name: strOrNull(user.name),
		profileImageUrl: strOrNull(user.profile_image_url_https ?? user.profile_image_url),
		followersCount: typeof user.followers_count === 'number' ? user.followers_count : null,
		verified: verifiedOf(user.verified, user.verified_type),
	};
}

/** A user known only by id (and maybe a handle), e.g. from a DM or an `in_reply_to_*` field. */
export function userStub(
	id: string | null,
	username: string | null = null,
	name: string | null = null,
): UserRef | null {
	if (!id) return null;
	return { id, username, name, profileImageUrl: null, followersCount: null, verified: null };
}

/** Long posts carry their full text and entities in `extended_tweet` (docs/x-webhooks-and-account-activity.md). */
export function fullEntities(tweet: LegacyTweet): Entities {
	return tweet.extended_tweet?.entities ?? tweet.entities ?? {};
}

export function fullText(tweet: LegacyTweet): string | null {
	return strOrNull(tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text);
}

export function mentionIds(tweet: LegacyTweet): string[] {
	return compact((fullEntities(tweet).user_mentions ?? []).map((m) => idOf(m.id_str, m.id)));
}

export function mediaFromEntities(
	media:
		| ReadonlyArray<{
				type?: string | null;
				media_url_https?: string | null;
				media_url?: string | null;
		  }>
		| null
		| undefined,
): Media[] {
	return (media ?? []).map((m) => ({
		type: strOrNull(m.type),
		url: strOrNull(m.media_url_https ?? m.media_url),
	}));
}

export function expandedUrls(entities: Entities | null | undefined): string[] {
	return compact((entities?.urls ?? []).map((u) => strOrNull(u.expanded_url ?? u.url)));
}

export function postFromLegacy(tweet: LegacyTweet): Post | null {
	const id = idOf(tweet.id_str, tweet.id);
	if (!id) return null;
	const entities = fullEntities(tweet);
	const media =
		tweet.extended_tweet?.extended_entities?.media ??
		tweet.extended_entities?.media ??
		entities.media;
	return {
		id,
		text: fullText(tweet),
		url: postUrl(id, strOrNull(tweet.user?.screen_name)),
		lang: strOrNull(tweet.lang),
		authorId: idOf(tweet.user?.id_str, tweet.user?.id),
		inReplyToPostId: idOf(tweet.in_reply_to_status_id_str, tweet.in_reply_to_status_id),
		inReplyToUserId: idOf(tweet.in_reply_to_user_id_str, tweet.in_reply_to_user_id),
		quotedPostId: idOf(
			tweet.quoted_status?.id_str ?? tweet.quoted_status_id_str,
			tweet.quoted_status?.id,
		),
		repostedPostId: idOf(tweet.retweeted_status?.id_str, tweet.retweeted_status?.id),
		mentions: (entities.user_mentions ?? []).map((m) => ({
			id: idOf(m.id_str, m.id),
			username: strOrNull(m.screen_name),
		})),
		hashtags: compact((entities.hashtags ?? []).map((h) => strOrNull(h.text))),
		urls: expandedUrls(entities),
		media: mediaFromEntities(media),
	};
}
