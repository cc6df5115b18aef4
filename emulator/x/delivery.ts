import { emulatorNow } from '../core/clock';
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

/**
 * X's retries (enterprise guide "Account Activity API: retries"): a delivery not answered 200 within
 * 3 seconds is sent again "up to three times over a five-minute period". The spacing is not
 * published; these waits are a guess: the second try a couple of seconds after the first, the last
 * one five minutes after it.
 */
export const X_RETRY_WAITS_MS = [2_000, 58_000, 240_000];

function retryWaits(ctx: XContext, retries: number | undefined): number[] {
	const { options } = ctx;
	if (retries !== undefined) return Array.from({ length: retries }, () => options.retryDelayMs);
	if (options.retrySchedule === 'x')
		return X_RETRY_WAITS_MS.map((wait) => wait * options.timeScale);
	return Array.from({ length: options.retries }, () => options.retryDelayMs);
}

/** POSTs one body to one webhook as X does (signed over the exact bytes), retrying on non-2xx, and records every attempt. */
export async function deliver(
	ctx: XContext,
	webhook: Webhook,
	body: string,
	opts: DeliverOptions,
): Promise<Delivery[]> {
	const { app } = ctx.options;
	const signature = signatureFor(opts.signature ?? 'valid', app.consumerSecret, body);
	const headers: Record<string, string> = {
		'content-type': opts.contentType ?? 'application/json',
	};
	if (signature !== null) headers['x-twitter-webhooks-signature'] = signature;

	if (!webhook.valid && opts.kind === 'event') {
		// X sends nothing to a webhook it marked invalid; the event is still the subscription's, and a
		// replay covers it (see replay/job.ts).
		const now = emulatorNow(ctx.options);
		const skipped: Delivery = {
			id: snowflakeId(now),
			webhookId: webhook.id,
			url: webhook.url,
			kind: opts.kind,
			attempt: 1,
			status: null,
			error: 'not attempted: the webhook is marked invalid',
			notAttempted: true,
			responseBody: '',
			at: new Date(now).toISOString(),
			atMs: now,
			body,
			signature,
		};
		ctx.state.deliveries.push(skipped);
		return [skipped];
	}

	const attempts: Delivery[] = [];
	const waits = retryWaits(ctx, opts.retries);
	for (let attempt = 1; attempt <= 1 + waits.length; attempt++) {
		if (attempt > 1) await sleep(waits[attempt - 2]);
		const res = await sendRequest({
			method: 'POST',
			url: webhook.url,
			headers,
			body,
			timeoutMs: ctx.options.deliveryTimeoutMs,
		});
		const now = emulatorNow(ctx.options);
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
		ctx.options.log(
			`deliver ${opts.kind} -> ${webhook.url} attempt ${attempt}: ${res.status ?? res.error}`,
		);
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
