import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { AAA_EVENT_TYPES, type AaaEventType } from '../../../emulator/x/events/accountActivityEvents';
import { ALICE, apiClient, registerAndSubscribe, SUBSCRIBER, type ApiClient } from './helpers/api';
import { signatureValid, startReceiver, type Receiver } from './helpers/receiver';

type Json = Record<string, any>;

/** What each injected type must look like once parsed, from the subscriber's point of view. */
const EXPECTATIONS: Record<AaaEventType, (env: Json) => void> = {
	'post.created': (env) => {
		const t = env.tweet_create_events[0];
		expect(t.user.id_str).toBe(SUBSCRIBER.id);
		expect(t.entities.hashtags.map((h: Json) => h.text)).toEqual(['n8n', 'automation']);
		expect(t.entities.urls[0].expanded_url).toBe('https://n8n.io');
		expect(t.entities.media[0].type).toBe('photo');
		expect(t.created_at).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$/);
	},
	'post.mention': (env) => {
		const t = env.tweet_create_events[0];
		expect(env.user_has_blocked).toBe('false');
		expect(t.user.id_str).toBe(ALICE.id);
		expect(t.entities.user_mentions.map((m: Json) => m.id_str)).toContain(SUBSCRIBER.id);
	},
	'post.reply': (env) => {
		const t = env.tweet_create_events[0];
		expect(t.in_reply_to_user_id_str).toBe(SUBSCRIBER.id);
		expect(t.in_reply_to_status_id_str).toMatch(/^\d{19}$/);
		expect(t.in_reply_to_screen_name).toBe('n8n_user');
		expect(t.display_text_range[0]).toBe('@n8n_user '.length);
	},
	'post.repost': (env) => {
		const t = env.tweet_create_events[0];
		expect(t.text).toMatch(/^RT @n8n_user: /);
		expect(t.retweeted_status.user.id_str).toBe(SUBSCRIBER.id);
		expect(t.user.id_str).toBe(ALICE.id);
	},
	'post.quote': (env) => {
		const t = env.tweet_create_events[0];
		expect(t.is_quote_status).toBe(true);
		expect(t.quoted_status.user.id_str).toBe(SUBSCRIBER.id);
		expect(t.quoted_status_id_str).toBe(t.quoted_status.id_str);
		expect(t.entities.urls[0].expanded_url).toContain(`/status/${t.quoted_status.id_str}`);
	},
	'post.long': (env) => {
		const t = env.tweet_create_events[0];
		expect(t.truncated).toBe(true);
		expect(Array.from(t.extended_tweet.full_text as string).length).toBeGreaterThan(280);
		const mention = t.extended_tweet.entities.user_mentions.find((m: Json) => m.id_str === SUBSCRIBER.id);
		expect(mention.indices[0]).toBeGreaterThan(280);
		expect(t.entities.user_mentions).toHaveLength(0);
		expect(Array.from(t.text as string).length).toBeLessThanOrEqual(140);
	},
	'post.deleted': (env) => {
		expect(env.tweet_delete_events[0].status.user_id).toBe(SUBSCRIBER.id);
		expect(env.tweet_delete_events[0].timestamp_ms).toMatch(/^\d{13}$/);
	},
	'post.liked': (env) => {
		const like = env.favorite_events[0];
		expect(like.id).toMatch(/^[0-9a-f]{32}$/);
		expect(typeof like.timestamp_ms).toBe('number');
		expect(like.favorited_status.user.id_str).toBe(SUBSCRIBER.id);
		expect(like.user.id_str).toBe(ALICE.id);
	},
	'user.followed': (env) => expectRelation(env.follow_events[0], 'follow', ALICE.id, SUBSCRIBER.id),
	'user.unfollowed': (env) => expectRelation(env.follow_events[0], 'unfollow', SUBSCRIBER.id, ALICE.id),
	'user.blocked': (env) => expectRelation(env.block_events[0], 'block', SUBSCRIBER.id, ALICE.id),
	'user.unblocked': (env) => expectRelation(env.block_events[0], 'unblock', SUBSCRIBER.id, ALICE.id),
	'user.muted': (env) => expectRelation(env.mute_events[0], 'mute', SUBSCRIBER.id, ALICE.id),
	'user.unmuted': (env) => expectRelation(env.mute_events[0], 'unmute', SUBSCRIBER.id, ALICE.id),
	'dm.received': (env) => {
		const dm = env.direct_message_events[0];
		expect(dm.type).toBe('message_create');
		expect(dm.message_create.sender_id).toBe(ALICE.id);
		expect(dm.message_create.target.recipient_id).toBe(SUBSCRIBER.id);
		expect(env.users[ALICE.id].screen_name).toBe('alice');
		expect(env.apps[dm.message_create.source_app_id]).toBeDefined();
	},
	'dm.sent': (env) => {
		const dm = env.direct_message_events[0];
		expect(dm.message_create.sender_id).toBe(SUBSCRIBER.id);
		expect(dm.message_create.source_app_id).toBe(DEFAULT_APP.appId);
		expect(env.users[SUBSCRIBER.id].id).toBe(SUBSCRIBER.id);
	},
	'dm.typing': (env) => {
		expect(env.direct_message_indicate_typing_events[0]).toEqual({ created_timestamp: expect.stringMatching(/^\d{13}$/), sender_id: ALICE.id, target: { recipient_id: SUBSCRIBER.id } });
	},
	'dm.read': (env) => {
		const read = env.direct_message_mark_read_events[0];
		expect(read.sender_id).toBe(ALICE.id);
		expect(read.last_read_event_id).toMatch(/^\d{19}$/);
	},
	'app.revoked': (env) => {
		expect(env.for_user_id).toBeUndefined();
		expect(env.user_event.revoke).toEqual({ date_time: expect.stringMatching(/\+00:00$/), target: { app_id: DEFAULT_APP.appId }, source: { user_id: SUBSCRIBER.id } });
	},
};

