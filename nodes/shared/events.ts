import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every normalized event name an item can carry in `event` / `kinds` (SPEC "Normalized items").
 * The trigger's `events` filter is built from this list, so adding a name here is all it takes
 * for users to be able to select it.
 */
export const EVENT_OPTIONS = [
	{ value: 'post.created', name: 'Post Created', description: 'The account posted (including its own replies, quotes and reposts)' },
	{ value: 'post.mention', name: 'Post Mention', description: 'Someone else mentioned the account' },
	{ value: 'post.reply', name: 'Post Reply', description: 'A reply to the account, or by it' },
	{ value: 'post.repost', name: 'Post Repost', description: 'A repost of the account’s post, or by it' },
	{ value: 'post.quote', name: 'Post Quote', description: 'A quote of the account’s post, or by it' },
	{ value: 'post.deleted', name: 'Post Deleted', description: 'The account deleted a post' },
	{ value: 'post.liked', name: 'Post Liked', description: 'A like of the account’s post, or by it' },
	{ value: 'user.followed', name: 'User Followed', description: 'A follow by or of the account' },
	{ value: 'user.unfollowed', name: 'User Unfollowed', description: 'An unfollow by the account' },
	{ value: 'user.blocked', name: 'User Blocked', description: 'The account blocked someone' },
	{ value: 'user.unblocked', name: 'User Unblocked', description: 'The account unblocked someone' },
	{ value: 'user.muted', name: 'User Muted', description: 'The account muted someone' },
	{ value: 'user.unmuted', name: 'User Unmuted', description: 'The account unmuted someone' },
	{ value: 'dm.received', name: 'Direct Message Received', description: 'A direct message to the account' },
	{ value: 'dm.sent', name: 'Direct Message Sent', description: 'A direct message from the account' },
	{ value: 'dm.typing', name: 'Direct Message Typing', description: 'Someone is typing a direct message to the account' },
	{ value: 'dm.read', name: 'Direct Message Read', description: 'A direct message conversation was read' },
	{ value: 'app.revoked', name: 'App Access Revoked', description: 'The account revoked this app’s access; X deletes the subscription' },
	{ value: 'replay.finished', name: 'Replay Finished', description: 'A replay job finished (Complete or Incomplete)' },
	{
		value: 'profile.updated',
		name: 'Profile Updated',
		description: 'The account changed its bio, picture, banner, name, handle, location, URL or badges (X Activity API only)',
	},
	{
		value: 'xaa.other',
		name: 'Other X Activity',
		description: 'Chat, Spaces, broadcast and news events, passed through with X’s payload under "raw" (X Activity API only)',
	},
	{ value: 'ayrshare.scheduled', name: 'Ayrshare Scheduled Post', description: 'A scheduled post was published or failed (Ayrshare only)' },
	{ value: 'ayrshare.social', name: 'Ayrshare Social Account', description: 'A profile linked, unlinked or must refresh a social network (Ayrshare only)' },
	{ value: 'ayrshare.messages', name: 'Ayrshare Message', description: 'A message was received, sent, read or reacted to (Ayrshare messaging add-on)' },
	{ value: 'ayrshare.batch', name: 'Ayrshare Batch Ready', description: 'A batch file, e.g. of all user profiles, is ready to download (Ayrshare only)' },
	{ value: 'ayrshare.feed', name: 'Ayrshare RSS Feed Item', description: 'A registered RSS feed has a new item (Ayrshare only)' },
	{ value: 'ayrshare.other', name: 'Other Ayrshare Action', description: 'Any other Ayrshare webhook action, with its fields under "ayrshare"' },
] as const satisfies ReadonlyArray<INodePropertyOptions & { value: string }>;

export type EventName = (typeof EVENT_OPTIONS)[number]['value'];

export const ALL_EVENTS = '*';

/** An item passes the user's `events` selection when any of its kinds was selected. */
export function matchesSelection(kinds: readonly string[], selected: readonly string[]): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	return kinds.some((kind) => selected.includes(kind));
}
