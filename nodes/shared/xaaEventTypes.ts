import type { EventName } from './events';
import type { XAuth } from './transport/xApi';

/**
 * The X Activity API's event types (API-NOTES §3) and what each means to this package: the item
 * `event` a delivery becomes, and how the trigger subscribes to it. One table, read by the
 * normalizer and by the trigger's subscription plan, so the two cannot drift apart.
 */
export interface XaaEventType {
	event: EventName;
	/** Other selections this type serves: the account's own replies, quotes and reposts arrive only as `post.create`. */
	alsoFor?: readonly EventName[];
	/** Private families need the account's OAuth 1.0a user context; X accepts the app's bearer token for public ones. */
	auth: XAuth;
	/**
	 * `user`: filtered on the credential's account. `none`: X takes an empty filter (app-wide).
	 * `keyword`: not about an account at all, so the trigger never subscribes it (the action node can).
	 */
	filter: 'user' | 'none' | 'keyword';
	/** Set where the item's meaning covers one side only (an unfollow is reported for the account's own, as AAA did). */
	direction?: 'inbound' | 'outbound';
}

const publicUser = (event: EventName, extra: Partial<XaaEventType> = {}): XaaEventType => ({ event, auth: 'app', filter: 'user', ...extra });
const privateUser = (event: EventName): XaaEventType => ({ event, auth: 'user', filter: 'user' });

const PROFILE_FIELDS = ['bio', 'profile_picture', 'banner_picture', 'screenname', 'handle', 'geo', 'url', 'verified_badge', 'affiliate_badge'];

export const XAA_EVENT_TYPES: Readonly<Record<string, XaaEventType>> = {
	'post.create': publicUser('post.created', { alsoFor: ['post.reply', 'post.quote', 'post.repost'] }),
	'post.mention.create': publicUser('post.mention'),
	'post.reply.create': publicUser('post.reply'),
	'post.quote.create': publicUser('post.quote'),
	'post.repost.create': publicUser('post.repost'),
	'post.delete': publicUser('post.deleted'),
	'like.create': publicUser('post.liked'),
	'follow.follow': publicUser('user.followed'),
	'follow.unfollow': publicUser('user.unfollowed', { direction: 'outbound' }),
	'block.block': privateUser('user.blocked'),
	'block.unblock': privateUser('user.unblocked'),
	'mute.mute': privateUser('user.muted'),
	'mute.unmute': privateUser('user.unmuted'),
	'dm.received': privateUser('dm.received'),
	'dm.sent': privateUser('dm.sent'),
	'dm.indicate_typing': privateUser('dm.typing'),
	'dm.read': privateUser('dm.read'),
	'oauth.revoke': { event: 'app.revoked', auth: 'app', filter: 'none' },
	...Object.fromEntries(PROFILE_FIELDS.map((field) => [`profile.update.${field}`, publicUser('profile.updated')])),
	'chat.received': privateUser('xaa.other'),
	'chat.sent': privateUser('xaa.other'),
	'chat.conversation.join': privateUser('xaa.other'),
	'spaces.start': publicUser('xaa.other'),
	'spaces.end': publicUser('xaa.other'),
	'broadcast.start': publicUser('xaa.other'),
	'broadcast.end': publicUser('xaa.other'),
	'broadcast.chat': publicUser('xaa.other'),
	'news.new': { event: 'xaa.other', auth: 'app', filter: 'keyword' },
};

/** Families X may extend with new names; anything in them still reaches the workflow. */
const OPEN_FAMILIES: ReadonlyArray<[prefix: string, info: XaaEventType]> = [
	['profile.update.', publicUser('profile.updated')],
	['chat.', privateUser('xaa.other')],
	['spaces.', publicUser('xaa.other')],
	['broadcast.', publicUser('xaa.other')],
	['news.', { event: 'xaa.other', auth: 'app', filter: 'keyword' }],
];

/** Before 2026-03-18 X sent PascalCase names (`FollowFollow`); they are the dotted names without separators. */
const BY_SQUASHED_NAME = new Map(Object.keys(XAA_EVENT_TYPES).map((name) => [name.replace(/[._]/g, '').toLowerCase(), name]));

export function canonicalEventType(name: string): string {
	if (name.includes('.')) return name;
	return BY_SQUASHED_NAME.get(name.replace(/[._]/g, '').toLowerCase()) ?? name;
}

/** What a (canonical) event type means; unknown types are passed through as `xaa.other` rather than lost. */
export function xaaEventType(type: string): XaaEventType {
	return XAA_EVENT_TYPES[type] ?? OPEN_FAMILIES.find(([prefix]) => type.startsWith(prefix))?.[1] ?? publicUser('xaa.other');
}
