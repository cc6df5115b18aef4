import {
	type XSubscriptionCount,
	type XSubscriptionList,
	subscribedSchema,
	subscriptionCountSchema,
	subscriptionListSchema,
} from '../schemas/xResponses';
import { type XRequestContext, xApiCall, xApiRequest } from '../transport/xApi';
import { parseResponse } from './parse';

/** Account Activity API v2 subscriptions (docs/x-webhooks-and-account-activity.md). */

const subscriptionPath = (webhookId: string) =>
	`/2/account_activity/webhooks/${encodeURIComponent(webhookId)}/subscriptions/all`;

/** Subscribes the credential's account; `existing` when X says it already was (DuplicateSubscriptionFailed). */
export async function subscribeUser(
	this: XRequestContext,
	webhookId: string,
): Promise<'created' | 'existing'> {
	const { toleratedReason } = await xApiCall.call(this, 'user', {
		method: 'POST',
		path: subscriptionPath(webhookId),
		tolerate: ['DuplicateSubscriptionFailed'],
	});
	return toleratedReason ? 'existing' : 'created';
}

export async function isUserSubscribed(this: XRequestContext, webhookId: string): Promise<boolean> {
	const body = await xApiRequest.call(this, 'user', {
		method: 'GET',
		path: subscriptionPath(webhookId),
	});
	return parseResponse(this.getNode(), subscribedSchema, body, 'checking the subscription').data
		.subscribed;
}

/** `absent` when there was nothing to remove, which is what the caller wanted anyway. */
export async function unsubscribeUser(
	this: XRequestContext,
	webhookId: string,
	userId: string,
): Promise<'removed' | 'absent'> {
	const { toleratedReason } = await xApiCall.call(this, 'app', {
		method: 'DELETE',
		path: `/2/account_activity/webhooks/${encodeURIComponent(webhookId)}/subscriptions/${encodeURIComponent(userId)}/all`,
		tolerate: ['SubscriptionNotFound'],
	});
	return toleratedReason ? 'absent' : 'removed';
}

export async function listSubscriptions(
	this: XRequestContext,
	webhookId: string,
): Promise<XSubscriptionList> {
	const body = await xApiRequest.call(this, 'app', {
		method: 'GET',
		path: `${subscriptionPath(webhookId)}/list`,
	});
	return parseResponse(this.getNode(), subscriptionListSchema, body, 'listing subscriptions').data;
}

export async function countSubscriptions(this: XRequestContext): Promise<XSubscriptionCount> {
	const body = await xApiRequest.call(this, 'app', {
		method: 'GET',
		path: '/2/account_activity/subscriptions/count',
	});
	return parseResponse(this.getNode(), subscriptionCountSchema, body, 'counting subscriptions')
		.data;
}
