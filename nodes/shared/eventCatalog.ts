/**
 * The one table of events this package knows. Each row is one item `event` and says where it
 * comes from on every route: the Account Activity API key (and `type`), the X Activity API event
 * types with their privacy and filters, the Ayrshare key or action, and who acts when the repo's
 * emulator generates it. The trigger's Events options, the action node's Event Type field, the
 * X Activity API subscription plan and filters, and the normalizers' dispatch are all read from
 * here; test/unit/eventCatalog.test.ts checks every consumer (and the emulator, which may not
 * import this file) against it in both directions. CONTRIBUTING.md has the recipe for a new event.
 *
 * X facts, with their sources, are in docs/x-activity-api.md.
 */

/** Account Activity API envelope keys (docs.x.com x-api/account-activity, "Account Activity data objects"). */
export type AaaKey =
	| 'tweet_create_events'
	| 'favorite_events'
	| 'follow_events'
	| 'unfollow_events'
	| 'block_events'
	| 'unblock_events'
	| 'mute_events'
	| 'unmute_events'
	| 'direct_message_events'
	| 'direct_message_indicate_typing_events'
	| 'direct_message_mark_read_events'
	| 'tweet_delete_events'
	| 'user_event'
	| 'replay_job_status';

/**
 * X Activity API event privacy (x-api/activity/introduction.mdx, "Event privacy and authentication"):
 * `private` types need the account's own user-context token, `public` ones accept the app's bearer
 * token, and `unlisted` ones (follow.*, spaces.*) are in neither list, so the account's token is used.
 */
export type XaaPrivacy = 'private' | 'public' | 'unlisted';

/** The filter fields X documents; `filter` rejects any other (openapi.json, CreateActivitySubscriptionFilter). */
export type XaaFilterField = 'user_id' | 'keyword' | 'direction';

/** Which normalizer function reads the type's `payload` (normalize/activityApi.ts). */
export type XaaPayloadShape =
	| 'post'
	| 'postDelete'
	| 'like'
	| 'relation'
	| 'directMessage'
	| 'dmIndicator'
	| 'revoke'
	| 'profile'
	| 'chat'
	| 'other';

export interface XaaTypeSpec {
	/** X's `event_type`, in dot notation. */
	type: string;
	/** The action node's name for it; X's own name follows in brackets there. */
	label: string;
	privacy: XaaPrivacy;
	/** The filter fields X documents for the type (introduction.mdx tables, changelog 2026-03-18 for `direction`). */
	filter: readonly XaaFilterField[];
	/** What the filter names: the watched account, nothing (app-wide), or a keyword (the trigger never subscribes those). */
	subject: 'account' | 'app' | 'keyword';
	payload: XaaPayloadShape;
	/** Other names X sends or accepts for it: deprecated aliases and the PascalCase names used before 2026-03-18. */
	aliases?: readonly string[];
	/** US$ per delivered event on X's pricing page (x-api/getting-started/pricing.mdx); 0: not billed; absent: not listed. */
	usd?: number;
	/** Further item events whose selection needs this type: X sends the account's own replies, quotes and reposts only as post.create. */
	alsoServes?: readonly string[];
}

export interface EventRow {
	event: string;
	/** The trigger's option name and description. */
	name: string;
	description: string;
	/** Account Activity API: the envelope key(s), and the `type` that tells an un-event from its twin in the same array. */
	aaa?: { keys: readonly AaaKey[]; type?: string };
	xaa?: readonly XaaTypeSpec[];
	/**
	 * Ayrshare: X events arrive under the `accountActivity` action with X's key camelCased
	 * (`key`); Ayrshare's own actions are their own events (`action`).
	 */
	ayrshare?: { key: string } | { action: string; actionName: string; actionDescription: string } | { otherActions: true };
	/**
	 * What the emulator needs to generate the event: whether the watched account or someone else
	 * acts in the default scene, and extra injection names that build variants of it.
	 */
	emulator?: { actor: 'account' | 'other'; variants?: readonly string[] };
}

const X_PRIVATE = { privacy: 'private', subject: 'account' } as const;
const X_PUBLIC = { privacy: 'public', subject: 'account' } as const;
const X_UNLISTED = { privacy: 'unlisted', subject: 'account' } as const;
const USER_ONLY = ['user_id'] as const;
const WITH_DIRECTION = ['user_id', 'direction'] as const;
const POST_USD = 0.005;

