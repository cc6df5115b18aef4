import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { normalizeXaa } from '../../nodes/XAccountActivityTrigger/normalize/activityApi';
import { itemSchema } from '../../nodes/XAccountActivityTrigger/schemas/item';
import { CONSTRUCTED, ME, OTHER, entry } from '../fixtures/xaaConstructed';

/**
 * Every published X Activity API sample (docs/xaa-payloads, copied into test/fixtures so the repo
 * stands alone) and every constructed one is a case with its expected item.
 */

const SHARED_DIR = '/work/shared/docs/xaa-payloads';
const FIXTURE_DIR = resolve(__dirname, '../fixtures/xaa-payloads');
const U1 = '1111111111111111111';
const U2 = '2222222222222222222';

const user = (id: string, username: string | null = null) => expect.objectContaining({ id, username });

/** File → what its item must say. `null`: the file is no event (the envelope template). */
const EXPECTED: Record<string, Record<string, unknown> | null> = {
	'xaa-Event_envelope.json': null,
	'xaa-post.create.json': {
		event: 'post.created',
		kinds: ['post.created'],
		forUserId: U1,
		// A post's id is the post's, as on the Account Activity route: one post is one item, whichever subscription delivered it.
		eventId: 'post:2080761390344937796',
		actor: user(U1, 'ExampleUser'),
		target: null,
		post: expect.objectContaining({ id: '2080761390344937796', text: 'Hello from the Activity API', authorId: U1, url: 'https://x.com/ExampleUser/status/2080761390344937796' }),
	},
	'xaa-post.mention.create.json': {
		event: 'post.mention',
		kinds: ['post.mention'],
		actor: user(U2, 'OtherUser'),
		target: user(U1, 'ExampleUser'),
		post: expect.objectContaining({ id: '2080765813578191303', text: 'hey @ExampleUser', mentions: [{ id: U1, username: 'ExampleUser' }] }),
	},
	'xaa-post.reply.create.json': {
		event: 'post.reply',
		kinds: ['post.reply', 'post.mention'],
		actor: user(U2),
		target: user(U1, 'ExampleUser'),
		post: expect.objectContaining({ id: '2090000000000000001', inReplyToPostId: '2080761390344937796', inReplyToUserId: U1 }),
	},
	'xaa-post.quote.create.json': {
		event: 'post.quote',
		kinds: ['post.quote'],
		actor: user(U2),
		target: user(U1),
		post: expect.objectContaining({ quotedPostId: '2080761390344937796', urls: ['https://twitter.com/ExampleUser/status/2080761390344937796'] }),
	},
	'xaa-post.repost.create.json': {
		event: 'post.repost',
		// "RT @ExampleUser" is not a mention (SPEC).
		kinds: ['post.repost'],
		actor: user(U2),
		target: user(U1, 'ExampleUser'),
		post: expect.objectContaining({ repostedPostId: '2080761390344937796' }),
	},
	'xaa-post.delete.json': {
		event: 'post.deleted',
		eventId: '-2781149976877970683:post.delete',
		actor: user(U1, 'ExampleUser'),
		post: expect.objectContaining({ id: '2080761269309813134', authorId: U1, text: null }),
	},
	'xaa-like.create.json': {
		event: 'post.liked',
		createdAt: '2026-07-24T21:12:45.236Z',
		// direction outbound: the account liked PublicUser's post.
		actor: user(U1),
		target: user('3333333333333333333', 'PublicUser'),
		post: expect.objectContaining({ id: '2079814480427442556', authorId: '3333333333333333333', quotedPostId: '2079756440722665849' }),
	},
	'xaa-follow.follow.json': { event: 'user.followed', actor: user(U1, 'ExampleUser'), target: user('4444444444444444444', 'AnotherUser') },
	'xaa-follow.unfollow.json': { event: 'user.unfollowed', actor: user(U1, 'ExampleUser'), target: user('4444444444444444444', 'AnotherUser') },
	'xaa-dm.received.json': {
		event: 'dm.received',
		eventId: '-6850472171600526495:dm.received:2080765901528535096',
		actor: user(U2, 'OtherUser'),
		target: user(U1, 'ExampleUser'),
		message: { id: '2080765901528535096', text: 'hello!', senderId: U2, recipientId: U1, direction: 'received', urls: [], media: [] },
	},
	'xaa-dm.sent.json': {
		event: 'dm.sent',
		actor: user(U1, 'ExampleUser'),
		target: user('2244994945', 'XDevelopers'),
		message: expect.objectContaining({ text: 'Thanks for the update!', direction: 'sent', senderId: U1, recipientId: '2244994945' }),
	},
	'xaa-oauth.revoke.json': { event: 'app.revoked', forUserId: U1, actor: user(U1), createdAt: '2026-07-23T21:44:05.000Z' },
	'xaa-profile.update.bio.json': {
		event: 'profile.updated',
		eventId: '-8917909039855612786:profile.update.bio',
		profile: { field: 'bio', before: 'Building with the X API', after: 'Building with the X API @XDevelopers' },
	},
	'xaa-profile.update.banner_picture.json': { event: 'profile.updated', profile: expect.objectContaining({ field: 'banner_picture' }) },
	'xaa-profile.update.geo.json': { event: 'profile.updated', profile: { field: 'geo', before: 'New York, NY', after: 'San Francisco, CA' } },
	'xaa-profile.update.profile_picture.json': { event: 'profile.updated', profile: expect.objectContaining({ field: 'profile_picture' }) },
	'xaa-profile.update.screenname.json': { event: 'profile.updated', profile: { field: 'screenname', before: 'Example User', after: 'Example' } },
	'xaa-profile.update.url.json': { event: 'profile.updated', profile: expect.objectContaining({ field: 'url', after: 'https://t.co/xxxxxxxx' }) },
	'xaa-chat.received.json': { event: 'xaa.other', actor: user(U2), createdAt: '2026-07-23T21:13:03.370Z' },
	'xaa-chat.sent.json': { event: 'xaa.other', actor: user(U1) },
	'xaa-spaces.start.json': { event: 'xaa.other', actor: user(U1, 'ExampleUser') },
	'xaa-spaces.end.json': { event: 'xaa.other', actor: user(U1, 'ExampleUser') },
	'xaa-broadcast.start.json': { event: 'xaa.other', forUserId: '1234567890123456789', actor: user('1234567890123456789', 'example_broadcaster') },
	'xaa-broadcast.end.json': { event: 'xaa.other', createdAt: '2024-07-03T09:46:47.400Z' },
	'xaa-broadcast.chat.json': { event: 'xaa.other', actor: user(U1, 'ExampleUser') },
	// A keyword subscription: about no account.
	'xaa-news.new.json': { event: 'xaa.other', forUserId: null, actor: null, createdAt: '2026-07-24T20:53:37.000Z' },
};

