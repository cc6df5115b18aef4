import type { XApp, XUser } from '../../options';
import { hexId, snowflakeId } from '../ids';
import { extractEntities } from './entities';
import { People } from './people';
import { isoSecondsUtc, twitterDate } from './time';
import { buildRetweet, buildTweet } from './tweet';
import { activityUser, dmUser, v1User } from './users';

/**
 * Account Activity API envelopes for every event type, named after the normalised event the node
 * emits. Shapes follow X's v1.1 payloads (seed 001 and Ayrshare's copies in seed 002, in snake_case).
 */
export const AAA_EVENT_TYPES = [
	'post.created',
	'post.mention',
	'post.reply',
	'post.repost',
	'post.quote',
	'post.long',
	'post.deleted',
	'post.liked',
	'user.followed',
	'user.unfollowed',
	'user.blocked',
	'user.unblocked',
	'user.muted',
	'user.unmuted',
	'dm.received',
	'dm.sent',
	'dm.typing',
	'dm.read',
	'app.revoked',
] as const;

export type AaaEventType = (typeof AAA_EVENT_TYPES)[number];

export function isAaaEventType(value: unknown): value is AaaEventType {
	return (AAA_EVENT_TYPES as readonly unknown[]).includes(value);
}

export interface AaaOverrides {
	/** The subscriber the event is for (default: the configured subscriber). */
	forUserId?: string;
	/** The other party: author of a mention, follower, DM sender... (default: the first other user). */
	actorId?: string;
	text?: string;
	/** Id of the main object (post, like, DM, deleted post, last read DM). Shared by all events when count > 1, to test dedupe. */
	id?: string;
}

export interface AaaSources {
	app: XApp;
	users: XUser[];
	subscriberId: string;
}

export interface BuiltEnvelope {
	envelope: Record<string, unknown>;
	/** Whose subscriptions receive it (`user_event` carries no `for_user_id`, so it is kept here). */
	forUserId: string;
}

interface Scene {
	app: XApp;
	people: People;
	forUser: XUser;
	actor: XUser;
	text?: string;
	id?: string;
	now: Date;
}

interface EventSpec {
	/** The envelope key holding the event array. */
	key: string;
	build(scene: Scene): unknown;
	/** Extra top-level fields (user_has_blocked on mentions, users/apps maps on DMs). */
	extras?(scene: Scene): Record<string, unknown>;
}

const WEB_APP = { id: '3033300', name: 'Twitter Web App', url: 'https://mobile.twitter.com' };

const mentionExtras = (): Record<string, unknown> => ({ user_has_blocked: 'false' });
const usersMap = (s: Scene): Record<string, unknown> => ({ users: { [s.actor.id]: dmUser(s.actor), [s.forUser.id]: dmUser(s.forUser) } });
const ms = (s: Scene): string => String(s.now.getTime());

/** Prefixes `@name ` unless the text already mentions the user, so a custom text still makes the event it claims to be. */
function mentioning(text: string, user: XUser): string {
	return new RegExp(`@${user.username}\\b`, 'i').test(text) ? text : `@${user.username} ${text}`;
}

function longText(user: XUser): string {
	const filler =
		'Long-form thoughts on workflow automation: start with the trigger, keep every step idempotent, log what you send, ' +
		'retry what you can, alert on what you cannot, and write down why each branch exists so the next person does not have to guess. ' +
		'Small, boring, well-named steps beat clever ones every single time, especially at three in the morning.';
	// The mention sits past character 280, where only extended_tweet.entities reports it.
	return `${filler} Thanks for the inspiration @${user.username} #n8n`;
}

function relation(key: string, type: string, subscriberActs: boolean): EventSpec {
	return {
		key,
		build: (s) => {
			const [source, target] = subscriberActs ? [s.forUser, s.actor] : [s.actor, s.forUser];
			return { type, created_timestamp: ms(s), source: activityUser(source), target: activityUser(target) };
		},
	};
}

function directMessage(outgoing: boolean): EventSpec {
	const sourceApp = (s: Scene): { id: string; name: string; url: string } =>
		outgoing ? { id: s.app.appId, name: s.app.appName, url: 'https://example.com' } : WEB_APP;
	return {
		key: 'direct_message_events',
		build: (s) => {
			const [sender, recipient] = outgoing ? [s.forUser, s.actor] : [s.actor, s.forUser];
			const text = s.text ?? (outgoing ? 'Yes, shipping it tomorrow.' : 'Hi! Is the integration ready? 🙂');
			const { hashtags, symbols, user_mentions, urls } = extractEntities(text, s.people);
			return {
				type: 'message_create',
				id: s.id ?? snowflakeId(s.now.getTime()),
				created_timestamp: ms(s),
				message_create: {
					target: { recipient_id: recipient.id },
					sender_id: sender.id,
					source_app_id: sourceApp(s).id,
					message_data: { text, entities: { hashtags, symbols, user_mentions, urls } },
				},
			};
		},
		extras: (s) => ({ apps: { [sourceApp(s).id]: sourceApp(s) }, ...usersMap(s) }),
	};
}

