import type { XApp, XUser } from '../../options';
import { hexId, randomToken, snowflakeId } from '../ids';
import { People } from '../events/people';
import { isoSecondsUtc } from '../events/time';
import type { ActivityEventType } from './catalog';
import { v2Post, v2User, wrapped } from './v2Builders';

/**
 * Payloads for every X Activity API event type, in the shapes of X's published samples
 * (docs/xaa-payloads). Types without a sample (dm.read, dm.indicate_typing, mute.*, block.*,
 * the handle/badge profile updates, chat.conversation.join and the newer chat.conversation.* and
 * chat.update.* types of openapi.json) follow the documented shapes; for the chat types that is the
 * event-payloads page's "The payload shape matches other chat events" (a guess for the newer ones).
 */

export type Direction = 'inbound' | 'outbound';

export interface ActivityOverrides {
	forUserId?: string;
	/** The other party (author of a mention, follower, DM sender...). */
	actorId?: string;
	text?: string;
	/** Id of the main object (post, DM, like). */
	id?: string;
	direction?: Direction;
	keyword?: string;
	/** Several messages in one DM payload. */
	count?: number;
}

export interface Scene {
	app: XApp;
	people: People;
	forUser: XUser;
	actor: XUser;
	overrides: ActivityOverrides;
	now: Date;
}

export interface BuiltActivity {
	payload: Record<string, unknown>;
	includes?: Record<string, unknown>;
	/** Which side of the account this event is on, for subscriptions filtered by `direction`. */
	direction?: Direction;
}

const ago = (s: Scene, ms: number) => new Date(s.now.getTime() - ms);
const both = (s: Scene) => [v2User(s.actor), v2User(s.forUser)];

function mentioning(text: string, user: XUser): string {
	return new RegExp(`@${user.username}\\b`, 'i').test(text) ? text : `@${user.username} ${text}`;
}

/** A reply's text starts with the handle it answers, as X's clients write it; anything after is the reply's own text. */
function replying(text: string, user: XUser): string {
	return new RegExp(`^@${user.username}\\b`, 'i').test(text) ? text : `@${user.username} ${text}`;
}

function ownPost(s: Scene, text: string) {
	return v2Post({ author: s.forUser, text, people: s.people, now: ago(s, 3_600_000) });
}

/** Source/target pairs (follow, block, mute): inbound means someone else acted on the account. */
function relation(defaultDirection: Direction) {
	return (s: Scene): BuiltActivity => {
		const direction = s.overrides.direction ?? defaultDirection;
		const [source, target] = direction === 'inbound' ? [s.actor, s.forUser] : [s.forUser, s.actor];
		return { payload: { source: wrapped(source), target: wrapped(target) }, direction };
	};
}

const dmUsers = (s: Scene) => ({ [s.actor.id]: wrapped(s.actor), [s.forUser.id]: wrapped(s.forUser) });

function directMessages(outgoing: boolean) {
	return (s: Scene): BuiltActivity => {
		const [sender, recipient] = outgoing ? [s.forUser, s.actor] : [s.actor, s.forUser];
		const count = Math.max(1, s.overrides.count ?? 1);
		const events = Array.from({ length: count }, (_, index) => ({
			type: 'message_create',
			id: count === 1 && s.overrides.id ? s.overrides.id : snowflakeId(s.now.getTime() + index),
			created_timestamp: String(s.now.getTime() + index),
			message_create: {
				target: { recipient_id: recipient.id },
				sender_id: sender.id,
				message_data: {
					text: s.overrides.text ?? (outgoing ? 'Yes, shipping it tomorrow.' : 'Hi! Is the integration ready? 🙂'),
					entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
				},
			},
		}));
		return { payload: { direct_message_events: events, users: dmUsers(s) }, direction: outgoing ? 'outbound' : 'inbound' };
	};
}

function indicator(key: string, extra: (s: Scene) => Record<string, unknown> = () => ({})) {
	return (s: Scene): BuiltActivity => ({
		payload: {
			[key]: [{ created_timestamp: String(s.now.getTime()), sender_id: s.actor.id, target: { recipient_id: s.forUser.id }, ...extra(s) }],
			users: dmUsers(s),
		},
		direction: 'inbound',
	});
}