function expectRelation(event: Json, type: string, sourceId: string, targetId: string): void {
	expect(event.type).toBe(type);
	expect(event.source.id).toBe(sourceId);
	expect(event.target.id).toBe(targetId);
	expect(event.source.id_str).toBeUndefined();
	expect(event.created_timestamp).toMatch(/^\d{13}$/);
}

describe('emulator: injected AAA events', () => {
	let emu: Emulator;
	let api: ApiClient;
	let receiver: Receiver;
	let webhookId: string;

	beforeEach(async () => {
		emu = await startEmulator();
		api = apiClient(emu);
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = await registerAndSubscribe(api, receiver.url);
	});
	afterEach(async () => {
		await emu.close();
		await receiver.close();
	});

	it.each(AAA_EVENT_TYPES.map((t) => [t]))('delivers %s signed, in X shape', async (type) => {
		const res = await api.control('POST', '/_emulator/x/events', { type });
		expect(res.status).toBe(200);
		expect(res.json.deliveries).toEqual([expect.objectContaining({ webhookId, status: 200, kind: 'event' })]);

		const [post] = receiver.posts();
		expect(post.headers['content-type']).toBe('application/json');
		expect(signatureValid(DEFAULT_APP.consumerSecret, post.body, post.headers['x-twitter-webhooks-signature'])).toBe(true);
		expect(post.body).not.toMatch(/[^\x00-\x7f]/);
		expect(post.body).not.toMatch(/[^\\]\//);
		const envelope = JSON.parse(post.body);
		if (type !== 'app.revoked') expect(envelope.for_user_id).toBe(SUBSCRIBER.id);
		EXPECTATIONS[type](envelope);
	});

	it('sends numeric ids with all 19 digits, which JavaScript parsing rounds', async () => {
		await api.control('POST', '/_emulator/x/events', { type: 'post.mention' });
		const body = receiver.posts()[0].body;
		const tweet = JSON.parse(body).tweet_create_events[0];
		expect(body).toContain(`"id":${tweet.id_str},`);
		expect(String(tweet.id)).not.toBe(tweet.id_str);
	});

	it('batches count events in one POST and applies overrides', async () => {
		const res = await api.control('POST', '/_emulator/x/events', {
			type: 'dm.received',
			count: 3,
			overrides: { actorId: '783214', text: 'Grüße aus Zürich https://example.com/x', id: '1799999999999999999' },
		});
		expect(res.json.deliveries).toHaveLength(1);
		const envelope = JSON.parse(receiver.posts()[0].body);
		expect(envelope.direct_message_events).toHaveLength(3);
		const dm = envelope.direct_message_events[0];
		expect(dm.id).toBe('1799999999999999999');
		expect(dm.message_create.sender_id).toBe('783214');
		expect(dm.message_create.message_data.text).toBe('Grüße aus Zürich https://example.com/x');
		expect(dm.message_create.message_data.entities.urls[0].indices).toEqual([17, 38]);
		expect(receiver.posts()[0].body).toContain('Gr\\u00fc\\u00dfe');
	});

	it('delivers only to valid webhooks the user is subscribed to', async () => {
		const other = await api.control('POST', '/_emulator/x/events', { type: 'post.mention', forUserId: ALICE.id });
		expect(other.json.deliveries).toHaveLength(0);
		expect(other.json.note).toContain(ALICE.id);

		await api.control('POST', `/_emulator/x/webhooks/${webhookId}/invalidate`);
		const invalid = await api.control('POST', '/_emulator/x/events', { type: 'post.mention' });
		expect(invalid.json.deliveries).toHaveLength(0);
		expect(receiver.posts()).toHaveLength(0);
	});

	it('removes the subscription when the app is revoked', async () => {
		await api.control('POST', '/_emulator/x/events', { type: 'app.revoked' });
		expect(emu.state.x.subscriptions).toHaveLength(0);
		const next = await api.control('POST', '/_emulator/x/events', { type: 'dm.received' });
		expect(next.json.deliveries).toHaveLength(0);
	});

	it('retries failed deliveries when asked to', async () => {
		await emu.close();
		emu = await startEmulator({ retries: 3, retryDelayMs: 10 });
		api = apiClient(emu);
		await registerAndSubscribe(api, receiver.url);
		receiver.eventStatus = 503;
		const res = await api.control('POST', '/_emulator/x/events', { type: 'post.liked' });
		expect(res.json.deliveries.map((d: Json) => [d.attempt, d.status])).toEqual([
			[1, 503],
			[2, 503],
			[3, 503],
			[4, 503],
		]);
		expect(new Set(receiver.posts().map((p) => p.body)).size).toBe(1);
	});

	it('rejects unknown event types with the list of known ones', async () => {
		const res = await api.control('POST', '/_emulator/x/events', { type: 'post.nope' });
		expect(res.status).toBe(400);
		expect(res.json.types).toContain('dm.read');
	});
});
