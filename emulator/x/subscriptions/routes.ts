import type { Router } from '../../core/router';
import { json } from '../../core/reply';
import { userOf } from '../auth/authenticate';
import { xEndpoint, type XContext } from '../endpoint';
import { invalidRequest } from '../errors';
import { findWebhook } from '../webhooks/store';

/** Account Activity API v2 subscriptions. Subscribe and check act on the authenticating user, so they need user context. */
export function registerSubscriptionRoutes(router: Router, ctx: XContext): void {
	const { state, options } = ctx;
	const userContext = { group: 'subscriptions', auth: ['user'] } as const;
	const appOnly = { group: 'subscriptions', auth: ['app'] } as const;
	const isSubscribed = (webhookId: string, userId: string): boolean =>
		state.subscriptions.some((s) => s.webhookId === webhookId && s.userId === userId);

	router.add(
		'POST',
		'/2/account_activity/webhooks/:wid/subscriptions/all',
		xEndpoint(ctx, userContext, (req, principal) => {
			const webhook = findWebhook(state, req.params.wid);
			const userId = userOf(principal).id;
			if (isSubscribed(webhook.id, userId)) {
				throw invalidRequest(
					'DuplicateSubscriptionFailed',
					`A subscription for user ${userId} already exists for webhook ${webhook.id}.`,
				);
			}
			if (state.subscriptions.length >= options.subscriptionLimit) {
				throw invalidRequest(
					'SubscriptionLimitExceeded',
					`The application has reached its subscription limit (${options.subscriptionLimit}).`,
				);
			}
			state.subscriptions.push({
				webhookId: webhook.id,
				userId,
				createdAt: new Date().toISOString(),
			});
			return json(200, { data: { subscribed: true } });
		}),
	);

	router.add(
		'GET',
		'/2/account_activity/webhooks/:wid/subscriptions/all',
		xEndpoint(ctx, userContext, (req, principal) => {
			const webhook = findWebhook(state, req.params.wid);
			return json(200, { data: { subscribed: isSubscribed(webhook.id, userOf(principal).id) } });
		}),
	);

	router.add(
		'GET',
		'/2/account_activity/webhooks/:wid/subscriptions/all/list',
		xEndpoint(ctx, appOnly, (req) => {
			const webhook = findWebhook(state, req.params.wid);
			const subscriptions = state.subscriptions
				.filter((s) => s.webhookId === webhook.id)
				.map((s) => ({ user_id: s.userId }));
			return json(200, {
				data: {
					application_id: options.app.appId,
					webhook_id: webhook.id,
					webhook_url: webhook.url,
					subscriptions,
				},
			});
		}),
	);

	router.add(
		'DELETE',
		'/2/account_activity/webhooks/:wid/subscriptions/:userId/all',
		xEndpoint(ctx, appOnly, (req) => {
			const webhook = findWebhook(state, req.params.wid);
			const { userId } = req.params;
			if (!isSubscribed(webhook.id, userId)) {
				throw invalidRequest(
					'SubscriptionNotFound',
					`No subscription exists for user ${userId} on webhook ${webhook.id}.`,
				);
			}
			state.subscriptions = state.subscriptions.filter(
				(s) => !(s.webhookId === webhook.id && s.userId === userId),
			);
			return json(200, { data: { subscribed: false } });
		}),
	);

	router.add(
		'GET',
		'/2/account_activity/subscriptions/count',
		xEndpoint(ctx, { group: 'subscriptionCount', auth: ['app'] }, () => {
			// X sends these counts as strings.
			const total = String(state.subscriptions.length);
			return json(200, {
				data: {
					account_name: options.app.accountName,
					provisioned_count: String(options.subscriptionLimit),
					subscriptions_count_all: total,
					subscriptions_count_direct_messages: total,
				},
			});
		}),
	);
}
