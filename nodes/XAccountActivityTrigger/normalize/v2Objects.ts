import type { Post, UserRef } from '../schemas/item';
import type { V2Entities, V2Post, V2User, XaaIncludes } from '../schemas/activityApiPayload';
import { userStub } from './legacyObjects';
import { compact, postUrl, strOrNull, verifiedOf } from './values';

/** Mapping of X's v2 User and Post objects (the X Activity API's shapes) to the item's parts. */

export function userFromV2(user: V2User | null | undefined): UserRef | null {
	if (!user) return null;
	return {
		id: user.id,
		username: strOrNull(user.username),
		name: strOrNull(user.name),
		profileImageUrl: strOrNull(user.profile_image_url),
		followersCount:
			typeof user.public_metrics?.followers_count === 'number'
				? user.public_metrics.followers_count
				: null,
		verified: verifiedOf(user.verified, user.verified_type),
	};
}

/** Looks people and posts up in a delivery's `includes`, falling back to what a post's own mentions say. */
export class Includes {
	constructor(private readonly includes: XaaIncludes | null | undefined) {}

	user(id: string | null | undefined, mentionedIn?: V2Post | null): UserRef | null {
		if (!id) return null;
		const found = userFromV2(this.includes?.users.find((user) => user.id === id));
		if (found) return found;
		const mention = mentionedIn
			? fullEntities(mentionedIn).mentions?.find((m) => m.id === id)
			: undefined;
		return userStub(id, strOrNull(mention?.username));
	}

	/** Another user in `includes` than those named, e.g. the one who liked a post. */
	userOtherThan(...ids: Array<string | null>): UserRef | null {
		return userFromV2(this.includes?.users.find((user) => !ids.includes(user.id)));
	}

	post(id: string | null | undefined): V2Post | null {
		return (id && this.includes?.tweets.find((tweet) => tweet.id === id)) || null;
	}

	media(keys: readonly string[] | null | undefined) {
		return (keys ?? []).map((key) => {
			const media = this.includes?.media.find((m) => m.media_key === key);
			return {
				type: strOrNull(media?.type),
				url: strOrNull(media?.url ?? media?.preview_image_url),
			};
		});
	}
}

function fullEntities(post: V2Post): V2Entities {
	return post.note_tweet?.entities ?? post.entities ?? {};
}

export function referencedId(
	post: V2Post,
	type: 'replied_to' | 'quoted' | 'retweeted',
): string | null {
	return post.referenced_tweets?.find((ref) => ref.type === type)?.id ?? null;
}

export function mentionIdsOf(post: V2Post): string[] {
	return compact((fullEntities(post).mentions ?? []).map((m) => m.id));
}

export function postFromV2(post: V2Post, includes: Includes): Post {
	const entities = fullEntities(post);
	const authorId = post.author_id ?? null;
	return {
		id: post.id,
		text: strOrNull(post.note_tweet?.text ?? post.text),
		url: postUrl(post.id, includes.user(authorId)?.username ?? null),
		lang: strOrNull(post.lang),
		authorId,
		inReplyToPostId: post.in_reply_to_tweet_id ?? referencedId(post, 'replied_to'),
		inReplyToUserId: post.in_reply_to_user_id ?? null,
		quotedPostId: referencedId(post, 'quoted'),
		repostedPostId: referencedId(post, 'retweeted'),
		mentions: (entities.mentions ?? []).map((m) => ({
			id: m.id ?? null,
			username: strOrNull(m.username),
		})),
		hashtags: compact((entities.hashtags ?? []).map((h) => strOrNull(h.tag))),
		// Media links are also listed as URLs; they belong in `media`.
		urls: compact(
			(entities.urls ?? [])
				.filter((u) => !u.media_key)
				.map((u) => strOrNull(u.expanded_url ?? u.url)),
		),
		media: includes.media(post.attachments?.media_keys),
	};
}
