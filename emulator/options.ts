import { DEFAULT_APP, DEFAULT_AYRSHARE, DEFAULT_OPTIONS, DEFAULT_USERS } from './defaults';

/** The X app whose keys the emulator accepts and signs with. */
export interface XApp {
	consumerKey: string;
	consumerSecret: string;
	bearerToken: string;
	appId: string;
	appName: string;
	/** Returned as `account_name` by the subscription count endpoint. */
	accountName: string;
}

/** A user known to the emulator. Users with tokens can authenticate with OAuth 1.0a user context. */
export interface XUser {
	id: string;
	username: string;
	name: string;
	profileImageUrl: string;
	followersCount: number;
	friendsCount: number;
	statusesCount: number;
	verified: boolean;
	description: string;
	location: string;
	/** ISO date the account was created. */
	createdAt: string;
	accessToken?: string;
	accessTokenSecret?: string;
}

/** The Ayrshare account the emulator serves under `/api/...`. */
export interface AyrshareOptions {
	apiKey: string;
	/** What generateJWT accepts for the linking page. */
	domain: string;
	privateKey: string;
	/** Whether Ayrshare has enabled X Account Activity for this account (needed before a profile can switch it on). */
	accountActivityEnabled: boolean;
	/** Requests per 5-minute window per profile (Ayrshare: 300). */
	rateLimit: number;
	/** Encoding of `X-Authorization-Content-SHA256` on signed deliveries (Ayrshare does not document it). */
	signatureEncoding: 'hex' | 'base64';
	/** Refuse X operations without bring-your-own X keys, as Ayrshare does since 2026-03-31 (ayrshare/xKeys.ts). */
	requireXKeys: boolean;
}

export type RateGroup = 'users' | 'webhooks' | 'replay' | 'subscriptions' | 'subscriptionCount';

export interface EmulatorOptions {
	port: number;
	host: string;
	app: XApp;
	users: XUser[];
	/** Default `for_user_id` of injected events; must be one of `users`. */
	subscriberId: string;
	webhookLimit: number;
	subscriptionLimit: number;
	/** Reject non-https URLs and URLs with a port or query, as real X does. */
	strictUrls: boolean;
	crcTimeoutMs: number;
	deliveryTimeoutMs: number;
	/** Extra delivery attempts after a non-2xx or timeout (X makes 3 over minutes; here they are `retryDelayMs` apart). */
	retries: number;
	retryDelayMs: number;
	/** `relaxed` checks format, order and "not in the future"; `strict` adds X's 24 h / 31 min / 10 min rules. */
	replayWindow: 'strict' | 'relaxed';
	/** Wait before a replay job starts delivering, so tests can observe a running job. */
	replayDelayMs: number;
	/** Serve the retired `POST /2/account_activity/replay/...` path instead of answering 404. */
	legacyReplay: boolean;
	/** Requests per 15-minute window per endpoint group. */
	rateLimits: Record<RateGroup, number>;
	/** OAuth 1.0a timestamps further than this from our clock are rejected. */
	oauthTimestampSkewSec: number;
	/** X Activity API event types X refuses to subscribe for this account (e.g. a family the plan lacks). */
	xaaRefusedEventTypes?: string[];
	/**
	 * X Activity API list: answer `meta.next_token` when more subscriptions remain. Off by default,
	 * as in openapi.json, whose list answer has no cursor (a page of max_results is all there is).
	 */
	activityListCursor?: boolean;
	ayrshare: AyrshareOptions;
	log: (line: string) => void;
}

/** What callers pass: any option, with `app`, `ayrshare` and `rateLimits` merged field by field onto the defaults. */
export type EmulatorInput = Partial<Omit<EmulatorOptions, 'app' | 'rateLimits' | 'ayrshare'>> & {
	app?: Partial<XApp>;
	ayrshare?: Partial<AyrshareOptions>;
	rateLimits?: Partial<Record<RateGroup, number>>;
};

export function resolveOptions(input: EmulatorInput = {}): EmulatorOptions {
	const options: EmulatorOptions = {
		...DEFAULT_OPTIONS,
		...input,
		app: { ...DEFAULT_APP, ...input.app },
		ayrshare: { ...DEFAULT_AYRSHARE, ...input.ayrshare },
		users: input.users ?? DEFAULT_USERS,
		rateLimits: { ...DEFAULT_OPTIONS.rateLimits, ...input.rateLimits },
	};
	if (!options.users.some((u) => u.id === options.subscriberId)) {
		throw new Error(`subscriberId ${options.subscriberId} is not one of the configured users`);
	}
	return options;
}
