/**
 * Acceptance (2): every webhook payload example of seed 002 (test/fixtures/ayrshare-seed/) and
 * the item it must become. The profile's linked X account is `example_business`, as the
 * examples imply (author of the post, recipient of the DMs, target of the follow).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { normalizeAyrshare } from '../../nodes/XAccountActivityTrigger/normalize/ayrshareWebhook';
import { postStub } from '../../nodes/XAccountActivityTrigger/normalize/itemParts';
import {
	type Item,
	type UserRef,
	itemSchema,
} from '../../nodes/XAccountActivityTrigger/schemas/item';

const DIR = join(__dirname, '../fixtures/ayrshare-seed');
const LINKED = '9876543210987654472';
const REF = 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0';

const fixture = (name: string) =>
	JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
const itemsOf = (name: string, linkedXUserId: string | null = LINKED) =>
	normalizeAyrshare(fixture(name), { linkedXUserId }).items;

/** `abcd1234.png` → `…/abcd1234_normal.png`, as X names avatars. */
const avatar = (file: string) =>
	`https://pbs.twimg.com/profile_images/${file.replace(/\.(\w+)$/, '_normal.$1')}`;
const user = (
	id: string,
	username: string,
	name: string,
	image: string,
	followersCount: number,
	verified: boolean,
): UserRef => ({
	id,
	username,
	name,
	profileImageUrl: avatar(image),
	followersCount,
	verified,
});
const BUSINESS = user(
	LINKED,
	'example_business',
	'Example Business',
	'1234567890123456789/abcd1234.png',
	27,
	false,
);
const SPORTS = user(
	'8888999900001111222',
	'ExampleSports',
	'Example Sports',
	'3333444455556666777/SampleImg.jpg',
	484802,
	true,
);
const SAMPLE = user(
	'5555666677778888520',
	'sample_user_123',
	'sample_user',
	'5555666677778888999/xyz789ab.jpg',
	2,
	false,
);
const COMPANY = user(
	'1111222233334444555',
	'ExampleCompany',
	'EXAMPLE COMPANY',
	'2222333344445555666/example123.jpg',
	1179,
	false,
);
const TECH = user(
	'7777888899990001234',
	'TechEnthusiast123',
	'Tech Enthusiast',
	'7777888899990001234/ExampleImg.jpg',
	12737,
	true,
);
const stub = (id: string): UserRef => ({
	id,
	username: null,
	name: null,
	profileImageUrl: null,
	followersCount: null,
	verified: null,
});

