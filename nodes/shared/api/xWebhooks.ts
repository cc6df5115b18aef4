import {
	type XWebhook,
	webhookCreatedSchema,
	webhookListSchema,
	webhookValidatedSchema,
} from '../schemas/xResponses';
import { type XRequestContext, xApiCall, xApiRequest } from '../transport/xApi';
import { parseResponse } from './parse';

/** X's `/2/webhooks` registry (docs/x-webhooks-and-account-activity.md), shared by the trigger and the action node. */

export async function listWebhooks(this: XRequestContext): Promise<XWebhook[]> {
	const body = await xApiRequest.call(this, 'app', { method: 'GET', path: '/2/webhooks' });
	return parseResponse(this.getNode(), webhookListSchema, body, 'listing webhooks').data ?? [];
}

/** X runs its CRC against the URL before it answers, so the URL must already respond. */
export async function registerWebhook(this: XRequestContext, url: string): Promise<XWebhook> {
	const body = await xApiRequest.call(this, 'app', {
		method: 'POST',
		path: '/2/webhooks',
		body: { url },
	});
	return parseResponse(this.getNode(), webhookCreatedSchema, body, 'registering the webhook').data;
}

/** Re-runs X's CRC; a 200 only says the check ran, `valid` says whether it passed. */
export async function revalidateWebhook(
	this: XRequestContext,
	webhookId: string,
): Promise<boolean> {
	const body = await xApiRequest.call(this, 'app', {
		method: 'PUT',
		path: `/2/webhooks/${encodeURIComponent(webhookId)}`,
	});
	return parseResponse(this.getNode(), webhookValidatedSchema, body, 'validating the webhook').data
		.valid;
}

/** `absent` when X no longer knows the webhook, which is what the caller wanted anyway. */
export async function deleteWebhook(
	this: XRequestContext,
	webhookId: string,
): Promise<'deleted' | 'absent'> {
	const { toleratedReason } = await xApiCall.call(this, 'app', {
		method: 'DELETE',
		path: `/2/webhooks/${encodeURIComponent(webhookId)}`,
		tolerate: ['WebhookIdInvalid'],
	});
	return toleratedReason ? 'absent' : 'deleted';
}
