import type { XUser } from '../../options';
import { snowflakeId } from '../ids';
import { codePointLength, extractEntities } from '../events/entities';
import type { People } from '../events/people';

/** X's v2 User and Post objects, as the X Activity API delivers them (docs/xaa-payloads). */

export function v2User(u: XUser): Record<string, unknown> {
	return {
		id: u.id,
		name: u.name,
		username: u.username,
		created_at: u.createdAt,
		description: u.description,
		location: u.location || undefined,
		profile_image_url: u.profileImageUrl,
		protected: false,
		verified: u.verified,
		verified_type: u.verified ? 'blue' : 'none',
		public_metrics: {
			followers_count: u.followersCount,
			followers_count_str: String(u.followersCount),
			following_count: u.friendsCount,
			following_count_str: String(u.friendsCount),
			tweet_count: u.statusesCount,
			tweet_count_str: String(u.statusesCount),
		},
	};
}

/** Some payloads wrap each user as `{data: User}`. */
export const wrapped = (u: XUser): Record<string, unknown> => ({ data: v2User(u) });

export interface V2PostSpec {
	author: XUser;
	text: string;
	people: People;
	id?: string;
	now: Date;
	replyTo?: { postId: string; user: XUser };
	quoted?: string;
	reposted?: string;
}

export function v2Post(spec: V2PostSpec): Record<string, unknown> & { id: string } {
	const id = spec.id ?? snowflakeId(spec.now.getTime());
	const found = extractEntities(spec.text, spec.people);
	const entities: Record<string, unknown> = {};
	if (found.user_mentions.length) {
		entities.mentions = found.user_mentions.map((m) => ({ start: m.indices[0], end: m.indices[1], username: m.screen_name, id: m.id_str }));
	}
	if (found.hashtags.length) entities.hashtags = found.hashtags.map((h) => ({ start: h.indices[0], end: h.indices[1], tag: h.text }));
	if (found.urls.length) {
		entities.urls = found.urls.map((u) => ({ start: u.indices[0], end: u.indices[1], url: u.url, expanded_url: u.expanded_url, display_url: u.display_url }));
	}
	// A reply starts with the handles it answers; X's samples leave them out of display_text_range,
	// and mentions there are the implicit ones that do not fire post.mention.create.
	const prefix = spec.replyTo ? (/^(@\w{1,15}\s+)+/.exec(spec.text)?.[0] ?? '') : '';
	const referenced = [
		...(spec.replyTo ? [{ type: 'replied_to', id: spec.replyTo.postId }] : []),
		...(spec.quoted ? [{ type: 'quoted', id: spec.quoted }] : []),
		...(spec.reposted ? [{ type: 'retweeted', id: spec.reposted }] : []),
	];
	return {
		id,
		text: spec.text,
		author_id: spec.author.id,
		created_at: spec.now.toISOString().replace(/\.\d{3}Z$/, '.000Z'),
		conversation_id: spec.replyTo?.postId ?? id,
		edit_history_tweet_ids: [id],
		lang: 'en',
		possibly_sensitive: false,
		reply_settings: 'everyone',
		display_text_range: [codePointLength(prefix), codePointLength(spec.text)],
		...(spec.replyTo ? { in_reply_to_user_id: spec.replyTo.user.id, in_reply_to_tweet_id: spec.replyTo.postId } : {}),
		...(referenced.length ? { referenced_tweets: referenced } : {}),
		...(Object.keys(entities).length ? { entities } : {}),
	};
}
