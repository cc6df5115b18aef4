import { sendRequest } from '../core/http-client';
import type { XContext } from './endpoint';
import { snowflakeId } from './ids';
import { webhookSignature } from './signing';
import type { Delivery, DeliveryKind, Webhook } from './state';

export type SignatureMode = 'valid' | 'invalid' | 'missing';

export interface DeliverOptions {
	kind: DeliveryKind;
	signature?: SignatureMode;
	contentType?: string;
	/** Extra attempts after a failure; defaults to the emulator's `retries` option. */
	retries?: number;
}

/** POSTs one body to one webhook as X does (signed over the exact bytes), retrying on non-2xx, and records every attempt. */
export async function deliver(ctx: XContext, webhook: Webhook, body: string, opts: DeliverOptions): Promise<Delivery[]> {
	const { app } = ctx.options;
	const signature = signatureFor(opts.signature ?? 'valid', app.consumerSecret, body);
	const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
	if (signature !== null) headers['x-twitter-webhooks-signature'] = signature;

	const attempts: Delivery[] = [];
	const maxAttempts = 1 + (opts.retries ?? ctx.options.retries);
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		if (attempt > 1) await sleep(ctx.options.retryDelayMs);
		const res = await sendRequest({ method: 'POST', url: webhook.url, headers, body, timeoutMs: ctx.options.deliveryTimeoutMs });
		const now = Date.now();
		const delivery: Delivery = {
			id: snowflakeId(now),
			webhookId: webhook.id,
			url: webhook.url,
			kind: opts.kind,
			attempt,
			status: res.status,
			error: res.error,
			responseBody: res.body,
			at: new Date(now).toISOString(),
			atMs: now,
			body,
			signature,
		};
		ctx.state.deliveries.push(delivery);
		attempts.push(delivery);
		ctx.options.log(`deliver ${opts.kind} -> ${webhook.url} attempt ${attempt}: ${res.status ?? res.error}`);
		if (res.status !== null && res.status >= 200 && res.status < 300) break;
	}
	return attempts;
}

function signatureFor(mode: SignatureMode, secret: string, body: string): string | null {
	if (mode === 'missing') return null;
	// An invalid signature is a well-formed one made with the wrong key, the hardest kind to tell apart.
	return webhookSignature(mode === 'valid' ? secret : `${secret}-wrong`, body);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
