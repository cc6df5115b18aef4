import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { ReplyError } from '../../core/reply';
import type { Principal } from '../auth/authenticate';
import { xEndpoint, type XContext } from '../endpoint';
import { invalidRequest, unsupportedAuthentication } from '../errors';
import { snowflakeId } from '../ids';
import type { ActivitySubscription } from '../state';
import { findWebhook } from '../webhooks/store';
import { familyOf, isActivityEventType } from './catalog';

/** Per app on the self-serve tier (API-NOTES §3). */
const SUBSCRIPTION_LIMIT = 1500;
const FILTER_FIELDS = ['user_id', 'keyword', 'direction'];

interface CreateBody {
	event_type?: unknown;
	filter?: unknown;
	tag?: unknown;
	webhook_id?: unknown;
}

/** `POST/GET/PUT/DELETE /2/activity/subscriptions`, validated as X documents it. */
export function registerActivityRoutes(router: Router, ctx: XContext): void {
	const { state } = ctx;
	const either = { group: 'subscriptions', auth: ['app', 'user'] } as const;
	const appOnly = { group: 'subscriptions', auth: ['app'] } as const;
	const total = () => ({ total_subscriptions: state.activitySubscriptions.length });

	router.add(
		'POST',
		'/2/activity/subscriptions',
		xEndpoint(ctx, either, (req, principal) => {
			const body = parseJsonBody<CreateBody>(req) ?? {};
			const subscription = validated(ctx, body, principal);
			if (state.activitySubscriptions.length >= SUBSCRIPTION_LIMIT) {
				throw invalidRequest('SubscriptionLimitExceeded', `The application has reached its subscription limit (${SUBSCRIPTION_LIMIT}).`);
			}
			state.activitySubscriptions.push(subscription);
			return json(200, { data: { subscription } });
		}),
	);

	router.add(
		'GET',
		'/2/activity/subscriptions',
		xEndpoint(ctx, either, (req) => {
			const max = Math.min(Math.max(Number(req.query.get('max_results') ?? 100) || 100, 1), 1000);
			const start = Number(req.query.get('pagination_token') ?? 0) || 0;
			const page = state.activitySubscriptions.slice(start, start + max);
			const next = start + max < state.activitySubscriptions.length ? String(start + max) : undefined;
			return json(200, { data: page, meta: { result_count: page.length, ...(next ? { next_token: next } : {}), ...total() } });
		}),
	);

	router.add(
		'PUT',
		'/2/activity/subscriptions/:id',
		xEndpoint(ctx, appOnly, (req) => {
			const subscription = find(ctx, req.params.id);
			const body = parseJsonBody<Record<string, unknown>>(req) ?? {};
			const extra = Object.keys(body).filter((key) => key !== 'tag' && key !== 'webhook_id');
			if (extra.length) throw invalidRequest('InvalidRequest', `Only tag and webhook_id can be updated (got ${extra.join(', ')}); delete and recreate to change the filter or event type.`);
			if (body.webhook_id !== undefined) subscription.webhook_id = findWebhook(state, body.webhook_id).id;
			if (body.tag !== undefined) subscription.tag = String(body.tag);
			subscription.updated_at = new Date().toISOString();
			return json(200, { data: { subscription } });
		}),
	);

	router.add(
		'DELETE',
		'/2/activity/subscriptions/:id',
		xEndpoint(ctx, appOnly, (req) => {
			const subscription = find(ctx, req.params.id);
			state.activitySubscriptions = state.activitySubscriptions.filter((s) => s !== subscription);
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
			const missing = ids.filter((id) => !known.has(id));
			state.activitySubscriptions = state.activitySubscriptions.filter((s) => !ids.includes(s.subscription_id));
			const errors = missing.map((id) => ({ resource_id: id, message: `SubscriptionNotFound: subscription ${id} does not exist.` }));
			return json(200, { data: { deleted: missing.length < ids.length }, ...(errors.length ? { errors } : {}), meta: total() });
		}),
	);
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

/** Every check X documents, in the order a client would hit them. */
function validated(ctx: XContext, body: CreateBody, principal: Principal): ActivitySubscription {
	const type = body.event_type;
	if (!isActivityEventType(type)) throw invalidRequest('InvalidEventType', `Unknown event_type ${JSON.stringify(type)}.`);
	const family = familyOf(type);
	if (family.private && principal.kind !== 'user') throw unsupportedAuthentication(principal.kind, ['user']);

	const filter = (body.filter ?? {}) as Record<string, unknown>;
	if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidRequest('InvalidFilter', 'filter must be an object.');
	const unknown = Object.keys(filter).filter((key) => !FILTER_FIELDS.includes(key));
	if (unknown.length) throw invalidRequest('InvalidFilter', `Unknown filter field(s): ${unknown.join(', ')}.`);
	if (filter.direction !== undefined) {
		if (!family.direction) throw invalidRequest('InvalidFilter', `direction is not allowed for ${type}.`);
		if (filter.direction !== 'inbound' && filter.direction !== 'outbound') throw invalidRequest('InvalidFilter', 'direction must be inbound or outbound.');
	}
	if (family.filter === 'user' && typeof filter.user_id !== 'string') throw invalidRequest('InvalidFilter', `${type} needs filter.user_id.`);
	if (family.filter === 'app' && Object.keys(filter).length) throw invalidRequest('InvalidFilter', `${type} takes an empty filter.`);
	if (family.filter === 'keyword' && typeof filter.keyword !== 'string') throw invalidRequest('InvalidFilter', `${type} needs filter.keyword.`);
	if (family.actorOnly && !(principal.kind === 'user' && principal.user.id === filter.user_id)) {
		throw invalidRequest('InvalidFilter', `${type} subscriptions are actor-only: filter.user_id must be the authenticated user.`);
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
		filter: filter as ActivitySubscription['filter'],
		...(typeof body.tag === 'string' ? { tag: body.tag } : {}),
		...(body.webhook_id !== undefined ? { webhook_id: findWebhook(ctx.state, body.webhook_id).id } : {}),
		created_at: now,
		updated_at: now,
	};
}
