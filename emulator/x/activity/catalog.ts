/**
 * The X Activity API event types the emulator serves, with the rules X documents for each.
 * Written apart from the node's own catalog on purpose (the emulator plays X, and X does not read
 * the node's code); test/unit/eventCatalog.test.ts checks the two agree, both ways.
 *
 * Sources (xdevplatform/docs):
 * - INTRO: x-api/activity/introduction.mdx — the type tables with their "Filters" column, and
 *   "Event privacy and authentication" (the lists of current public and private events).
 * - SPEC: openapi.json v2.167 — CreateActivitySubscriptionRequest (`event_type` enum, incl. the
 *   newer chat types and the `chat.conversation_join` alias), CreateActivitySubscriptionFilter.
 * - CHANGELOG: changelog.mdx — 2026-03-18 "Direction filter ... scope DM and chat events".
 * - XDK: xdks/typescript/reference/interfaces/Schemas.ActivitySubscriptionCreateRequest.mdx —
 *   the PascalCase names still accepted (ProfileBioUpdate, FollowFollow, ...).
 */

export type FilterField = 'user_id' | 'keyword' | 'direction';

export interface EventTypeRule {
	/**
	 * `private`: INTRO's "Current private events" (and chat.*, which INTRO calls private on every
	 * chat type it lists; the newer SPEC-only chat types are assumed alike — a guess).
	 * `public`: INTRO's "Current public events". `unlisted`: in neither list (follow.*, spaces.*);
	 * the emulator accepts any authentication for them — a guess, X says nothing.
	 */
	privacy: 'private' | 'public' | 'unlisted';
	/** The fields INTRO's "Filters" column lists, plus `direction` for DMs and chat (CHANGELOG). Any other field is refused. */
	filter: readonly FilterField[];
	/** Which field must be set: the watched user, a keyword (news), or none (oauth.revoke: "Filters: none"). */
	requires: 'user_id' | 'keyword' | null;
}

const USER = ['user_id'] as const;
const USER_DIRECTION = ['user_id', 'direction'] as const;

const rule = (privacy: EventTypeRule['privacy'], filter: readonly FilterField[]): EventTypeRule => ({ privacy, filter, requires: 'user_id' });

const privatePost = rule('private', USER);
const chat = rule('private', USER_DIRECTION);

export const EVENT_TYPE_RULES = {
	'post.create': rule('public', USER),
	'post.mention.create': privatePost,
	'post.reply.create': privatePost,
	'post.quote.create': privatePost,
	'post.repost.create': privatePost,
	'post.delete': rule('public', USER),
	// INTRO: "like.create ... Filters: user_id, direction"; "Private event".
	'like.create': rule('private', USER_DIRECTION),
	'follow.follow': rule('unlisted', USER),
	'follow.unfollow': rule('unlisted', USER),
	// SPEC: direction "Not supported for mute.* or block.* events"; user_id "must be the authenticated source user".
	'block.block': rule('private', USER),
	'block.unblock': rule('private', USER),
	'mute.mute': rule('private', USER),
	'mute.unmute': rule('private', USER),
	'dm.sent': rule('private', USER_DIRECTION),
	'dm.received': rule('private', USER_DIRECTION),
	'dm.indicate_typing': rule('private', USER_DIRECTION),
	'dm.read': rule('private', USER_DIRECTION),
	'oauth.revoke': { privacy: 'public', filter: [], requires: null },
	'profile.update.bio': rule('public', USER),
	'profile.update.profile_picture': rule('public', USER),
	'profile.update.banner_picture': rule('public', USER),
	'profile.update.screenname': rule('public', USER),
	'profile.update.handle': rule('public', USER),
	'profile.update.geo': rule('public', USER),
	'profile.update.url': rule('public', USER),
	'profile.update.verified_badge': rule('public', USER),
	'profile.update.affiliate_badge': rule('public', USER),
	'chat.received': chat,
	'chat.sent': chat,
	'chat.conversation.join': chat,
	'chat.conversation.member_added': chat,
	'chat.conversation.member_removed': chat,
	'chat.conversation.admin_added': chat,
	'chat.conversation.admin_removed': chat,
	'chat.update.group_name': chat,
	'chat.update.restrictions': chat,
	'spaces.start': rule('unlisted', USER),
	'spaces.end': rule('unlisted', USER),
	// INTRO: "broadcast.start and broadcast.end are public events"; "broadcast.chat is a private event".
	'broadcast.start': rule('public', USER),
	'broadcast.end': rule('public', USER),
	'broadcast.chat': rule('private', USER),
	// INTRO: "news.new ... Filters: keyword"; Enterprise and Partner only (not enforced here).
	'news.new': { privacy: 'public', filter: ['keyword'], requires: 'keyword' },
} as const satisfies Record<string, EventTypeRule>;

export type ActivityEventType = keyof typeof EVENT_TYPE_RULES;

export const ACTIVITY_EVENT_TYPES = Object.keys(EVENT_TYPE_RULES) as ActivityEventType[];

/**
 * Other names X accepts on create and answers with the canonical one. SPEC: "chat.conversation_join
 * is a deprecated alias of chat.conversation.join; responses always use the canonical name". XDK:
 * the PascalCase names from before 2026-03-18 (treating them as aliases on create is a guess).
 */
export const EVENT_TYPE_ALIASES: Readonly<Record<string, ActivityEventType>> = {
	'chat.conversation_join': 'chat.conversation.join',
	ProfileBioUpdate: 'profile.update.bio',
	ProfilePictureUpdate: 'profile.update.profile_picture',
	ProfileBannerPictureUpdate: 'profile.update.banner_picture',
	// CHANGELOG 2025-10-18 names it so at launch; the XDK says ProfileBannerPictureUpdate.
	ProfileBannerUpdate: 'profile.update.banner_picture',
	ProfileScreennameUpdate: 'profile.update.screenname',
	ProfileGeoUpdate: 'profile.update.geo',
	ProfileUrlUpdate: 'profile.update.url',
	ProfileVerifiedBadgeUpdate: 'profile.update.verified_badge',
	NewsNew: 'news.new',
	FollowFollow: 'follow.follow',
	FollowUnfollow: 'follow.unfollow',
};

export function isActivityEventType(value: unknown): value is ActivityEventType {
	return typeof value === 'string' && Object.hasOwn(EVENT_TYPE_RULES, value);
}

/** The canonical type for a name X accepts, or null. */
export function canonicalType(value: unknown): ActivityEventType | null {
	if (isActivityEventType(value)) return value;
	return typeof value === 'string' && Object.hasOwn(EVENT_TYPE_ALIASES, value) ? EVENT_TYPE_ALIASES[value] : null;
}

export function ruleOf(type: ActivityEventType): EventTypeRule {
	return EVENT_TYPE_RULES[type];
}

/** The post types X fans one post out to: each fires on its own rule (INTRO, "Post events"). */
export const POST_EVENT_TYPES = ['post.create', 'post.mention.create', 'post.reply.create', 'post.quote.create', 'post.repost.create'] as const;
