import { invalidRequest } from '../errors';
import type { Webhook, XState } from '../state';

const WEBHOOK_ID = /^[0-9]{1,19}$/;

/** Looks a webhook up the way every X endpoint that takes one does: malformed or unknown ids are both WebhookIdInvalid. */
export function findWebhook(state: XState, id: unknown): Webhook {
	const webhook =
		typeof id === 'string' && WEBHOOK_ID.test(id)
			? state.webhooks.find((w) => w.id === id)
			: undefined;
	if (!webhook)
		throw invalidRequest(
			'WebhookIdInvalid',
			`Webhook id ${String(id)} was not found or is not associated with this app.`,
		);
	return webhook;
}

/** Webhooks subscribed to `userId`'s events; invalid ones get nothing sent until a PUT passes (delivery.ts), as on X. */
export function webhooksForUser(state: XState, userId: string): Webhook[] {
	return state.webhooks.filter((w) =>
		state.subscriptions.some((s) => s.webhookId === w.id && s.userId === userId),
	);
}
