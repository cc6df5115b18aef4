import { emulatorNow } from '../../core/clock';
import { sendRequest } from '../../core/http-client';
import type { XContext } from '../endpoint';
import { randomToken } from '../ids';
import { crcResponseToken } from '../signing';
import type { CrcCheck } from '../state';

/** Sends X's challenge-response check to `url` for real and records the outcome. */
export async function runCrc(ctx: XContext, url: string, webhookId?: string): Promise<CrcCheck> {
	const crcToken = randomToken();
	const target = new URL(url);
	target.searchParams.set('crc_token', crcToken);
	target.searchParams.set('nonce', randomToken(12));
	const res = await sendRequest({
		method: 'GET',
		url: target.toString(),
		headers: { 'user-agent': 'Emulated-Twitter-CRC' },
		timeoutMs: ctx.options.crcTimeoutMs,
	});
	const reason = crcFailure(
		res.status,
		res.body,
		res.error,
		crcResponseToken(ctx.options.app.consumerSecret, crcToken),
	);
	const check: CrcCheck = {
		webhookId,
		url,
		crcToken,
		at: new Date(emulatorNow(ctx.options)).toISOString(),
		status: res.status,
		ok: !reason,
		reason,
	};
	ctx.state.crcChecks.push(check);
	ctx.options.log(`CRC ${url} -> ${reason ?? 'ok'}`);
	return check;
}

function crcFailure(
	status: number | null,
	body: string,
	error: string | undefined,
	expected: string,
): string | undefined {
	if (status === null) return `Failed to validate the webhook url - ${error ?? 'no response'}`;
	if (status !== 200)
		return `Failed to validate the webhook url - it returned a non-200 response code (${status})`;
	let token: unknown;
	try {
		token = (JSON.parse(body) as { response_token?: unknown }).response_token;
	} catch {
		return 'Failed to validate the webhook url - the response was not valid JSON';
	}
	if (token !== expected)
		return 'Failed to validate the webhook url - the response_token did not match';
	return undefined;
}