const postType = (type: string, label: string, extra: Partial<XaaTypeSpec> = {}): XaaTypeSpec => ({
	type,
	label,
	...X_PRIVATE,
	filter: USER_ONLY,
	payload: 'post',
	usd: POST_USD,
	...extra,
});

const relationType = (type: string, label: string, privacy: XaaPrivacy, usd: number, aliases?: readonly string[]): XaaTypeSpec => ({
	type,
	label,
	privacy,
	subject: 'account',
	filter: USER_ONLY,
	payload: 'relation',
	usd,
	...(aliases ? { aliases } : {}),
});

/** The profile fields X reports, and the PascalCase names the XDK's enum still lists for some of them. */
const PROFILE_FIELDS: ReadonlyArray<[field: string, label: string, aliases: readonly string[]]> = [
	['bio', 'Bio', ['ProfileBioUpdate']],
	['profile_picture', 'Profile Picture', ['ProfilePictureUpdate']],
	// The 2025-10-18 changelog calls it ProfileBannerUpdate, the XDK ProfileBannerPictureUpdate.
	['banner_picture', 'Banner Picture', ['ProfileBannerPictureUpdate', 'ProfileBannerUpdate']],
	['screenname', 'Screenname', ['ProfileScreennameUpdate']],
	['handle', 'Handle', []],
	['geo', 'Geo', ['ProfileGeoUpdate']],
	['url', 'Url', ['ProfileUrlUpdate']],
	['verified_badge', 'Verified Badge', ['ProfileVerifiedBadgeUpdate']],
	['affiliate_badge', 'Affiliate Badge', []],
];

const chatType = (type: string, label: string, extra: Partial<XaaTypeSpec> = {}): XaaTypeSpec => ({
	type,
	label,
	...X_PRIVATE,
	filter: WITH_DIRECTION,
	payload: 'chat',
	...extra,
});

const otherType = (type: string, label: string, privacy: XaaPrivacy, usd?: number): XaaTypeSpec => ({
	type,
	label,
	privacy,
	subject: 'account',
	filter: USER_ONLY,
	payload: 'other',
	...(usd === undefined ? {} : { usd }),
});