const load = (dir: string, file: string) => JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Record<string, unknown>;
const fixtureFiles = readdirSync(FIXTURE_DIR).filter((file) => file.endsWith('.json'));

test('every published sample has a case, and the repository copy matches the shared docs', () => {
	expect(fixtureFiles.sort()).toEqual(Object.keys(EXPECTED).sort());
	if (!existsSync(SHARED_DIR)) return;
	const shared = readdirSync(SHARED_DIR).filter((file) => file.endsWith('.json'));
	expect(shared.sort()).toEqual(fixtureFiles);
	for (const file of shared) expect(load(FIXTURE_DIR, file)).toEqual(load(SHARED_DIR, file));
});

describe.each([
	['test/fixtures', FIXTURE_DIR],
	...(existsSync(SHARED_DIR) ? [['docs', SHARED_DIR]] : []),
])('published samples (%s)', (_label, dir) => {
	test.each(fixtureFiles)('%s', (file) => {
		const body = load(dir, file);
		const { items, ignored } = normalizeXaa(body);
		const expected = EXPECTED[file];
		if (expected === null) {
			expect(items).toEqual([]);
			expect(ignored).toHaveLength(1);
			return;
		}
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(itemSchema.parse(item)).toBeTruthy();
		const data = body.data as { event_uuid: string; event_type: string; filter: { user_id?: string }; payload: { id?: string } };
		const id = data.event_type.startsWith('post.') && data.event_type !== 'post.delete' ? `post:${data.payload.id}` : `${data.event_uuid}:${data.event_type}`;
		expect(item).toMatchObject({ source: 'xaa', eventId: expect.stringMatching(new RegExp(`^${id.replace(/\./g, '\\.')}`)), ...expected });
		if (expected.forUserId === undefined && data.filter.user_id) expect(item.forUserId).toBe(data.filter.user_id);
		expect(item.kinds[0]).toBe(item.event);
		expect(item.raw).toEqual(body.data);
	});
});

