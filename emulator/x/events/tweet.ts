import type { XUser } from '../../options';
import { snowflakeId } from '../ids';
import { codePointLength, displayUrl, extractEntities, tcoLink, type Link } from './entities';
import type { People } from './people';
import { twitterDate } from './time';
import { v1User } from './users';

export type Tweet = Record<string, unknown> & { id_str: string; user: Record<string, unknown> };

export interface TweetSpec {
	author: XUser;
	text: string;
	people: People;
	id?: string;
	now?: Date;
	inReplyTo?: { statusId: string; user: XUser };
	quoted?: Tweet;
	retweeted?: Tweet;
	withPhoto?: boolean;
}

const LONG_POST = 280;
/** Length kept in `text` when a long post is truncated, leaving room for "… https://t.co/…". */
const TRUNCATED_HEAD = 114;

const permalink = (t: Tweet): string =>
	`https://twitter.com/${String(t.user.screen_name)}/status/${t.id_str}`;

/**
 * A v1.1 Tweet object as AAA delivers it. Replies hide their leading @mention via
 * `display_text_range`; quotes append a permalink; posts longer than 280 characters are truncated
 * with the full text in `extended_tweet`, as X does.
 */
export function buildTweet(spec: TweetSpec): Tweet {
	const now = spec.now ?? new Date();
	const id = spec.id ?? snowflakeId(now.getTime());
	const { text: base, people } = spec;

	const links: Link[] = [];
	if (spec.quoted) links.push(tcoLink(permalink(spec.quoted)));
	const photo = spec.withPhoto
		? tcoLink(`https://twitter.com/${spec.author.username}/status/${id}/photo/1`)
		: undefined;
	const body = [base, ...links.map((l) => l.url)].join(' ');
	const long = codePointLength(body) > LONG_POST;
	const replyPrefix = spec.inReplyTo ? `@${spec.inReplyTo.user.username} ` : '';
	const displayFrom =
		replyPrefix && base.startsWith(replyPrefix) ? codePointLength(replyPrefix) : 0;

	let text = body;
	let entities = extractEntities(body, people, links);
	let extended: Record<string, unknown> | undefined;
	if (long) {
		const more = tcoLink(`https://twitter.com/i/web/status/${id}`);
		text = `${Array.from(body).slice(0, TRUNCATED_HEAD).join('').trimEnd()}… ${more.url}`;
		entities = extractEntities(text, people, [more]);
		extended = {
			full_text: body,
			display_text_range: [displayFrom, codePointLength(body)],
			entities: extractEntities(body, people, links),
		};
	}
	if (photo) {
		const start = codePointLength(text) + 1;
		text = `${text} ${photo.url}`;
		entities.media = [photoEntity(photo, start)];
	}

	const tweet: Tweet = {
		created_at: twitterDate(now),
		id: BigInt(id),
		id_str: id,
		text,
		display_text_range: [displayFrom, long ? codePointLength(text) : codePointLength(body)],
		source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
		truncated: long,
		in_reply_to_status_id: spec.inReplyTo ? BigInt(spec.inReplyTo.statusId) : null,
		in_reply_to_status_id_str: spec.inReplyTo?.statusId ?? null,
		in_reply_to_user_id: spec.inReplyTo ? BigInt(spec.inReplyTo.user.id) : null,
		in_reply_to_user_id_str: spec.inReplyTo?.user.id ?? null,
		in_reply_to_screen_name: spec.inReplyTo?.user.username ?? null,
		user: v1User(spec.author),
		geo: null,
		coordinates: null,
		place: null,
		contributors: null,
		is_quote_status: spec.quoted !== undefined,
		quote_count: 0,
		reply_count: 0,
		retweet_count: 0,
		favorite_count: 0,
		entities,
		favorited: false,
		retweeted: false,
		filter_level: 'low',
		lang: 'en',
		timestamp_ms: String(now.getTime()),
	};
	if (entities.media) tweet.extended_entities = { media: entities.media };
	if (extended) tweet.extended_tweet = extended;
	if (spec.quoted) {
		tweet.quoted_status_id = BigInt(spec.quoted.id_str);
		tweet.quoted_status_id_str = spec.quoted.id_str;
		tweet.quoted_status = spec.quoted;
		tweet.quoted_status_permalink = {
			url: links[0].url,
			expanded: links[0].expanded,
			display: displayUrl(links[0].expanded),
		};
	}
	if (spec.retweeted) tweet.retweeted_status = spec.retweeted;
	return tweet;
}

/** A repost: "RT @author: text" wrapping the original, as v1.1 represents it. */
export function buildRetweet(original: Tweet, reposter: XUser, people: People, id?: string): Tweet {
	const originalText = String(
		(original.extended_tweet as { full_text?: string } | undefined)?.full_text ?? original.text,
	);
	const text = `RT @${String(original.user.screen_name)}: ${originalText}`;
	// The RT text is a copy, so it is cut at 140 like classic retweets rather than turned into a long post.
	const clipped =
		codePointLength(text) > 140 ? `${Array.from(text).slice(0, 139).join('')}…` : text;
	const tweet = buildTweet({ author: reposter, text: clipped, people, id, retweeted: original });
	delete tweet.display_text_range;
	return tweet;
}

function photoEntity(link: Link, start: number): Record<string, unknown> {
	const mediaId = snowflakeId();
	const file = `https://pbs.twimg.com/media/${link.url.slice(-10)}.jpg`;
	const size = (w: number, h: number, resize: string): Record<string, unknown> => ({
		w,
		h,
		resize,
	});
	return {
		id: BigInt(mediaId),
		id_str: mediaId,
		indices: [start, start + codePointLength(link.url)],
		media_url: file.replace(/^https:/, 'http:'),
		media_url_https: file,
		url: link.url,
		display_url: `pic.twitter.com/${link.url.slice(-10)}`,
		expanded_url: link.expanded,
		type: 'photo',
		sizes: {
			thumb: size(150, 150, 'crop'),
			small: size(680, 510, 'fit'),
			medium: size(1200, 900, 'fit'),
			large: size(2048, 1536, 'fit'),
		},
	};
}