const PROFILE_CHANGES: Record<string, [unknown, unknown]> = {
	bio: ['Automating things.', 'Automating all the things with n8n.'],
	profile_picture: ['https://pbs.twimg.com/profile_images/1/old_normal.jpg', 'https://pbs.twimg.com/profile_images/1/new_normal.jpg'],
	banner_picture: ['https://pbs.twimg.com/profile_banners/1/1500000000', 'https://pbs.twimg.com/profile_banners/1/1600000000'],
	screenname: ['n8n', 'n8n User'],
	handle: ['n8n_user_old', 'n8n_user'],
	geo: ['Paris', 'Berlin'],
	url: ['https://t.co/oldlinkxx', 'https://t.co/newlinkxx'],
	verified_badge: [false, true],
	affiliate_badge: [null, { description: 'n8n', url: 'https://twitter.com/n8n_io' }],
};

function profile(field: string) {
	return (s: Scene): BuiltActivity => {
		const [before, after] = PROFILE_CHANGES[field];
		return { payload: { before, after } };
	};
}

function chat(kind: 'received' | 'sent' | 'join') {
	return (s: Scene): BuiltActivity => {
		const sender = kind === 'sent' ? s.forUser : s.actor;
		return {
			payload: {
				conversation_token: randomToken(32),
				id: s.overrides.id ?? hexId(),
				created_at_msec: String(s.now.getTime()),
				sender_id: sender.id,
				conversation_id: `${s.actor.id}:${s.forUser.id}`,
				conversation_key_version: String(s.now.getTime() - 86_400_000),
				// End-to-end encrypted: X itself cannot decode it, so neither can a receiver without the keys.
				encoded_event: randomToken(48),
				...(kind === 'join' ? { event: 'conversation_join' } : {}),
			},
			direction: kind === 'sent' ? 'outbound' : 'inbound',
		};
	};
}

function broadcast(state: 'Running' | 'Ended') {
	return (s: Scene): BuiltActivity => ({
		payload: {
			user: wrapped(s.forUser),
			broadcast_id: randomToken(9),
			event_timestamp_ms: s.now.getTime(),
			event_timestamp_ms_str: String(s.now.getTime()),
			title: s.overrides.text ?? 'Building workflows live',
			broadcast_state: state,
			language: 'en',
			available_for_replay: state === 'Ended',
		},
	});
}

const spaces = (event: string) => (s: Scene): BuiltActivity => ({ payload: { user: wrapped(s.forUser), broadcast_id: randomToken(9), event_type: event } });

