/**
 * The X Activity API event types the emulator serves, grouped as X documents them (API-NOTES §3).
 * Written apart from the node's own table on purpose: the emulator plays X, and X does not read
 * the node's code.
 */

export type FilterKind = 'user' | 'app' | 'keyword';

export interface Family {
	/** Needs user context (DMs, blocks, mutes, encrypted chat); the rest accept the app's bearer token. */
	private: boolean;
	filter: FilterKind;
	/** `direction` narrows to one side; X rejects it for actor-only families. */
	direction: boolean;
	/** The filter's user must be the authenticating user. */
	actorOnly: boolean;
}

const pub: Family = { private: false, filter: 'user', direction: true, actorOnly: false };
const priv: Family = { private: true, filter: 'user', direction: true, actorOnly: true };

export const FAMILIES: Record<string, Family> = {
	post: pub,
	like: pub,
	follow: pub,
	profile: { ...pub, direction: false },
	spaces: { ...pub, direction: false },
	broadcast: { ...pub, direction: false },
	block: { ...priv, direction: false },
	mute: { ...priv, direction: false },
	dm: priv,
	chat: priv,
	oauth: { private: false, filter: 'app', direction: false, actorOnly: false },
	news: { private: false, filter: 'keyword', direction: false, actorOnly: false },
};

export const ACTIVITY_EVENT_TYPES = [
	'post.create',
	'post.mention.create',
	'post.reply.create',
	'post.quote.create',
	'post.repost.create',
	'post.delete',
	'like.create',
	'follow.follow',
	'follow.unfollow',
	'block.block',
	'block.unblock',
	'mute.mute',
	'mute.unmute',
	'dm.sent',
	'dm.received',
	'dm.indicate_typing',
	'dm.read',
	'oauth.revoke',
	'profile.update.bio',
	'profile.update.profile_picture',
	'profile.update.banner_picture',
	'profile.update.screenname',
	'profile.update.handle',
	'profile.update.geo',
	'profile.update.url',
	'profile.update.verified_badge',
	'profile.update.affiliate_badge',
	'chat.received',
	'chat.sent',
	'chat.conversation.join',
	'spaces.start',
	'spaces.end',
	'broadcast.start',
	'broadcast.end',
	'broadcast.chat',
	'news.new',
] as const;

export type ActivityEventType = (typeof ACTIVITY_EVENT_TYPES)[number];

export function isActivityEventType(value: unknown): value is ActivityEventType {
	return (ACTIVITY_EVENT_TYPES as readonly unknown[]).includes(value);
}

export function familyOf(type: string): Family {
	return FAMILIES[type.split('.')[0]];
}