describe('constructed from the documented shapes (no published sample)', () => {
	const me = user(ME.id, ME.username);
	const other = user(OTHER.id, OTHER.username);
	const CASES: Record<keyof typeof CONSTRUCTED, Record<string, unknown>> = {
		'block.block': { event: 'user.blocked', actor: me, target: other },
		'block.unblock': { event: 'user.unblocked', actor: me, target: other },
		'mute.mute': { event: 'user.muted', actor: me, target: other },
		'mute.unmute': { event: 'user.unmuted', actor: me, target: other },
		'dm.indicate_typing': { event: 'dm.typing', actor: other, target: me, message: null, createdAt: '2026-07-24T21:23:44.372Z' },
		'dm.read': { event: 'dm.read', actor: other, target: me, message: expect.objectContaining({ id: '2080765901528535096' }) },
		'profile.update.handle': { event: 'profile.updated', profile: { field: 'handle', before: 'ExampleUserOld', after: 'ExampleUser' } },
		'profile.update.verified_badge': { event: 'profile.updated', profile: { field: 'verified_badge', before: false, after: true } },
		'profile.update.affiliate_badge': { event: 'profile.updated', profile: expect.objectContaining({ field: 'affiliate_badge', before: null }) },
		'chat.conversation.join': { event: 'xaa.other', actor: user(OTHER.id) },
		'chat.conversation.member_added': { event: 'xaa.other', actor: user(OTHER.id), createdAt: '2026-07-23T21:13:03.370Z' },
		'chat.conversation.member_removed': { event: 'xaa.other', actor: user(OTHER.id) },
		'chat.conversation.admin_added': { event: 'xaa.other', actor: user(OTHER.id) },
		'chat.conversation.admin_removed': { event: 'xaa.other', actor: user(OTHER.id) },
		'chat.update.group_name': { event: 'xaa.other', actor: user(OTHER.id) },
		'chat.update.restrictions': { event: 'xaa.other', actor: user(OTHER.id) },
	};
	test.each(Object.keys(CASES) as Array<keyof typeof CASES>)('%s (constructed)', (type) => {
		const { items } = normalizeXaa(CONSTRUCTED[type]);
		expect(items).toHaveLength(1);
		expect(itemSchema.parse(items[0])).toBeTruthy();
		expect(items[0]).toMatchObject({ source: 'xaa', forUserId: ME.id, eventId: `-1000000000000000001:${type}`, ...CASES[type] });
	});
});