export const BUILDERS: Record<ActivityEventType, (s: Scene) => BuiltActivity> = {
	'post.create': (s) => {
		const post = v2Post({ author: s.forUser, text: s.overrides.text ?? 'Shipping a new workflow today 🚀 #n8n https://n8n.io', people: s.people, id: s.overrides.id, now: s.now });
		return { payload: post, includes: { tweets: [post], users: [v2User(s.forUser)] }, direction: 'outbound' };
	},
	'post.mention.create': (s) => {
		const text = mentioning(s.overrides.text ?? 'have you seen the new release? #n8n', s.forUser);
		const post = v2Post({ author: s.actor, text, people: s.people, id: s.overrides.id, now: s.now });
		return { payload: post, includes: { tweets: [post], users: both(s) }, direction: 'inbound' };
	},
	'post.reply.create': (s) => {
		const original = ownPost(s, 'What should I automate next?');
		const text = replying(s.overrides.text ?? 'Great point, thanks for sharing!', s.forUser);
		const post = v2Post({ author: s.actor, text, people: s.people, id: s.overrides.id, now: s.now, replyTo: { postId: original.id, user: s.forUser } });
		return { payload: post, includes: { tweets: [post, original], users: both(s) }, direction: 'inbound' };
	},
	'post.quote.create': (s) => {
		const original = ownPost(s, 'Automation is a superpower.');
		const text = `${s.overrides.text ?? 'This! 👇 So true.'} https://twitter.com/${s.forUser.username}/status/${original.id}`;
		const post = v2Post({ author: s.actor, text, people: s.people, id: s.overrides.id, now: s.now, quoted: original.id });
		return { payload: post, includes: { tweets: [post, original], users: both(s) }, direction: 'inbound' };
	},
	'post.repost.create': (s) => {
		const original = ownPost(s, s.overrides.text ?? 'Our latest automation tips thread 🧵 #n8n');
		const post = v2Post({ author: s.actor, text: `RT @${s.forUser.username}: ${String(original.text)}`, people: s.people, id: s.overrides.id, now: s.now, reposted: original.id });
		return { payload: post, includes: { tweets: [post, original], users: both(s) }, direction: 'inbound' };
	},
	'post.delete': (s) => ({
		payload: { id: s.overrides.id ?? snowflakeId(ago(s, 600_000).getTime()), author_id: s.forUser.id },
		includes: { users: [wrapped(s.forUser)] },
		direction: 'outbound',
	}),
	'like.create': (s) => {
		const direction = s.overrides.direction ?? 'inbound';
		const [liker, author] = direction === 'inbound' ? [s.actor, s.forUser] : [s.forUser, s.actor];
		const liked = v2Post({ author, text: s.overrides.text ?? 'A post worth liking #n8n', people: s.people, now: ago(s, 3_600_000) });
		return {
			payload: {
				id: s.overrides.id ?? hexId(),
				created_at: s.now.toISOString(),
				timestamp_ms: String(s.now.getTime()),
				liked_tweet_author_id: author.id,
				liked_tweet_id: liked.id,
			},
			// As in X's sample, includes carry the liked post and the people other than the account when it liked.
			includes: { users: direction === 'inbound' ? [v2User(liker), v2User(author)] : [v2User(author)], tweets: [liked] },
			direction,
		};
	},
	'follow.follow': relation('inbound'),
	'follow.unfollow': relation('outbound'),
	'block.block': relation('outbound'),
	'block.unblock': relation('outbound'),
	'mute.mute': relation('outbound'),
	'mute.unmute': relation('outbound'),
	'dm.sent': directMessages(true),
	'dm.received': directMessages(false),
	'dm.indicate_typing': indicator('direct_message_indicate_typing_events'),
	'dm.read': indicator('direct_message_mark_read_events', (s) => ({ last_read_event_id: s.overrides.id ?? snowflakeId(ago(s, 30_000).getTime()) })),
	'oauth.revoke': (s) => ({ payload: { date_time: isoSecondsUtc(s.now), user_id: s.forUser.id, app_id: s.app.appId } }),
	'profile.update.bio': profile('bio'),
	'profile.update.profile_picture': profile('profile_picture'),
	'profile.update.banner_picture': profile('banner_picture'),
	'profile.update.screenname': profile('screenname'),
	'profile.update.handle': profile('handle'),
	'profile.update.geo': profile('geo'),
	'profile.update.url': profile('url'),
	'profile.update.verified_badge': profile('verified_badge'),
	'profile.update.affiliate_badge': profile('affiliate_badge'),
	'chat.received': chat('received'),
	'chat.sent': chat('sent'),
	'chat.conversation.join': chat('join'),
	'chat.conversation.member_added': chat('received'),
	'chat.conversation.member_removed': chat('received'),
	'chat.conversation.admin_added': chat('received'),
	'chat.conversation.admin_removed': chat('received'),
	'chat.update.group_name': chat('received'),
	'chat.update.restrictions': chat('received'),
	'spaces.start': spaces('spaces_start'),
	'spaces.end': spaces('spaces_end'),
	'broadcast.start': broadcast('Running'),
	'broadcast.end': broadcast('Ended'),
	'broadcast.chat': (s) => ({ payload: { broadcast_id: randomToken(9), message_id: snowflakeId(), message: s.overrides.text ?? 'hello from chat', author: wrapped(s.actor) } }),
	'news.new': (s) => ({
		payload: {
			id: snowflakeId(),
			name: `${s.overrides.keyword ?? 'n8n'} ships a new release`,
			summary: `Posts on X discuss the latest ${s.overrides.keyword ?? 'n8n'} release.`,
			hook: 'Workflow automation keeps growing.',
			category: 'News',
			updated_at: s.now.toISOString(),
			contexts: { topics: ['Technology'] },
		},
	}),
};

export function sceneFor(app: XApp, users: XUser[], subscriberId: string, overrides: ActivityOverrides): Scene {
	const people = new People(users);
	const forUser = people.byId(overrides.forUserId ?? subscriberId);
	const actor = overrides.actorId ? people.byId(overrides.actorId) : people.other(forUser.id);
	return { app, people, forUser, actor, overrides, now: new Date() };
}
