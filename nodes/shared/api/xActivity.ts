import type { IDataObject } from 'n8n-workflow';

import {
	type ActivitySubscription,
	activitySubscriptionCreatedSchema,
	activitySubscriptionDeletedSchema,
	activitySubscriptionPageSchema,
} from '../schemas/xActivityResponses';
import { type XAuth, type XRequestContext, xApiRequest } from '../transport/xApi';
import { parseResponse } from './parse';

/** X Activity API subscriptions (API-NOTES §3), shared by the trigger and the action node. */

export interface ActivitySubscriptionRequest {
	event_type: string;
	filter: { user_id?: string; keyword?: string; direction?: 'inbound' | 'outbound' };
	tag?: string;
	webhook_id?: string;
}

const PATH = '/2/activity/subscriptions';
const byId = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

/** Private event types (DMs, blocks, mutes, chat) need the account's user context; public ones accept the app token. */
export async function createActivitySubscription(this: XRequestContext, auth: XAuth, request: ActivitySubscriptionRequest): Promise<ActivitySubscription> {
	const body = await xApiRequest.call(this, auth, { method: 'POST', path: PATH, body: request as unknown as IDataObject });
	return parseResponse(this.getNode(), activitySubscriptionCreatedSchema, body, `creating the ${request.event_type} subscription`);
}

/**
 * Follows `meta.next_token` until `limit` subscriptions are collected (no limit: every page). An
 * empty page or a token seen before ends the list, so paging cannot go on forever.
 */
export async function listActivitySubscriptions(this: XRequestContext, limit?: number): Promise<ActivitySubscription[]> {
	const subscriptions: ActivitySubscription[] = [];
	const seen = new Set<string>();
	let token: string | undefined;
	do {
		const qs: IDataObject = { max_results: 100, ...(token ? { pagination_token: token } : {}) };
		const body = await xApiRequest.call(this, 'app', { method: 'GET', path: PATH, qs });
		const page = parseResponse(this.getNode(), activitySubscriptionPageSchema, body, 'listing activity subscriptions');
		const data = page.data ?? [];
		subscriptions.push(...data);
		if (token) seen.add(token);
		const next = data.length === 0 ? undefined : (page.meta?.next_token ?? undefined);
		token = next && !seen.has(next) ? next : undefined;
	} while (token && (!limit || subscriptions.length < limit));
	return limit ? subscriptions.slice(0, limit) : subscriptions;
}

/** Only the tag and the webhook can change; a new filter or event type means delete and create. */
export async function updateActivitySubscription(this: XRequestContext, id: string, changes: { tag?: string; webhook_id?: string }): Promise<ActivitySubscription> {
	const body = await xApiRequest.call(this, 'app', { method: 'PUT', path: byId(id), body: changes });
	return parseResponse(this.getNode(), activitySubscriptionCreatedSchema, body, 'updating the activity subscription');
}

export async function deleteActivitySubscription(this: XRequestContext, id: string) {
	const body = await xApiRequest.call(this, 'app', { method: 'DELETE', path: byId(id) });
	return parseResponse(this.getNode(), activitySubscriptionDeletedSchema, body, 'deleting the activity subscription');
}

/** One call for many ids; X reports the ids it could not delete in `errors`. */
export async function deleteActivitySubscriptions(this: XRequestContext, ids: readonly string[]) {
	const body = await xApiRequest.call(this, 'app', { method: 'DELETE', path: PATH, qs: { ids: ids.join(',') } });
	return parseResponse(this.getNode(), activitySubscriptionDeletedSchema, body, 'deleting activity subscriptions');
}
