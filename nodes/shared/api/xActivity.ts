import type { IDataObject } from 'n8n-workflow';

import { type XaaTypeInfo, xaaAuth } from '../eventCatalog';
import {
	type ActivitySubscription,
	activitySubscriptionCreatedSchema,
	activitySubscriptionPageSchema,
	activitySubscriptionsDeletedSchema,
} from '../schemas/xActivityResponses';
import { type XRequestContext, xApiRequest } from '../transport/xApi';
import { parseResponse } from './parse';
import { type DeleteResult, perIdResults } from './xActivityDeleteResults';

/** X Activity API subscriptions (docs/x-activity-api.md), shared by the trigger and the action node. */

export type ActivityFilter = { user_id?: string; keyword?: string; direction?: 'inbound' | 'outbound' };

export interface ActivitySubscriptionRequest {
	event_type: string;
	filter: ActivityFilter;
	tag?: string;
	webhook_id?: string;
}

export interface ActivityFilterInput {
	/** The watched account; for private types it must be the account whose token signs the request. */
	userId?: string | null;
	keyword?: string | null;
	direction?: 'inbound' | 'outbound' | null;
}

/** Why no filter X would accept can be made from the input, and what to change. */
export interface FilterProblem {
	problem: string;
	fix: string;
}

/**
 * The filter X accepts for a type: only the fields X documents for it, because X's filter
 * rejects any other (openapi.json, CreateActivitySubscriptionFilter, `additionalProperties: false`).
 * The trigger and the action node both build their filters here.
 */
export function activityFilter(info: XaaTypeInfo, input: ActivityFilterInput): { filter: ActivityFilter } | FilterProblem {
	// App-wide types (oauth.revoke) take exactly `{}`: X's table lists no filter for them.
	if (info.subject === 'app') return { filter: {} };
	const allowed = new Set(info.filter);
	const userId = input.userId?.trim() || undefined;
	const keyword = input.keyword?.trim() || undefined;
	const direction = input.direction ?? undefined;
	if (info.subject === 'keyword' && !keyword) return { problem: `${info.type} subscriptions need a Keyword`, fix: 'Add Keyword under Filter: X reports what matches it.' };
	if (info.subject === 'account' && !userId) return { problem: `${info.type} subscriptions need a User ID`, fix: 'Enter the numeric ID of the X account to watch.' };
	if (direction && !allowed.has('direction')) {
		return {
			problem: `Direction cannot be used with ${info.type} subscriptions`,
			fix: 'X takes a direction only for likes, direct messages and chat; mutes and blocks are reported only as the account’s own actions. Set Direction to Both.',
		};
	}
	if (keyword && !allowed.has('keyword')) {
		return { problem: `Keyword cannot be used with ${info.type} subscriptions`, fix: 'X filters this type by account only. Remove the Keyword.' };
	}
	return {
		filter: {
			...(userId && allowed.has('user_id') ? { user_id: userId } : {}),
			...(keyword ? { keyword } : {}),
			...(direction ? { direction } : {}),
		},
	};
}

const PATH = '/2/activity/subscriptions';
const byId = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

/**
 * Private types need the account's user context (X: "Subscriptions for private events can only
 * be created for users who have authorized your application"); public ones accept the app token.
 */
export async function createActivitySubscription(this: XRequestContext, request: ActivitySubscriptionRequest): Promise<ActivitySubscription> {
	const body = await xApiRequest.call(this, xaaAuth(request.event_type), { method: 'POST', path: PATH, body: request as unknown as IDataObject });
	return parseResponse(this.getNode(), activitySubscriptionCreatedSchema, body, `creating the ${request.event_type} subscription`);
}

/**
 * Asks for X's maximum page (1000): openapi.json's list answer has no `meta.next_token`, so a
 * smaller page could silently hide subscriptions. A cursor, when X sends one, is still followed
 * until `limit` subscriptions are collected; an empty page or a token seen before ends the list.
 */
export async function listActivitySubscriptions(this: XRequestContext, limit?: number): Promise<ActivitySubscription[]> {
	const subscriptions: ActivitySubscription[] = [];
	const seen = new Set<string>();
	let token: string | undefined;
	do {
		const qs: IDataObject = { max_results: 1000, ...(token ? { pagination_token: token } : {}) };
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

/** Only the tag and the webhook can change; a new filter or event type means delete and create. PUT is bearer-only in openapi.json. */
export async function updateActivitySubscription(this: XRequestContext, id: string, changes: { tag?: string; webhook_id?: string }): Promise<ActivitySubscription> {
	const body = await xApiRequest.call(this, 'app', { method: 'PUT', path: byId(id), body: changes });
	return parseResponse(this.getNode(), activitySubscriptionCreatedSchema, body, 'updating the activity subscription');
}

/** One bearer-only call for many ids; one result per id, whichever of X's answer forms comes back. */
export async function deleteActivitySubscriptions(this: XRequestContext, ids: readonly string[]): Promise<DeleteResult[]> {
	const body = await xApiRequest.call(this, 'app', { method: 'DELETE', path: PATH, qs: { ids: ids.join(',') } });
	return perIdResults(ids, parseResponse(this.getNode(), activitySubscriptionsDeletedSchema, body, 'deleting activity subscriptions'));
}
