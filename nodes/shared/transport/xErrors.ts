import { type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { asObject } from './send';

/**
 * Turns X's error answers into messages a no-code user can act on. X puts a machine-readable
 * reason before a colon in `errors[].message` (docs/x-webhooks-and-account-activity.md); that reason picks the advice.
 */

interface Advice {
	message: string;
	description: string;
}

const WEBHOOK_URL_HELP =
	'X only accepts a public https URL on port 443 with no port number or query string, that answers X’s check within 3 seconds. Set n8n’s WEBHOOK_URL to your public https address (a self-hosted n8n on http://localhost cannot be registered), and check that the credential’s API Key Secret belongs to the same X app.';

const BY_REASON: Record<string, Advice> = {
	CrcValidationFailed: {
		message: 'X could not reach or validate your webhook URL',
		description: WEBHOOK_URL_HELP,
	},
	UrlValidationFailed: {
		message: 'X rejected the webhook URL',
		description: WEBHOOK_URL_HELP,
	},
	DuplicateUrlFailed: {
		message: 'This webhook URL is already registered with your X app',
		description: 'Use the existing webhook (Webhook → Get Many lists it) or delete it first.',
	},
	WebhookLimitExceeded: {
		message: 'Your X app has reached its webhook limit',
		description:
			'Pay-per-use apps get 1 webhook, Enterprise 5 or more, counted per account. "Listen for test event" registers a second webhook for the test URL. Deactivate the other workflow, or delete unused webhooks with the X Account Activity node (Webhook → Delete).',
	},
	WebhookIdInvalid: {
		message: 'X does not know this webhook',
		description:
			'It was deleted or belongs to another X app. Deactivate and activate the workflow to register it again.',
	},
	DuplicateSubscriptionFailed: {
		message: 'This account is already subscribed to the webhook',
		description: 'Nothing to do: events for this account already reach the webhook.',
	},
	SubscriptionLimitExceeded: {
		message: 'Your X app has reached its subscription limit',
		description:
			'Account Activity API: pay-per-use apps get 3 subscriptions, Enterprise more; remove the ones you no longer need with the X Account Activity node (Subscription → Unsubscribe). X Activity API: 1,500 subscriptions per app (75,000 on Enterprise); delete unused ones with Activity Subscription → Delete.',
	},
	InvalidFilter: {
		message: 'X rejected the subscription filter',
		description:
			'X accepts only User ID, Keyword and Direction in a filter, and only those the event type uses. Mutes, blocks, direct messages and chat work only for the account of the X OAuth1 User credential (leave User ID empty), and mutes and blocks take no Direction.',
	},
	InvalidEventType: {
		message: 'X does not know this event type',
		description:
			'Pick the event type from the list, or check the spelling of the name entered under Other against X’s Activity API documentation.',
	},
	SubscriptionNotFound: {
		// Both APIs use this reason: AAA for an account not subscribed, XAA for an unknown subscription id.
		message: 'X does not know this subscription',
		description:
			'It was already removed, or belongs to another X app. Subscription → Get Many lists the accounts subscribed to a webhook; Activity Subscription → Get Many lists the X Activity API subscriptions.',
	},
	ReplayConflictError: {
		message: 'A replay is already running for this webhook',
		description:
			'X runs one replay job per webhook at a time. Wait for the "Replay Finished" event, then try again.',
	},
	QueryParamInvalid: {
		message: 'X rejected the replay time range',
		description:
			'The range must start within the last 24 hours and end at least 10 minutes ago, start before it ends, and neither may lie in the future.',
	},
};

export interface XErrorResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

/** `{reason, detail}` from X's error body, whichever of its documented shapes it came in. */
export function parseXError(body: unknown): { reason: string | null; detail: string | null } {
	const object = asObject(body);
	const first = asObject(Array.isArray(object.errors) ? object.errors[0] : undefined);
	const text = [first.message, object.detail, first.detail, object.title].find(
		(v) => typeof v === 'string' && v,
	) as string | undefined;
	const match =
		typeof first.message === 'string' ? /^([A-Z][A-Za-z]+):\s*(.*)$/.exec(first.message) : null;
	if (match) return { reason: match[1], detail: match[2] || null };
	const known = text ? Object.keys(BY_REASON).find((reason) => text.includes(reason)) : undefined;
	return { reason: known ?? null, detail: text ?? null };
}

function retryAfter(headers: Record<string, unknown> = {}): string {
	const reset = Number(headers['x-rate-limit-reset']);
	if (!Number.isFinite(reset) || reset <= 0) return 'Wait a few minutes and try again.';
	const at = new Date(reset * 1000);
	const seconds = Math.max(0, Math.ceil((at.getTime() - Date.now()) / 1000));
	return `X allows the next request at ${at.toISOString()} (in ${seconds} seconds).`;
}

function adviceByStatus(
	statusCode: number,
	detail: string | null,
	headers?: Record<string, unknown>,
): Advice {
	const said = detail ? ` X said: “${detail}”` : '';
	if (statusCode === 401)
		return {
			message: 'X did not accept the credentials',
			description: `Check the keys and tokens in the X credential; if they were regenerated in the developer portal, paste the new ones.${said}`,
		};
	if (statusCode === 403)
		return {
			message: 'X refused this request for your app',
			description: `The Account Activity API needs a plan that includes it, and DM events need the app permission "Read, Write and Direct Messages" (regenerate the access token after changing it).${said}`,
		};
	if (statusCode === 429)
		return { message: 'X rate limit reached', description: retryAfter(headers) };
	if (statusCode >= 500)
		return {
			message: `X is having trouble (HTTP ${statusCode})`,
			description: `Try again in a few minutes.${said}`,
		};
	return {
		message: `X rejected the request (HTTP ${statusCode})`,
		description: detail ?? 'X gave no reason.',
	};
}

/** The reason X gave for an error thrown by {@link xApiError}, e.g. `DuplicateSubscriptionFailed`. */
export function xErrorReason(error: unknown): string | null {
	const context = (error as { context?: Record<string, unknown> })?.context;
	return typeof context?.xReason === 'string' ? context.xReason : null;
}

export function xApiError(node: INode, response: XErrorResponse): NodeApiError {
	const { reason, detail } = parseXError(response.body);
	const advice =
		(reason && response.statusCode !== 429 && BY_REASON[reason]) ||
		adviceByStatus(response.statusCode, detail, response.headers);
	const description =
		reason && detail && BY_REASON[reason]
			? `${advice.description} X said: “${reason}: ${detail}”`
			: advice.description;
	const error = new NodeApiError(node, asObject(response.body) as JsonObject, {
		message: advice.message,
		description,
		httpCode: String(response.statusCode),
	});
	error.context.xReason = reason;
	error.context.httpStatus = response.statusCode;
	return error;
}
