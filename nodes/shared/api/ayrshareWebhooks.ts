import { type AyrshareWebhookEntry, statusSchema, webhookListSchema, webhookRegisteredSchema } from '../schemas/ayrshareResponses';
import { type AyrshareRequestContext, ayrshareApiRequest } from '../transport/ayrshareApi';
import { parseResponse } from './parse';

/** Ayrshare webhooks (API-NOTES §4), per action and per profile; shared by the trigger and the action node. */

/** Should Ayrshare ever echo the signing secret, it must not reach an output item. */
function withoutSecret<T extends Record<string, unknown>>(answer: T): Omit<T, 'secret'> {
	const copy: Record<string, unknown> = { ...answer };
	delete copy.secret;
	return copy as Omit<T, 'secret'>;
}

/** The URL must be HTTPS and final: Ayrshare does not follow redirects. */
export async function registerAyrshareWebhook(
	this: AyrshareRequestContext,
	request: { action: string; url: string; secret?: string; profileKey?: string },
) {
	const body = await ayrshareApiRequest.call(this, {
		method: 'POST',
		path: '/hook/webhook',
		body: { action: request.action, url: request.url, ...(request.secret ? { secret: request.secret } : {}) },
		profileKey: request.profileKey,
		hint: 'The URL must be public HTTPS and answer directly, without redirects.',
	});
	return withoutSecret(parseResponse(this.getNode(), webhookRegisteredSchema, body, 'registering the webhook'));
}

export async function unregisterAyrshareWebhook(this: AyrshareRequestContext, action: string, profileKey?: string) {
	const body = await ayrshareApiRequest.call(this, { method: 'DELETE', path: '/hook/webhook', body: { action }, profileKey });
	return parseResponse(this.getNode(), statusSchema, body, 'unregistering the webhook');
}

export async function listAyrshareWebhooks(this: AyrshareRequestContext, profileKey?: string): Promise<AyrshareWebhookEntry[]> {
	const body = await ayrshareApiRequest.call(this, { method: 'GET', path: '/hook/webhook', profileKey });
	return parseResponse(this.getNode(), webhookListSchema, body, 'listing webhooks');
}

/** Ayrshare signs with both the old and the new secret for 24 hours, so receivers can switch over. */
export async function rotateAyrshareWebhookSecret(this: AyrshareRequestContext, secret: string, profileKey?: string) {
	const body = await ayrshareApiRequest.call(this, { method: 'POST', path: '/hook/webhook/secret', body: { secret }, profileKey });
	return withoutSecret(parseResponse(this.getNode(), statusSchema, body, 'rotating the webhook secret'));
}