const SPECS: Record<Exclude<AaaEventType, 'app.revoked'>, EventSpec> = {
	'post.created': {
		key: 'tweet_create_events',
		build: (s) => buildTweet({ author: s.forUser, text: s.text ?? 'Shipping a new workflow today 🚀 #n8n #automation https://n8n.io', people: s.people, id: s.id, withPhoto: true }),
	},
	'post.mention': {
		key: 'tweet_create_events',
		build: (s) => buildTweet({ author: s.actor, text: mentioning(s.text ?? 'have you seen the new release? #n8n', s.forUser), people: s.people, id: s.id }),
		extras: mentionExtras,
	},
	'post.reply': {
		key: 'tweet_create_events',
		build: (s) =>
			buildTweet({
				author: s.actor,
				text: mentioning(s.text ?? 'Great point, thanks for sharing!', s.forUser),
				people: s.people,
				id: s.id,
				inReplyTo: { statusId: snowflakeId(s.now.getTime() - 60_000), user: s.forUser },
			}),
		extras: mentionExtras,
	},
	'post.repost': {
		key: 'tweet_create_events',
		build: (s) => {
			const original = buildTweet({ author: s.forUser, text: s.text ?? 'Our latest automation tips thread 🧵 #n8n', people: s.people, now: new Date(s.now.getTime() - 3_600_000) });
			return buildRetweet(original, s.actor, s.people, s.id);
		},
	},
	'post.quote': {
		key: 'tweet_create_events',
		build: (s) => {
			const quoted = buildTweet({ author: s.forUser, text: 'Automation is a superpower.', people: s.people, now: new Date(s.now.getTime() - 3_600_000) });
			return buildTweet({ author: s.actor, text: s.text ?? 'This! 👇 So true.', people: s.people, id: s.id, quoted });
		},
	},
	'post.long': {
		key: 'tweet_create_events',
		build: (s) => buildTweet({ author: s.actor, text: s.text ?? longText(s.forUser), people: s.people, id: s.id }),
		extras: mentionExtras,
	},
	'post.deleted': {
		key: 'tweet_delete_events',
		build: (s) => ({ status: { id: s.id ?? snowflakeId(s.now.getTime() - 600_000), user_id: s.forUser.id }, timestamp_ms: ms(s) }),
	},
	'post.liked': {
		key: 'favorite_events',
		build: (s) => ({
			id: s.id ?? hexId(),
			created_at: twitterDate(s.now),
			timestamp_ms: s.now.getTime(),
			favorited_status: buildTweet({ author: s.forUser, text: s.text ?? 'A post worth liking #n8n', people: s.people, withPhoto: true, now: new Date(s.now.getTime() - 3_600_000) }),
			user: v1User(s.actor),
		}),
	},
	// Follows arrive from others; unfollows, blocks and mutes are only ever reported for the subscriber's own actions
	// (seed 002's unfollow example has the linked account as source).
	'user.followed': relation('follow_events', 'follow', false),
	'user.unfollowed': relation('follow_events', 'unfollow', true),
	'user.blocked': relation('block_events', 'block', true),
	'user.unblocked': relation('block_events', 'unblock', true),
	'user.muted': relation('mute_events', 'mute', true),
	'user.unmuted': relation('mute_events', 'unmute', true),
	'dm.received': directMessage(false),
	'dm.sent': directMessage(true),
	'dm.typing': {
		key: 'direct_message_indicate_typing_events',
		build: (s) => ({ created_timestamp: ms(s), sender_id: s.actor.id, target: { recipient_id: s.forUser.id } }),
		extras: usersMap,
	},
	'dm.read': {
		key: 'direct_message_mark_read_events',
		build: (s) => ({
			created_timestamp: ms(s),
			sender_id: s.actor.id,
			target: { recipient_id: s.forUser.id },
			last_read_event_id: s.id ?? snowflakeId(s.now.getTime() - 30_000),
		}),
		extras: usersMap,
	},
};

/** Builds the envelope X would POST for `count` events of `type` (several events share one array, as X batches them). */
export function buildAaaEnvelope(type: AaaEventType, sources: AaaSources, overrides: AaaOverrides = {}, count = 1): BuiltEnvelope {
	const people = new People(sources.users);
	const forUser = people.byId(overrides.forUserId ?? sources.subscriberId);
	const actor = overrides.actorId ? people.byId(overrides.actorId) : people.other(forUser.id);
	const scene: Scene = { app: sources.app, people, forUser, actor, text: overrides.text, id: overrides.id, now: new Date() };

	if (type === 'app.revoked') {
		// A revoke is a single fact about the user: no array, no for_user_id.
		const revoke = { date_time: isoSecondsUtc(scene.now), target: { app_id: sources.app.appId }, source: { user_id: forUser.id } };
		return { envelope: { user_event: { revoke } }, forUserId: forUser.id };
	}
	const spec = SPECS[type];
	const items = Array.from({ length: Math.max(1, count) }, () => spec.build(scene));
	return { envelope: { for_user_id: forUser.id, ...spec.extras?.(scene), [spec.key]: items }, forUserId: forUser.id };
}
