import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { XAA_EVENT_TYPES } from '../../../shared/xaaEventTypes';
import { OTHER, optionsWithOther, readWithOther } from '../common';

/**
 * The X Activity API event type, offered from the package's one table of XAA types (the trigger
 * reads the same table), plus "Other" because X keeps adding types (profile.update.*, chat.*).
 */

/** What each type means to a no-code user; X's own name follows in brackets, as its docs use it. */
const LABELS: Readonly<Record<string, string>> = {
	'post.create': 'Post Created by the Account',
	'post.mention.create': 'Post Mentioning the Account',
	'post.reply.create': 'Reply to the Account',
	'post.quote.create': 'Quote of the Account',
	'post.repost.create': 'Repost of the Account',
	'post.delete': 'Post Deleted',
	'like.create': 'Like',
	'follow.follow': 'Follow',
	'follow.unfollow': 'Unfollow',
	'block.block': 'Block',
	'block.unblock': 'Unblock',
	'mute.mute': 'Mute',
	'mute.unmute': 'Unmute',
	'dm.received': 'Direct Message Received',
	'dm.sent': 'Direct Message Sent',
	'dm.indicate_typing': 'Direct Message Typing',
	'dm.read': 'Direct Message Read',
	'oauth.revoke': 'App Access Revoked',
	'chat.received': 'Chat Message Received',
	'chat.sent': 'Chat Message Sent',
	'chat.conversation.join': 'Chat Conversation Joined',
	'spaces.start': 'Space Started',
	'spaces.end': 'Space Ended',
	'broadcast.start': 'Broadcast Started',
	'broadcast.end': 'Broadcast Ended',
	'broadcast.chat': 'Broadcast Chat Message',
	'news.new': 'News Story (Keyword)',
};

/** Shown as "Other (Enter Name)": the Keyword field stays available for such types. */
export const OTHER_EVENT_TYPE = OTHER;

const KNOWN_TYPES = Object.keys(XAA_EVENT_TYPES);

/** Profile updates are one family with many fields; "Profile Update: Bio (profile.update.bio)". */
function label(type: string): string {
	const field = /^profile\.update\.(.+)$/.exec(type)?.[1];
	const name = field ? `Profile Update: ${field.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())}` : (LABELS[type] ?? type);
	return `${name} (${type})`;
}

/** Types that need the account's OAuth 1.0a user context (DMs, blocks, mutes, chat), so no bearer token. */
export const PRIVATE_EVENT_TYPES = KNOWN_TYPES.filter((type) => XAA_EVENT_TYPES[type].auth === 'user');

/** Types not about an account (app-wide or by keyword): no User ID, so no OAuth1 lookup and no Direction. */
export const ACCOUNTLESS_EVENT_TYPES = KNOWN_TYPES.filter((type) => XAA_EVENT_TYPES[type].filter !== 'user');

/** X rejects `direction` for mutes and blocks: they are reported only as the account's own actions. */
export const isActorOnly = (type: string): boolean => /^(mute|block)\./.test(type);

export const DIRECTIONLESS_EVENT_TYPES = [...ACCOUNTLESS_EVENT_TYPES, ...KNOWN_TYPES.filter(isActorOnly)];

const eventTypeField = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'options' as const,
	required: true,
	default: 'post.mention.create',
	description:
		'Which X Activity API events the subscription delivers. Mutes, blocks, direct messages and chat use the X OAuth1 User credential; the others use the app’s bearer token.',
	options: KNOWN_TYPES.map((value) => ({ name: label(value), value })),
};

const customEventType: INodeProperties = {
	displayName: 'Event Type Name',
	name: 'customEventType',
	type: 'string',
	default: '',
	placeholder: 'profile.update.pinned_post',
	description: 'X’s name of the event type, exactly as in its documentation, for types newer than this node',
};

export const eventTypeFields = optionsWithOther(eventTypeField, customEventType);

export function readEventType(this: IExecuteFunctions, itemIndex: number): string {
	return readWithOther.call(this, eventTypeField, customEventType, itemIndex);
}
