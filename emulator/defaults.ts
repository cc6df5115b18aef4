import type { AyrshareOptions, EmulatorOptions, XApp, XUser } from './options';

export const DEFAULT_APP: XApp = {
	consumerKey: 'emu-consumer-key',
	consumerSecret: 'emu-consumer-secret',
	bearerToken: 'emu-bearer-token',
	appId: '1000001',
	appName: 'n8n emulator app',
	accountName: 'n8n_user',
};

export const DEFAULT_AYRSHARE: AyrshareOptions = {
	apiKey: 'emu-ayrshare-api-key',
	domain: 'emu',
	privateKey:
		'-----BEGIN RSA PRIVATE KEY-----\nemu-ayrshare-private-key\n-----END RSA PRIVATE KEY-----',
	accountActivityEnabled: true,
	rateLimit: 300,
	signatureEncoding: 'hex',
	requireXKeys: true,
};

export const SUBSCRIBER_ID = '1500000000000000001';

const avatar = (name: string): string =>
	`https://pbs.twimg.com/profile_images/${name}/avatar_normal.jpg`;

/** The first user is the default subscriber; alice also has tokens so two-subscriber cases can be exercised. */
export const DEFAULT_USERS: XUser[] = [
	{
		id: SUBSCRIBER_ID,
		username: 'n8n_user',
		name: 'n8n User',
		profileImageUrl: avatar('1500000000000000101'),
		followersCount: 1337,
		friendsCount: 42,
		statusesCount: 980,
		verified: false,
		description: 'Automating all the things with n8n.',
		location: 'Berlin',
		createdAt: '2022-03-14T09:26:53.000Z',
		accessToken: `${SUBSCRIBER_ID}-emuAccessToken`,
		accessTokenSecret: 'emu-access-token-secret',
	},
	{
		id: '2244994945',
		username: 'alice',
		name: 'Alice Example',
		profileImageUrl: avatar('2244994945001'),
		followersCount: 52810,
		friendsCount: 311,
		statusesCount: 12034,
		verified: true,
		description: 'Developer advocate. Posts about APIs. Opinions my own.',
		location: 'San Francisco, CA',
		createdAt: '2013-12-14T04:35:55.000Z',
		accessToken: '2244994945-emuAliceAccessToken',
		accessTokenSecret: 'emu-alice-token-secret',
	},
	{
		id: '783214',
		username: 'bob',
		name: 'Bob Builder',
		profileImageUrl: avatar('783214001'),
		followersCount: 64,
		friendsCount: 180,
		statusesCount: 2210,
		verified: false,
		description: 'Can we fix it? Yes we can! 🛠️',
		location: 'Zürich',
		createdAt: '2007-02-20T14:35:54.000Z',
	},
	{
		id: '1600000000000000042',
		username: 'carol_dev',
		name: 'Carol Ñandú',
		profileImageUrl: avatar('1600000000000000142'),
		followersCount: 7,
		friendsCount: 9,
		statusesCount: 15,
		verified: false,
		description: 'New here.',
		location: '',
		createdAt: '2023-01-02T03:04:05.000Z',
	},
];

export const DEFAULT_OPTIONS: EmulatorOptions = {
	port: 0,
	host: '127.0.0.1',
	app: DEFAULT_APP,
	users: DEFAULT_USERS,
	subscriberId: SUBSCRIBER_ID,
	webhookLimit: 5,
	subscriptionLimit: 15,
	strictUrls: false,
	crcTimeoutMs: 3000,
	deliveryTimeoutMs: 3000,
	retries: 0,
	retryDelayMs: 100,
	retrySchedule: 'fixed',
	timeScale: 1,
	clockOffsetMs: 0,
	replayWindow: 'relaxed',
	replayDelayMs: 0,
	legacyReplay: false,
	// X's documented limits where known (webhooks 450, replay 100 per app per 15 min); the rest are generous guesses.
	rateLimits: { users: 75, webhooks: 450, replay: 100, subscriptions: 500, subscriptionCount: 500 },
	oauthTimestampSkewSec: 300,
	ayrshare: DEFAULT_AYRSHARE,
	log: () => undefined,
};
