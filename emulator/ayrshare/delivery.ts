import { sendRequest } from '../core/http-client';
import { stringifyJson } from '../core/json';
import { sleep } from '../x/delivery';
import type { AyrshareContext } from './endpoint';
import { ayrshareSignature, type SignatureEncoding } from './signing';
import type { AyrshareDelivery, AyrshareWebhook } from './state';

export interface AyrshareDeliverOptions {
	/** `invalid` signs with a wrong secret; `missing` sends no signature headers at all. */
	signature?: 'valid' | 'invalid' | 'missing';
	encoding?: SignatureEncoding;
	/** Shifts `X-Authorization-Timestamp`, to test stale deliveries. */
	timestampOffsetSec?: number;
	/** Extra attempts after a non-2xx; defaults to the emulator's `retries` option. */
	retries?: number;
}

/**
 * Signing headers for one attempt. During the 24 h after a rotation both secrets sign: the
 * main header keeps the old secret (what receivers verify today), `-V2` carries the new one.
 */
function signingHeaders(
	ctx: AyrshareContext,
	webhook: AyrshareWebhook,
	body: string,
	opts: AyrshareDeliverOptions,
): Record<string, string> {
	if (!webhook.secret || opts.signature === 'missing') return {};
	const encoding = opts.encoding ?? ctx.options.ayrshare.signatureEncoding;
	const sign = (secret: string) =>
		ayrshareSignature(opts.signature === 'invalid' ? `${secret}-wrong` : secret, body, encoding);
	const rotating =
		webhook.previousSecret &&
		webhook.previousSecretUntil &&
		Date.parse(webhook.previousSecretUntil) > Date.now();
	const timestamp = String(Math.floor(Date.now() / 1000) + (opts.timestampOffsetSec ?? 0));
	if (rotating) {
		return {
			'X-Authorization-Timestamp': timestamp,
			'X-Authorization-Content-SHA256': sign(webhook.previousSecret as string),
			'X-Authorization-Content-SHA256-V2': sign(webhook.secret),
		};
	}
	return {
		'X-Authorization-Timestamp': timestamp,
		'X-Authorization-Content-SHA256': sign(webhook.secret),
	};
}

/** POSTs one event as Ayrshare does, retrying on non-2xx with the body's `retryAttempt` counting up (each attempt signed anew). */
export async function deliverAyrshare(
	ctx: AyrshareContext,
	webhook: AyrshareWebhook,
	event: Record<string, unknown>,
	opts: AyrshareDeliverOptions = {},
): Promise<AyrshareDelivery[]> {
	const attempts: AyrshareDelivery[] = [];
	const maxAttempts = 1 + (opts.retries ?? ctx.options.retries);
	const firstRetry = typeof event.retryAttempt === 'number' ? event.retryAttempt : 0;
	for (let attempt = 0; attempt < maxAttempts; attempt++) {
		if (attempt > 0) await sleep(ctx.options.retryDelayMs);
		const body = stringifyJson({ ...event, retryAttempt: firstRetry + attempt });
		const headers = {
			'content-type': 'application/json',
			...signingHeaders(ctx, webhook, body, opts),
		};
		const res = await sendRequest({
			method: 'POST',
			url: webhook.url,
			headers,
			body,
			timeoutMs: ctx.options.deliveryTimeoutMs,
		});
		const delivery: AyrshareDelivery = {
			hookId: String(event.hookId ?? ''),
			action: webhook.action,
			refId: webhook.refId,
			url: webhook.url,
			retryAttempt: firstRetry + attempt,
			status: res.status,
			error: res.error,
			responseBody: res.body,
			at: new Date().toISOString(),
			body,
			headers,
		};
		ctx.state.deliveries.push(delivery);
		attempts.push(delivery);
		ctx.options.log(
			`ayrshare deliver ${webhook.action} -> ${webhook.url} retryAttempt ${delivery.retryAttempt}: ${res.status ?? res.error}`,
		);
		if (res.status !== null && res.status >= 200 && res.status < 300) break;
	}
	return attempts;
}