export const EVENT_CATALOG = [
	{
		event: 'post.created',
		name: 'Post Created',
		description: 'The account posted (including its own replies, quotes and reposts)',
		aaa: { keys: ['tweet_create_events'] },
		xaa: [postType('post.create', 'Post Created by the Account', { ...X_PUBLIC, alsoServes: ['post.reply', 'post.quote', 'post.repost'] })],
		ayrshare: { key: 'tweetCreateEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'post.mention',
		name: 'Post Mention',
		description: 'Someone else mentioned the account',
		aaa: { keys: ['tweet_create_events'] },
		xaa: [postType('post.mention.create', 'Post Mentioning the Account')],
		ayrshare: { key: 'tweetCreateEvents' },
		emulator: { actor: 'other', variants: ['post.long'] },
	},
	{
		event: 'post.reply',
		name: 'Post Reply',
		description: 'A reply to the account, or by it',
		aaa: { keys: ['tweet_create_events'] },
		xaa: [postType('post.reply.create', 'Reply to the Account')],
		ayrshare: { key: 'tweetCreateEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'post.repost',
		name: 'Post Repost',
		description: 'A repost of the account’s post, or by it',
		aaa: { keys: ['tweet_create_events'] },
		xaa: [postType('post.repost.create', 'Repost of the Account')],
		ayrshare: { key: 'tweetCreateEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'post.quote',
		name: 'Post Quote',
		description: 'A quote of the account’s post, or by it',
		aaa: { keys: ['tweet_create_events'] },
		xaa: [postType('post.quote.create', 'Quote of the Account')],
		ayrshare: { key: 'tweetCreateEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'post.deleted',
		name: 'Post Deleted',
		description: 'The account deleted a post',
		aaa: { keys: ['tweet_delete_events'] },
		// X's pricing page: not billed (its Activity API page counts every post event as a Post).
		xaa: [{ type: 'post.delete', label: 'Post Deleted', ...X_PUBLIC, filter: USER_ONLY, payload: 'postDelete', usd: 0 }],
		ayrshare: { key: 'tweetDeleteEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'post.liked',
		name: 'Post Liked',
		description: 'A like of the account’s post, or by it',
		aaa: { keys: ['favorite_events'] },
		xaa: [{ type: 'like.create', label: 'Like', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'like' }],
		ayrshare: { key: 'favoriteEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'user.followed',
		name: 'User Followed',
		description: 'A follow by or of the account',
		aaa: { keys: ['follow_events'], type: 'follow' },
		xaa: [relationType('follow.follow', 'Follow', 'unlisted', 0.01, ['FollowFollow'])],
		ayrshare: { key: 'followEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'user.unfollowed',
		name: 'User Unfollowed',
		description: 'An unfollow by the account',
		aaa: { keys: ['follow_events', 'unfollow_events'], type: 'unfollow' },
		xaa: [relationType('follow.unfollow', 'Unfollow', 'unlisted', 0.01, ['FollowUnfollow'])],
		ayrshare: { key: 'followEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'user.blocked',
		name: 'User Blocked',
		description: 'The account blocked someone',
		aaa: { keys: ['block_events'], type: 'block' },
		xaa: [relationType('block.block', 'Block', 'private', 0.001)],
		ayrshare: { key: 'blockEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'user.unblocked',
		name: 'User Unblocked',
		description: 'The account unblocked someone',
		aaa: { keys: ['block_events', 'unblock_events'], type: 'unblock' },
		xaa: [relationType('block.unblock', 'Unblock', 'private', 0.001)],
		ayrshare: { key: 'blockEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'user.muted',
		name: 'User Muted',
		description: 'The account muted someone',
		aaa: { keys: ['mute_events'], type: 'mute' },
		xaa: [relationType('mute.mute', 'Mute', 'private', 0.001)],
		ayrshare: { key: 'muteEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'user.unmuted',
		name: 'User Unmuted',
		description: 'The account unmuted someone',
		aaa: { keys: ['mute_events', 'unmute_events'], type: 'unmute' },
		xaa: [relationType('mute.unmute', 'Unmute', 'private', 0.001)],
		ayrshare: { key: 'muteEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'dm.received',
		name: 'Direct Message Received',
		description: 'A direct message to the account',
		aaa: { keys: ['direct_message_events'] },
		xaa: [{ type: 'dm.received', label: 'Direct Message Received', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'directMessage', usd: 0.01 }],
		ayrshare: { key: 'directMessageEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'dm.sent',
		name: 'Direct Message Sent',
		description: 'A direct message from the account',
		aaa: { keys: ['direct_message_events'] },
		xaa: [{ type: 'dm.sent', label: 'Direct Message Sent', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'directMessage', usd: 0 }],
		ayrshare: { key: 'directMessageEvents' },
		emulator: { actor: 'account' },
	},
	{
		event: 'dm.typing',
		name: 'Direct Message Typing',
		description: 'Someone is typing a direct message to the account',
		aaa: { keys: ['direct_message_indicate_typing_events'] },
		xaa: [{ type: 'dm.indicate_typing', label: 'Direct Message Typing', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'dmIndicator', usd: 0 }],
		ayrshare: { key: 'directMessageIndicateTypingEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'dm.read',
		name: 'Direct Message Read',
		description: 'A direct message conversation was read',
		aaa: { keys: ['direct_message_mark_read_events'] },
		xaa: [{ type: 'dm.read', label: 'Direct Message Read', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'dmIndicator', usd: 0 }],
		ayrshare: { key: 'directMessageMarkReadEvents' },
		emulator: { actor: 'other' },
	},
	{
		event: 'app.revoked',
		name: 'App Access Revoked',
		description: 'The account revoked this app’s access; X deletes the subscription',
		aaa: { keys: ['user_event'] },
		xaa: [{ type: 'oauth.revoke', label: 'App Access Revoked', privacy: 'public', subject: 'app', filter: [], payload: 'revoke' }],
		ayrshare: { key: 'userEvent' },
		emulator: { actor: 'account' },
	},
	{
		event: 'replay.finished',
		name: 'Replay Finished',
		description: 'A replay job finished (Complete or Incomplete)',
		// Replays of X Activity API deliveries finish with the same Account Activity-shaped status body.
		aaa: { keys: ['replay_job_status'] },
	},
	{
		event: 'profile.updated',
		name: 'Profile Updated',
		description: 'The account changed its bio, picture, banner, name, handle, location, URL or badges (X Activity API only)',
		xaa: PROFILE_FIELDS.map(([field, label, aliases]) => ({
			type: `profile.update.${field}`,
			label: `Profile Update: ${label}`,
			...X_PUBLIC,
			filter: USER_ONLY,
			payload: 'profile' as const,
			usd: 0.005,
			...(aliases.length ? { aliases } : {}),
		})),
		emulator: { actor: 'account' },
	},
	{
		event: 'xaa.other',
		name: 'Other X Activity',
		description: 'Chat, Spaces, broadcast and news events, passed through with X’s payload under "raw" (X Activity API only)',
		xaa: [
			chatType('chat.received', 'Chat Message Received', { usd: 0.01 }),
			chatType('chat.sent', 'Chat Message Sent', { usd: 0 }),
			// openapi.json: "chat.conversation_join is a deprecated alias of chat.conversation.join; responses always use the canonical name".
			chatType('chat.conversation.join', 'Chat Conversation Joined', { usd: 0, aliases: ['chat.conversation_join'] }),
			// Newer XChat types, named only in openapi.json's event_type enum (no payload sample, no price yet).
			chatType('chat.conversation.member_added', 'Chat Member Added'),
			chatType('chat.conversation.member_removed', 'Chat Member Removed'),
			chatType('chat.conversation.admin_added', 'Chat Admin Added'),
			chatType('chat.conversation.admin_removed', 'Chat Admin Removed'),
			chatType('chat.update.group_name', 'Chat Group Renamed'),
			chatType('chat.update.restrictions', 'Chat Restrictions Changed'),
			otherType('spaces.start', 'Space Started', 'unlisted', 0.005),
			otherType('spaces.end', 'Space Ended', 'unlisted', 0.005),
			otherType('broadcast.start', 'Broadcast Started', 'public'),
			otherType('broadcast.end', 'Broadcast Ended', 'public'),
			otherType('broadcast.chat', 'Broadcast Chat Message', 'private'),
			{ type: 'news.new', label: 'News Story (Keyword)', privacy: 'public', subject: 'keyword', filter: ['keyword'], payload: 'other', usd: 0.005, aliases: ['NewsNew'] },
		],
		emulator: { actor: 'other' },
	},
	{
		event: 'ayrshare.scheduled',
		name: 'Ayrshare Scheduled Post',
		description: 'A scheduled post was published or failed (Ayrshare only)',
		ayrshare: { action: 'scheduled', actionName: 'Scheduled Post', actionDescription: 'A scheduled post was processed' },
	},
	{
		event: 'ayrshare.social',
		name: 'Ayrshare Social Account',
		description: 'A profile linked, unlinked or must refresh a social network (Ayrshare only)',
		ayrshare: { action: 'social', actionName: 'Social Account Change', actionDescription: 'A social account was linked, unlinked or needs a refresh' },
	},
	{
		event: 'ayrshare.messages',
		name: 'Ayrshare Message',
		description: 'A message was received, sent, read or reacted to (Ayrshare messaging add-on)',
		ayrshare: { action: 'messages', actionName: 'Messages', actionDescription: 'Direct messages (messaging add-on)' },
	},
	{
		event: 'ayrshare.batch',
		name: 'Ayrshare Batch Ready',
		description: 'A batch file, e.g. of all user profiles, is ready to download (Ayrshare only)',
		ayrshare: { action: 'batch', actionName: 'Batch', actionDescription: 'A batch file (e.g. all user profiles) is ready' },
	},
	{
		event: 'ayrshare.feed',
		name: 'Ayrshare RSS Feed Item',
		description: 'A registered RSS feed has a new item (Ayrshare only)',
		ayrshare: { action: 'feed', actionName: 'RSS Feed', actionDescription: 'A new item in a registered RSS feed' },
	},
	{
		event: 'ayrshare.other',
		name: 'Other Ayrshare Action',
		description: 'Any other Ayrshare webhook action, with its fields under "ayrshare"',
		ayrshare: { otherActions: true },
	},
] as const satisfies readonly EventRow[];

export type EventName = (typeof EVENT_CATALOG)[number]['event'];

export const ALL_EVENTS = '*';

/** An item passes the user's `events` selection when any of its kinds was selected. */
export function matchesSelection(kinds: readonly string[], selected: readonly string[]): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	return kinds.some((kind) => selected.includes(kind));
}

const ROWS: readonly EventRow[] = EVENT_CATALOG;

/** Ayrshare forwards X's events under this action (its other actions are rows of their own). */
export const AYRSHARE_ACCOUNT_ACTIVITY = {
	action: 'accountActivity',
	actionName: 'X Account Activity',
	actionDescription: 'Posts, mentions, likes, follows, blocks, mutes and DMs of the linked X account',
} as const;

/** Ayrshare's webhook actions this package knows, for the trigger's option and the action node's Action field. */
export const AYRSHARE_ACTIONS: ReadonlyArray<{ action: string; actionName: string; actionDescription: string }> = [
	AYRSHARE_ACCOUNT_ACTIVITY,
	...ROWS.flatMap((row) => (row.ayrshare && 'action' in row.ayrshare ? [row.ayrshare] : [])),
];

/** One X Activity API type with the item event it becomes. */
export interface XaaTypeInfo extends XaaTypeSpec {
	event: EventName;
}

/** Every X Activity API type of the catalog, in catalog order. */
export const XAA_TYPES: readonly XaaTypeInfo[] = ROWS.flatMap((row) => (row.xaa ?? []).map((spec) => ({ ...spec, event: row.event as EventName })));

const BY_TYPE = new Map(XAA_TYPES.map((info) => [info.type, info]));
const BY_ALIAS = new Map(XAA_TYPES.flatMap((info) => (info.aliases ?? []).map((alias) => [alias, info.type] as const)));
/** Lenient fallback for PascalCase names no doc lists: the dotted name without separators (e.g. PostMentionCreate). */
const BY_SQUASHED_NAME = new Map(XAA_TYPES.map((info) => [info.type.replace(/[._]/g, '').toLowerCase(), info.type]));

/** X's canonical dotted name for a type, an alias or a pre-2026-03-18 PascalCase name; unknown names come back unchanged. */
export function canonicalEventType(name: string): string {
	const aliased = BY_ALIAS.get(name);
	if (aliased) return aliased;
	if (name.includes('.')) return name;
	return BY_SQUASHED_NAME.get(name.replace(/[._]/g, '').toLowerCase()) ?? name;
}

/** Families X may extend with new names: what a type of them means until it has its own entry. */
const OPEN_FAMILIES: ReadonlyArray<[prefix: string, info: Omit<XaaTypeInfo, 'type' | 'label'>]> = [
	['profile.update.', { event: 'profile.updated', ...X_PUBLIC, filter: USER_ONLY, payload: 'profile' }],
	['chat.', { event: 'xaa.other', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'chat' }],
	['dm.', { event: 'xaa.other', ...X_PRIVATE, filter: WITH_DIRECTION, payload: 'other' }],
	['spaces.', { event: 'xaa.other', ...X_UNLISTED, filter: USER_ONLY, payload: 'other' }],
	['broadcast.', { event: 'xaa.other', ...X_PUBLIC, filter: USER_ONLY, payload: 'other' }],
	['news.', { event: 'xaa.other', privacy: 'public', subject: 'keyword', filter: ['keyword'], payload: 'other' }],
];

/** A type this package has no entry for: X judges the filter, so every documented field may be sent. */
const UNKNOWN: Omit<XaaTypeInfo, 'type' | 'label'> = { event: 'xaa.other', ...X_PUBLIC, filter: ['user_id', 'keyword', 'direction'], payload: 'other' };

/** What a (canonical) X Activity API type means; unknown types pass through as `xaa.other` rather than being lost. */
export function xaaType(type: string): XaaTypeInfo {
	const known = BY_TYPE.get(type);
	if (known) return known;
	const family = OPEN_FAMILIES.find(([prefix]) => type.startsWith(prefix))?.[1] ?? UNKNOWN;
	return { ...family, type, label: type };
}

/** The credential a subscription of this type is created with: only public types may use the app's bearer token. */
export function xaaAuth(type: string): 'user' | 'app' {
	return xaaType(type).privacy === 'public' ? 'app' : 'user';
}

/** The item events an X Activity API type serves, for deciding which types a selection needs. */
export function eventsServedBy(info: XaaTypeInfo): readonly string[] {
	return [info.event, ...(info.alsoServes ?? [])];
}

/** The catalog row of an item event. */
export function eventRow(event: string): EventRow | undefined {
	return ROWS.find((row) => row.event === event);
}

/**
 * The item event an Account Activity key stands for, where the key alone decides (not for posts,
 * which are classified). In `follow_events`, `block_events` and `mute_events` the `type` tells the
 * un-event from its twin; `unfollow_events` and its kin are the un-events whatever their type.
 */
export function aaaEventFor(key: AaaKey, type?: string | null): EventName | undefined {
	const rows = ROWS.filter((row) => row.aaa?.keys.includes(key));
	if (rows.length <= 1) return rows[0]?.event as EventName | undefined;
	const typed = rows.find((row) => row.aaa?.type !== undefined && row.aaa.type === type?.toLowerCase());
	return (typed ?? rows.find((row) => row.aaa?.keys[0] === key))?.event as EventName | undefined;
}