const NO_PARTS = {
	actor: null,
	target: null,
	post: null,
	message: null,
	replay: null,
	profile: null,
};
const activity = (hookId: string | null) => ({
	action: 'accountActivity',
	refId: hookId ? REF : null,
	hookId,
	title: hookId ? 'X Account Activity' : null,
});
const x = (
	event: string,
	eventId: string,
	createdAt: string,
	hookId: string | null,
	parts: Partial<Item>,
): Omit<Item, 'raw'> => ({
	event,
	kinds: [event],
	eventId,
	source: 'ayrshare',
	forUserId: LINKED,
	createdAt,
	...NO_PARTS,
	...parts,
	ayrshare: activity(hookId),
});
/** The non-null fields are stated per case; the all-null rest is the normalizer's own post stub. */
const post = (
	id: string,
	authorId: string,
	username: string | null,
	extra: Partial<NonNullable<Item['post']>> = {},
): Item['post'] => ({
	...postStub(id, authorId),
	url: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`,
	...extra,
});
const ayrshareItem = (
	event: string,
	eventId: string,
	createdAt: string,
	ayrshare: NonNullable<Item['ayrshare']>,
): Omit<Item, 'raw'> => ({
	event,
	kinds: [event],
	eventId,
	source: 'ayrshare',
	forUserId: null,
	createdAt,
	...NO_PARTS,
	ayrshare,
});
const messageFields = {
	id: null,
	message: null,
	mediaUrls: null,
	senderDetails: null,
	recipientDetails: null,
	readerDetails: null,
	read: null,
	reaction: null,
};

const EXPECTED: Record<string, Array<Omit<Item, 'raw'>>> = {
	'account-activity-tweet-create': [
		x(
			'post.created',
			'post:1234567890123456708',
			'2025-07-01T11:01:41.000Z',
			'ABC123XYZ456DEF789GH',
			{
				actor: BUSINESS,
				post: post('1234567890123456708', LINKED, 'example_business', {
					text: 'Hello from the up side!',
					lang: 'en',
				}),
			},
		),
	],
	// The documentation's `{ ... }` placeholder: an empty post object is no post.
	'account-activity-tweet-create-mention-placeholder': [],
	'account-activity-tweet-delete': [
		x(
			'post.deleted',
			'delete:1234567890123456306',
			'2025-07-01T11:02:03.354Z',
			'KLM789NOP012QRS345TU',
			{
				actor: stub(LINKED),
				post: post('1234567890123456306', LINKED, null),
			},
		),
	],
	'account-activity-favorite': [
		x(
			'post.liked',
			'like:ac33e9047a2488959d88dbdc524068d6',
			'2025-07-01T10:44:57.000Z',
			'GHI789JKL012MNO345PQ',
			{
				actor: SAMPLE,
				target: { ...BUSINESS, followersCount: 26 },
				post: post('1111222233334444555', LINKED, 'example_business', {
					text: '#67370 A truly rich man is one whose children run into his arms when his hands are empty. - Unknown https://t.co/ABC123XYZ456',
					lang: 'en',
					media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/ExampleMedia123.jpg' }],
				}),
			},
		),
	],
	'account-activity-follow': [
		x(
			'user.followed',
			`user.followed:${SAMPLE.id}:${LINKED}:1751367294510`,
			'2025-07-01T10:54:54.510Z',
			'JKL012MNO345PQR678ST',
			{ actor: SAMPLE, target: BUSINESS },
		),
	],
	'account-activity-unfollow': [
		x(
			'user.unfollowed',
			`user.unfollowed:${LINKED}:${TECH.id}:1751370045695`,
			'2025-07-01T11:40:45.695Z',
			'MNO345PQR678STU901VW',
			{
				actor: { ...BUSINESS, followersCount: 26 },
				target: TECH,
			},
		),
	],
	'account-activity-block': [
		x(
			'user.blocked',
			`user.blocked:${LINKED}:${SPORTS.id}:1751367871866`,
			'2025-07-01T11:04:31.866Z',
			'PQR678STU901VWX234YZ',
			{ actor: BUSINESS, target: SPORTS },
		),
	],
	'account-activity-unblock': [
		x(
			'user.unblocked',
			`user.unblocked:${LINKED}:${SPORTS.id}:1751367871866`,
			'2025-07-01T11:04:31.866Z',
			'STU901VWX234YZA567BC',
			{ actor: BUSINESS, target: SPORTS },
		),
	],
	'account-activity-mute': [
		x(
			'user.muted',
			`user.muted:${LINKED}:${SPORTS.id}:1751367745099`,
			'2025-07-01T11:02:25.099Z',
			'VWX234YZA567BCD890EF',
			{ actor: BUSINESS, target: SPORTS },
		),
	],
	// Seed quirk: the unmute example is under `muteEvents`; its `type` says unmute.
	'account-activity-unmute': [
		x(
			'user.unmuted',
			`user.unmuted:${LINKED}:${SPORTS.id}:1751367757604`,
			'2025-07-01T11:02:37.604Z',
			'YZA567BCD890EFG123HI',
			{ actor: BUSINESS, target: SPORTS },
		),
	],
	// The revoke example has no envelope beyond `action`; forUserId is the revoking user (SPEC).
	'account-activity-user-event-revoke': [
		{
			...x(
				'app.revoked',
				'revoke:9999888877776666:2025-06-21T10:34:15Z',
				'2025-06-21T10:34:15.000Z',
				null,
				{ actor: stub('9999888877776666') },
			),
			forUserId: '9999888877776666',
		},
	],
	'account-activity-direct-message': [
		x('dm.received', 'dm:1234567890123456832', '2025-07-01T11:06:21.247Z', 'BCD890EFG123HIJ456KL', {
			actor: COMPANY,
			target: BUSINESS,
			message: {
				id: '1234567890123456832',
				text: 'Yes',
				senderId: COMPANY.id,
				recipientId: LINKED,
				direction: 'received',
				urls: [],
				media: [],
			},
		}),
	],
	'account-activity-dm-typing': [
		x(
			'dm.typing',
			`typing:${COMPANY.id}:${LINKED}:1751367980957`,
			'2025-07-01T11:06:20.957Z',
			'EFG123HIJ456KLM789NO',
			{ actor: COMPANY, target: BUSINESS },
		),
	],
	'account-activity-dm-mark-read': [
		x(
			'dm.read',
			`read:${SAMPLE.id}:${LINKED}:1751368020898:1234567890123456781`,
			'2025-07-01T11:07:00.898Z',
			'HIJ456KLM789NOP012QR',
			{
				actor: SAMPLE,
				target: BUSINESS,
				message: {
					id: '1234567890123456781',
					text: null,
					senderId: null,
					recipientId: null,
					direction: null,
					urls: [],
					media: [],
				},
			},
		),
	],
	// No hookId in this example: the event id is a digest of the body (see the retry test below).
	'scheduled-tiktok-published': [
		ayrshareItem(
			'ayrshare.scheduled',
			expect.stringMatching(/^scheduled:[0-9a-f]{32}$/),
			'2023-01-05T01:18:47.000Z',
			{
				action: 'scheduled',
				refId: '140b8700bd6ade089b242d845e268fb886130c53',
				hookId: null,
				title: null,
				subAction: 'tikTokPublished',
				status: 'success',
				code: 200,
				id: 'TBAAAqAMMpoweA9wKHUp',
				errors: [],
				postIds: [
					{
						postUrl: 'https://www.facebook.com/102775127855689_361718068618052',
						platform: 'facebook',
						status: 'success',
						id: '102775127855689_361718068618052',
					},
				],
			},
		),
	],
	'social-link': [
		ayrshareItem('ayrshare.social', 'hook:TKLc30192HLGw5UeJ46', '2023-01-05T01:18:47.000Z', {
			action: 'social',
			refId: '140b8700bd6ade089b242d845e268fb886130c53',
			hookId: 'TKLc30192HLGw5UeJ46',
			title: 'User Profile Name',
			type: 'link',
			platform: 'instagram',
			displayName: 'Instagram Title',
			source: 'system',
			details: { status: 'error', code: 349, message: 'Account locked' },
			refreshBy: '2022-11-05T12:21:29Z',
			code: 200,
		}),
	],
	'messages-received': [
		ayrshareItem('ayrshare.messages', 'hook:JC6IgqFjvDliTJ8MLqzE', '2024-06-07T11:58:44.000Z', {
			action: 'messages',
			refId: '9abf1426d6ce9122ef11c72bd62e59807c5cc083',
			hookId: 'JC6IgqFjvDliTJ8MLqzE',
			title: 'Primary Profile',
			...messageFields,
			type: 'received',
			subAction: 'messageCreated',
			platform: 'facebook',
			conversationId: 't_10161117434308936',
			id: 'm_aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDUyMjEyNzA',
			message: 'This is an amazing message',
			mediaUrls: [],
			senderId: '17841452212707444',
			recipientId: '7270633706358444',
			senderDetails: {
				id: '7270633706358444',
				picture: 'https://scontent-ord5-2.cdninstagram.com/v/t51.jpg',
				username: 'SweetMessage',
				name: 'Sweet',
			},
			timeStamp: 1735189325,
		}),
	],
	'messages-read': [
		ayrshareItem('ayrshare.messages', 'hook:CviPBMXEy3cdJnK0EESd', '2024-06-08T23:33:30.000Z', {
			action: 'messages',
			refId: '9abf1426d6ce9122ef11c8932',
			hookId: 'CviPBMXEy3cdJnK0EESd',
			title: 'Primary Profile',
			...messageFields,
			type: 'read',
			subAction: 'messageRead',
			platform: 'facebook',
			conversationId: 't_10161117434308936',
			senderId: '7101149746568522',
			recipientId: '106638148652329',
			readerDetails: {
				name: 'John Smith',
				id: '7101149746568444',
				picture: 'https://platform-lookaside.fbsbx.com/platform/profilepic',
			},
			read: 1717889607802,
			timeStamp: 1717889610,
		}),
	],
	'messages-reaction': [
		ayrshareItem('ayrshare.messages', 'hook:LcgLuXzZki15lqBNt69h', '2024-06-06T00:49:18.000Z', {
			action: 'messages',
			refId: '9abf1426d6ce9432',
			hookId: 'LcgLuXzZki15lqBNt69h',
			title: 'Primary Profile',
			...messageFields,
			type: 'reaction',
			subAction: 'reactionCreated',
			platform: 'facebook',
			conversationId: 't_10161117434308936',
			mediaUrls: [],
			senderId: '7101149746568444',
			recipientId: '106638148652444',
			reaction: '😮',
			timeStamp: 1717634958,
		}),
	],
	batch: [
		ayrshareItem('ayrshare.batch', 'hook:dI3PNhrG83j2FzAFJqkb', '2024-01-11T22:00:30.000Z', {
			action: 'batch',
			refId: '9abf1426d6ce9122ef11c72bd62e59807c5cc083',
			hookId: 'dI3PNhrG83j2FzAFJqkb',
			title: 'Primary Profile',
			type: 'batch',
			batchType: 'users',
			source: 'user',
			url: 'https://storage.googleapis.com/batch.ayrshare.com/users/dfdf92jskd933r/users-batch-2024-01-11-22-00.json',
			urlExpires: '2024-01-18T22:00:04Z',
			userCount: 73,
			timeStamp: 1705010424,
		}),
	],
	feed: [
		ayrshareItem(
			'ayrshare.feed',
			expect.stringMatching(/^feed:[0-9a-f]{32}$/),
			'2023-01-05T01:18:47.000Z',
			{
				action: 'feed',
				refId: '140b8700bd6ade089b242d845e268fb886130c53',
				hookId: null,
				title: 'Title of profile if available',
				code: 200,
				data: {},
			},
		),
	],
};

test('every seed example has an expected item', () => {
	const files = readdirSync(DIR)
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.replace(/\.json$/, ''));
	expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.entries(EXPECTED))('%s', (name, expected) => {
	const items = itemsOf(name);
	expect(items.map((item) => ({ ...item, raw: undefined }))).toEqual(
		expected.map((item) => ({ ...item, raw: undefined })),
	);
	for (const item of items) {
		expect(() => itemSchema.parse(item)).not.toThrow();
		// `raw` is Ayrshare's own payload, as received.
		expect(item.raw).toEqual(fixture(name));
	}
});

test('ids come from idStr, not from the numeric ids that lost precision', () => {
	const body = fixture('account-activity-tweet-create');
	expect(String((body.tweetCreateEvents as { id: number }).id)).not.toBe('1234567890123456708');
	expect(itemsOf('account-activity-tweet-create')[0].post?.id).toBe('1234567890123456708');
});

test('an event key holding an array (X’s shape) works like the single object', () => {
	const body = fixture('account-activity-block');
	const asArray = { ...body, blockEvents: [body.blockEvents, body.blockEvents] };
	const items = normalizeAyrshare(asArray, { linkedXUserId: LINKED }).items;
	expect(items.map((item) => item.event)).toEqual(['user.blocked', 'user.blocked']);
});

test('without the linked account: messages and relations carry forUserId null; typing and read name their recipient', () => {
	expect(itemsOf('account-activity-direct-message', null)[0]).toMatchObject({
		forUserId: null,
		message: { direction: null },
	});
	expect(itemsOf('account-activity-dm-typing', null)[0].forUserId).not.toBeNull();
	expect(itemsOf('account-activity-dm-mark-read', null)[0].forUserId).not.toBeNull();
	expect(itemsOf('account-activity-block', null)[0]).toMatchObject({
		forUserId: null,
		event: 'user.blocked',
	});
});

test('event ids of hookId-less examples ignore retryAttempt, so a retry is the same event', () => {
	const first = fixture('scheduled-tiktok-published');
	const retry = { ...first, retryAttempt: 2 };
	const ids = [first, retry].map(
		(body) => normalizeAyrshare(body, { linkedXUserId: null }).items[0].eventId,
	);
	expect(ids[0]).toBe(ids[1]);
});

test('an unknown action becomes ayrshare.other with its fields; a body without action is ignored', () => {
	const [item] = normalizeAyrshare(
		{
			action: 'mentions',
			hookId: 'H1',
			refId: 'R1',
			title: 'T',
			created: '2026-01-01T00:00:00Z',
			url: 'https://me',
			comment: 'hi',
		},
		{ linkedXUserId: null },
	).items;
	expect(item).toMatchObject({
		event: 'ayrshare.other',
		eventId: 'hook:H1',
		ayrshare: { action: 'mentions', refId: 'R1', hookId: 'H1', title: 'T', comment: 'hi' },
	});
	expect(item.ayrshare).not.toHaveProperty('url');
	expect(normalizeAyrshare({ hello: 1 }, { linkedXUserId: null })).toEqual({
		items: [],
		ignored: [expect.objectContaining({ key: '(body)' })],
	});
});