describe('envelope quirks', () => {
	const dm = (id: string, text: string) => ({
		type: 'message_create',
		id,
		created_timestamp: '1784928224372',
		message_create: { target: { recipient_id: ME.id }, sender_id: OTHER.id, message_data: { text } },
	});

	test('a DM payload with several messages becomes several items, each with its own id', () => {
		const { items } = normalizeXaa(entry('dm.received', { direct_message_events: [dm('1', 'one'), dm('2', 'two')] }));
		expect(items.map((i) => [i.event, i.message?.text, i.eventId])).toEqual([
			['dm.received', 'one', '-1000000000000000001:dm.received:1'],
			['dm.received', 'two', '-1000000000000000001:dm.received:2'],
		]);
	});

	test('`data` as an array becomes one item per entry', () => {
		const first = entry('follow.follow', { source: { data: OTHER }, target: { data: ME } }).data;
		const second = { ...entry('profile.update.geo', { before: 'a', after: 'b' }).data, event_uuid: '7' };
		const { items } = normalizeXaa({ data: [first, second] });
		expect(items.map((i) => i.event)).toEqual(['user.followed', 'profile.updated']);
	});

	test('legacy PascalCase event names are mapped: the XDK enum’s names explicitly, others by their letters', () => {
		const profile = { before: 'a', after: 'b' };
		const names: Array<[legacy: string, payload: unknown, event: string, field?: string]> = [
			// XDK enum (Schemas.ActivitySubscriptionCreateRequest) and the 2025-10-18 changelog: not the dotted names without dots.
			['ProfileBioUpdate', profile, 'profile.updated', 'bio'],
			['ProfilePictureUpdate', profile, 'profile.updated', 'profile_picture'],
			['ProfileBannerPictureUpdate', profile, 'profile.updated', 'banner_picture'],
			['ProfileBannerUpdate', profile, 'profile.updated', 'banner_picture'],
			['ProfileScreennameUpdate', profile, 'profile.updated', 'screenname'],
			['ProfileGeoUpdate', profile, 'profile.updated', 'geo'],
			['ProfileUrlUpdate', profile, 'profile.updated', 'url'],
			['ProfileVerifiedBadgeUpdate', profile, 'profile.updated', 'verified_badge'],
			['FollowFollow', { source: { data: OTHER }, target: { data: ME } }, 'user.followed'],
			['FollowUnfollow', { source: { data: ME }, target: { data: OTHER } }, 'user.unfollowed'],
			['PostMentionCreate', { id: '9', text: '@ExampleUser hi', author_id: OTHER.id, entities: { mentions: [{ id: ME.id, username: ME.username }] } }, 'post.mention'],
			['DmIndicateTyping', { sender_id: OTHER.id, target: { recipient_id: ME.id }, created_timestamp: '1' }, 'dm.typing'],
		];
		for (const [legacy, payload, event, field] of names) {
			const { items } = normalizeXaa(entry(legacy, payload));
			expect([legacy, items.map((i) => i.event)]).toEqual([legacy, [event]]);
			if (field) expect(items[0].profile?.field).toBe(field);
		}
	});

	test('chat.conversation_join, the deprecated alias, is chat.conversation.join', () => {
		const { items } = normalizeXaa(entry('chat.conversation_join', CONSTRUCTED['chat.conversation.join'].data.payload));
		expect(items.map((i) => [i.event, i.eventId, i.actor?.id])).toEqual([['xaa.other', '-1000000000000000001:chat.conversation.join', OTHER.id]]);
	});

	test('an event without event_uuid (as the stream may send) still gets a stable id', () => {
		const { event_uuid: _uuid, ...withoutUuid } = entry('follow.follow', { source: { data: OTHER }, target: { data: ME } }).data;
		const first = normalizeXaa({ data: withoutUuid }).items;
		const again = normalizeXaa({ data: { ...withoutUuid } }).items;
		expect(first.map((i) => i.event)).toEqual(['user.followed']);
		expect(first[0].eventId).toMatch(/^sha256-[0-9a-f]{32}:follow\.follow$/);
		expect(again[0].eventId).toBe(first[0].eventId);
		const post = normalizeXaa({ data: { filter: { user_id: ME.id }, event_type: 'post.mention.create', payload: { id: '77', text: '@ExampleUser hi', author_id: OTHER.id, entities: { mentions: [{ id: ME.id }] } } } });
		expect(post.items.map((i) => i.eventId)).toEqual(['post:77']);
	});

	test('event_uuid stays an exact string, even beyond 2^53 or negative', () => {
		const { items } = normalizeXaa({ data: { ...entry('profile.update.bio', { before: 'a', after: 'b' }).data, event_uuid: '-9223372036854775807' } });
		expect(items[0].eventId).toBe('-9223372036854775807:profile.update.bio');
	});

	test('an unknown event type passes through as xaa.other; a malformed one is reported, not thrown', () => {
		expect(normalizeXaa(entry('lists.member.add', { list_id: '1' })).items.map((i) => i.event)).toEqual(['xaa.other']);
		const bad = normalizeXaa(entry('follow.follow', { source: 'nobody' }));
		expect(bad.items).toEqual([]);
		expect(bad.ignored).toEqual([{ key: 'follow.follow', reason: expect.stringMatching(/malformed/) }]);
		expect(normalizeXaa({ data: 'x' }).ignored).toHaveLength(1);
	});

	test('users wrapped as {data: User} in includes are unwrapped', () => {
		const { items } = normalizeXaa(
			entry('post.delete', { id: '5', author_id: ME.id }, { includes: { users: [{ data: { id: ME.id, username: ME.username, name: ME.name } }] } }),
		);
		expect(items[0].actor).toMatchObject({ id: ME.id, username: ME.username, name: ME.name });
	});
});
