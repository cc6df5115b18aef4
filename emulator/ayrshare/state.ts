import type { RateWindow } from '../core/rate-limiter';
import { SUBSCRIBER_ID } from '../defaults';

/** The X account an Ayrshare profile has linked, as `GET /user` lists it in `displayNames`. */
export interface LinkedAccount {
	platform: string;
	id: string;
	username: string;
	displayName: string;
	profileUrl: string;
}

export interface AyrshareProfile {
	title: string;
	refId: string;
	/** null for the primary profile, which is addressed by the API key alone. */
	profileKey: string | null;
	created: string;
	xAccountActivityActive: boolean;
	messagingActive: boolean;
	suspended: boolean;
	tags: string[];
	disableSocial: string[];
	linked: LinkedAccount[];
	settings: Record<string, unknown>;
}

/** One per action and profile. `previousSecret` keeps signing for 24 h after a rotation. */
export interface AyrshareWebhook {
	refId: string;
	action: string;
	url: string;
	secret: string | null;
	previousSecret: string | null;
	previousSecretUntil: string | null;
	created: string;
	updated: string;
}

/** One POST attempt of a webhook delivery, as the emulator sent it. */
export interface AyrshareDelivery {
	hookId: string;
	action: string;
	refId: string;
	url: string;
	/** 0 for the first attempt, as in the body's `retryAttempt`. */
	retryAttempt: number;
	status: number | null;
	error?: string;
	responseBody: string;
	at: string;
	body: string;
	headers: Record<string, string>;
}

export interface AyrshareState {
	primary: AyrshareProfile;
	profiles: AyrshareProfile[];
	webhooks: AyrshareWebhook[];
	deliveries: AyrshareDelivery[];
	rateWindows: Record<string, RateWindow>;
	/** The bring-your-own X key headers of every request (the secret only as sent or not). */
	xKeyRequests: Array<{ method: string; path: string; apiKey: string | null; secretSent: boolean }>;
}

export const PRIMARY_REF_ID = 'emu0primary0ref0id';
export const SEEDED_PROFILE_KEY = 'emu-ayrshare-profile-key';

export function linkedX(id: string, username: string, displayName: string): LinkedAccount {
	return {
		platform: 'twitter',
		id,
		username,
		displayName,
		profileUrl: `https://x.com/${username}`,
	};
}

export function newProfile(
	title: string,
	refId: string,
	profileKey: string | null,
	linked: LinkedAccount[] = [],
): AyrshareProfile {
	return {
		title,
		refId,
		profileKey,
		created: new Date().toISOString(),
		xAccountActivityActive: false,
		messagingActive: false,
		suspended: false,
		tags: [],
		disableSocial: [],
		linked,
		settings: {},
	};
}

/** A primary profile and one User Profile, both with the emulator's default subscriber linked as their X account. */
export function createAyrshareState(): AyrshareState {
	const subscriber = linkedX(SUBSCRIBER_ID, 'n8n_user', 'n8n User');
	return {
		primary: newProfile('Primary Profile', PRIMARY_REF_ID, null, [subscriber]),
		profiles: [
			newProfile('Emulator Client', 'emu0client0ref0id', SEEDED_PROFILE_KEY, [subscriber]),
		],
		webhooks: [],
		deliveries: [],
		rateWindows: {},
		xKeyRequests: [],
	};
}
