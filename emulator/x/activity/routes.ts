import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { ReplyError } from '../../core/reply';
import type { Principal } from '../auth/authenticate';
import { xEndpoint, type XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { snowflakeId } from '../ids';
import type { ActivitySubscription } from '../state';
import { findWebhook } from '../webhooks/store';
import { type ActivityEventType, type FilterField, canonicalType, ruleOf } from './catalog';

/**
 * `POST/GET/PUT/DELETE /2/activity/subscriptions`, validated and answered as X documents them.
 * SPEC = openapi.json v2.167 (xdevplatform/docs), INTRO = x-api/activity/introduction.mdx,
 * QUICKSTART = x-api/activity/quickstart.mdx. Rules X does not document are marked as guesses.
 */

/** INTRO, "Subscription limits": self-serve 1,500. */
const SUBSCRIPTION_LIMIT = 1500;
const FILTER_FIELDS: readonly FilterField[] = ['user_id', 'keyword', 'direction'];
/** SPEC: CreateActivitySubscriptionRequest has `additionalProperties: false`. */
const CREATE_FIELDS = ['event_type', 'filter', 'tag', 'webhook_id'];
/** SPEC: UpdateActivitySubscriptionRequest has `additionalProperties: false`. */
const UPDATE_FIELDS = ['tag', 'webhook_id'];
/** SPEC: UserId `^[0-9]{1,19}$`; Keyword 1–150 characters; tag 1–200 characters. */
const USER_ID = /^[0-9]{1,19}$/;

interface CreateBody {
	event_type?: unknown;
	filter?: unknown;
	tag?: unknown;
	webhook_id?: unknown;
}

/**
 * X's 403 for a private event type it will not create. INTRO, "Private events": "Subscriptions for
 * private events can only be created for users who have authorized your application". The body's
 * shape is X's v2 problem with an `errors` entry `Reason: details` (the shape of X's other errors);
 * the reason names `UserContextRequired` and `UserNotAuthorized` are guesses: X documents none.
 */
function forbidden(reason: string, details: string): ReplyError {
	return new ReplyError({
		status: 403,
		body: {
			errors: [{ message: `${reason}: ${details}` }],
			title: 'Forbidden',
			detail: details,
			type: 'https://api.twitter.com/2/problems/client-forbidden',
			status: 403,
		},
	});
}

/** `POST/GET/PUT/DELETE /2/activity/subscriptions`. */
export function registerActivityRoutes(router: Router, ctx: XContext): void {
	const { state } = ctx;
	// SPEC security: create and list accept OAuth2 user, OAuth 1.0a user and bearer; PUT and both DELETEs BearerToken only.
	const either = { group: 'subscriptions', auth: ['app', 'user'] } as const;
	const appOnly = { group: 'subscriptions', auth: ['app'] } as const;
	const total = () => ({ total_subscriptions: state.activitySubscriptions.length });

	router.add(
		'POST',
		'/2/activity/subscriptions',
		xEndpoint(ctx, either, (req, principal) => {
			const body = parseJsonBody<CreateBody>(req) ?? {};
			const entry = {
				at: new Date().toISOString(),
				event_type: String(body.event_type),
				auth: principal.kind,
				authenticatedUserId: principal.kind === 'user' ? principal.user.id : null,
				filterUserId: typeof (body.filter as { user_id?: unknown } | undefined)?.user_id === 'string' ? String((body.filter as { user_id: string }).user_id) : null,
			};
			try {
				const subscription = validated(ctx, body, principal);
				if (state.activitySubscriptions.length >= SUBSCRIPTION_LIMIT) {
					throw invalidRequest('SubscriptionLimitExceeded', `The application has reached its subscription limit (${SUBSCRIPTION_LIMIT}).`);
				}
				state.activitySubscriptions.push(subscription);
				state.activityCreateLog.push({ ...entry, status: 200, subscription_id: subscription.subscription_id });
				// SPEC: CreateActivitySubscriptionResponse `{data: {subscription}}` (QUICKSTART shows other wrappings).
				return json(200, { data: { subscription } });
			} catch (error) {
				if (error instanceof ReplyError) {
					const message = (error.reply.body as { errors?: Array<{ message?: string }> } | undefined)?.errors?.[0]?.message;
					state.activityCreateLog.push({ ...entry, status: error.reply.status, reason: message ?? null });
				}
				throw error;
			}
		}),
	);

	router.add(
		'GET',
		'/2/activity/subscriptions',
		xEndpoint(ctx, either, (req) => {
			// SPEC: max_results 1..1000 (the default is not stated; 100 is a guess).
			const asked = req.query.get('max_results');
			const max = asked === null ? 100 : Number(asked);
			if (!Number.isInteger(max) || max < 1 || max > 1000) throw invalidRequest('InvalidRequest', `max_results must be between 1 and 1000 (got ${asked}).`);
			const start = ctx.options.activityListCursor ? decodeCursor(req.query.get('pagination_token')) : 0;
			const page = state.activitySubscriptions.slice(start, start + max);
			// SPEC's GetActivitySubscriptionsResponse has only `data`: no cursor, so a page of max_results
			// is all a client sees. QUICKSTART adds meta.total_subscriptions. Option activityListCursor
			// serves a `meta.next_token` as other pages describe, to test that clients follow one.
			const more = start + max < state.activitySubscriptions.length;
			const next = ctx.options.activityListCursor && more ? { next_token: encodeCursor(start + max) } : {};
			return json(200, { data: page, meta: { ...total(), ...next } });
		}),
	);

	router.add(
		'PUT',
		'/2/activity/subscriptions/:id',
		xEndpoint(ctx, appOnly, (req) => {
			const subscription = find(ctx, req.params.id);
			const body = parseJsonBody<Record<string, unknown>>(req) ?? {};
			const extra = Object.keys(body).filter((key) => !UPDATE_FIELDS.includes(key));
			if (extra.length) throw invalidRequest('InvalidRequest', `Only tag and webhook_id can be updated (got ${extra.join(', ')}); delete and recreate to change the filter or event type.`);
			if (body.webhook_id !== undefined) subscription.webhook_id = findWebhook(state, body.webhook_id).id;
			if (body.tag !== undefined) subscription.tag = checkedTag(body.tag);
			subscription.updated_at = new Date().toISOString();
			// SPEC: UpdateActivitySubscriptionResponseData `{subscription, total_subscriptions}`.
			return json(200, { data: { subscription, ...total() } });
		}),
	);

	router.add(
		'DELETE',
		'/2/activity/subscriptions/:id',
		xEndpoint(ctx, appOnly, (req) => {
			const subscription = find(ctx, req.params.id);
			state.activitySubscriptions = state.activitySubscriptions.filter((s) => s !== subscription);
			// SPEC: `{data: {deleted}}`; QUICKSTART adds meta.total_subscriptions.
			return json(200, { data: { deleted: true }, meta: total() });
		}),
	);

	router.add(
		'DELETE',
		'/2/activity/subscriptions',
		xEndpoint(ctx, appOnly, (req) => {
			const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
			if (!ids.length) throw invalidRequest('InvalidRequest', 'The ids query parameter is required.');
			const known = new Set(state.activitySubscriptions.map((s) => s.subscription_id));
			state.activitySubscriptions = state.activitySubscriptions.filter((s) => !ids.includes(s.subscription_id));
			// SPEC: DeleteActivitySubscriptionsByIdsResponse, one entry per deleted id and "per-id failures;
			// deletion continues for the remaining ids". The reason name is a guess.
			const data = ids.filter((id) => known.has(id)).map((id) => ({ deleted: true, subscription_id: id }));
			const errors = ids
				.filter((id) => !known.has(id))
				.map((id) => ({ message: `Subscription ${id} does not exist.`, reason: 'SubscriptionNotFound', subscription_id: id }));
			return json(200, { data, ...(errors.length ? { errors } : {}), meta: total() });
		}),
	);
}

/** SPEC: pagination_token is "a base32hex-encoded pagination token" of at least 16 characters. */
function encodeCursor(offset: number): string {
	return offset.toString(32).toUpperCase().padStart(16, '0');
}

function decodeCursor(token: string | null): number {
	if (token === null) return 0;
	const offset = /^[0-9A-V]{16,}$/.test(token) ? parseInt(token, 32) : NaN;
	if (!Number.isSafeInteger(offset)) throw invalidRequest('InvalidRequest', `pagination_token ${token} is not valid.`);
	return offset;
}

function find(ctx: XContext, id: string): ActivitySubscription {
	const subscription = ctx.state.activitySubscriptions.find((s) => s.subscription_id === id);
	if (!subscription) {
		throw new ReplyError({
			status: 404,
			body: {
				errors: [{ message: `SubscriptionNotFound: subscription ${id} does not exist.` }],
				title: 'Not Found Error',
				detail: `Could not find subscription with id: [${id}].`,
				type: 'https://api.twitter.com/2/problems/resource-not-found',
			},
		});
	}
	return subscription;
}

function checkedTag(tag: unknown): string {
	if (typeof tag !== 'string' || tag.length < 1 || tag.length > 200) throw invalidRequest('InvalidRequest', 'tag must be a string of 1 to 200 characters.');
	return tag;
}

/** The filter checks: fields X lists for the type only (INTRO's "Filters" column), each in its documented form (SPEC). */
function checkedFilter(type: ActivityEventType, raw: unknown): ActivitySubscription['filter'] {
	const rule = ruleOf(type);
	// SPEC: `filter` is required; an app-wide type takes `{}`.
	if (raw === undefined) throw invalidRequest('InvalidRequest', 'filter is required.');
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalidRequest('InvalidFilter', 'filter must be an object.');
	const filter = raw as Record<string, unknown>;
	const unknown = Object.keys(filter).filter((key) => !FILTER_FIELDS.includes(key as FilterField));
	if (unknown.length) throw invalidRequest('InvalidFilter', `Unknown filter field(s): ${unknown.join(', ')}.`);
	const notForType = Object.keys(filter).filter((key) => !rule.filter.includes(key as FilterField));
	if (notForType.length) {
		const which = notForType.join(', ');
		throw invalidRequest('InvalidFilter', rule.filter.length ? `${which} is not allowed for ${type} (allowed: ${rule.filter.join(', ')}).` : `${type} takes an empty filter (got ${which}).`);
	}
	if (filter.direction !== undefined && filter.direction !== 'inbound' && filter.direction !== 'outbound') {
		throw invalidRequest('InvalidFilter', 'direction must be inbound or outbound.');
	}
	if (filter.user_id !== undefined && !(typeof filter.user_id === 'string' && USER_ID.test(filter.user_id))) {
		throw invalidRequest('InvalidFilter', 'user_id must be a numeric user id string.');
	}
	if (filter.keyword !== undefined && !(typeof filter.keyword === 'string' && filter.keyword.length >= 1 && filter.keyword.length <= 150)) {
		throw invalidRequest('InvalidFilter', 'keyword must be a string of 1 to 150 characters.');
	}
	if (rule.requires && filter[rule.requires] === undefined) throw invalidRequest('InvalidFilter', `${type} needs filter.${rule.requires}.`);
	return filter as ActivitySubscription['filter'];
}

/** Every check X documents, in the order a client would hit them. */
function validated(ctx: XContext, body: CreateBody, principal: Principal): ActivitySubscription {
	const extra = Object.keys(body).filter((key) => !CREATE_FIELDS.includes(key));
	if (extra.length) throw invalidRequest('InvalidRequest', `Unknown field(s): ${extra.join(', ')}.`);
	// SPEC: aliases are accepted, and "responses always use the canonical name".
	const type = canonicalType(body.event_type);
	if (!type) throw invalidRequest('InvalidEventType', `Unknown event_type ${JSON.stringify(body.event_type)}.`);
	const filter = checkedFilter(type, body.filter);
	if (ruleOf(type).privacy === 'private') {
		if (principal.kind !== 'user') {
			throw forbidden('UserContextRequired', `${type} is a private event: create it with the user-context token of the user in filter.user_id, not the app's bearer token.`);
		}
		// SPEC for mute.*/block.*: user_id "must be the authenticated source user"; INTRO for every private type.
		if (filter.user_id !== principal.user.id) {
			throw forbidden('UserNotAuthorized', `${type} is a private event: filter.user_id ${filter.user_id} is not the authenticated user ${principal.user.id}.`);
		}
	}
	if (ctx.options.xaaRefusedEventTypes?.includes(type)) {
		throw new ReplyError({
			status: 403,
			body: {
				title: 'Forbidden',
				detail: `Your account is not permitted to subscribe to ${type} events (not included in your access level).`,
				type: 'https://api.twitter.com/2/problems/client-forbidden',
				status: 403,
			},
		});
	}
	const now = new Date().toISOString();
	return {
		subscription_id: snowflakeId(),
		event_type: type,
		filter,
		...(body.tag !== undefined ? { tag: checkedTag(body.tag) } : {}),
		...(body.webhook_id !== undefined ? { webhook_id: findWebhook(ctx.state, body.webhook_id).id } : {}),
		created_at: now,
		updated_at: now,
	};
}
