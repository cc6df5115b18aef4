import type { RateWindow } from '../core/rate-limiter';

export interface Webhook {
	id: string;
	url: string;
	valid: boolean;
	created_at: string;
}

export interface Subscription {
	webhookId: string;
	userId: string;
	createdAt: string;
}

/** An X Activity API subscription (API-NOTES §3), as the emulator stores and answers it. */
export interface ActivitySubscription {
	subscription_id: string;
	event_type: string;
	filter: { user_id?: string; keyword?: string; direction?: 'inbound' | 'outbound' };
	tag?: string;
	webhook_id?: string;
	created_at: string;
	updated_at: string;
}

/** One `POST /2/activity/subscriptions`, accepted or refused: who signed it, and for whom. */
export interface ActivityCreateLogEntry {
	at: string;
	event_type: string;
	auth: 'app' | 'user';
	/** The user whose OAuth 1.0a token signed the request; null for the app's bearer token. */
	authenticatedUserId: string | null;
	filterUserId: string | null;
	status: number;
	subscription_id?: string;
	/** X's `Reason: details` message of a refusal. */
	reason?: string | null;
}

export type DeliveryKind = 'event' | 'raw' | 'replay' | 'replay_status';

export interface Delivery {
	id: string;
	webhookId: string;
	url: string;
	kind: DeliveryKind;
	attempt: number;
	/** null when the receiver gave no HTTP answer (see `error`). */
	status: number | null;
	error?: string;
	responseBody: string;
	at: string;
	atMs: number;
	body: string;
	/** The header value sent, or null when the signature was deliberately left out. */
	signature: string | null;
}

export interface CrcCheck {
	webhookId?: string;
	url: string;
	crcToken: string;
	at: string;
	status: number | null;
	ok: boolean;
	reason?: string;
}

export interface ReplayJob {
	job_id: string;
	webhook_id: string;
	from: string;
	to: string;
	created_at: string;
	state: 'Running' | 'Complete';
	redelivered: number;
}

export interface XState {
	webhooks: Webhook[];
	subscriptions: Subscription[];
	activitySubscriptions: ActivitySubscription[];
	activityCreateLog: ActivityCreateLogEntry[];
	deliveries: Delivery[];
	crcChecks: CrcCheck[];
	replayJobs: ReplayJob[];
	rateWindows: Record<string, RateWindow>;
	/** OAuth 1.0a nonces seen recently, with their timestamps, to refuse replays of a signed request. */
	nonces: Record<string, number>;
	/** App bearer tokens handed out by `POST /oauth2/token`, so tests can see that clients cache them. */
	appTokensIssued: number;
	/** What the emulator's own receiver (`/_emulator/inbox`) was sent, newest first. */
	inbox: Array<{ at: string; signatureValid: boolean; body: unknown }>;
}

export function createXState(): XState {
	return { webhooks: [], subscriptions: [], activitySubscriptions: [], activityCreateLog: [], deliveries: [], crcChecks: [], replayJobs: [], rateWindows: {}, nonces: {}, appTokensIssued: 0, inbox: [] };
}
