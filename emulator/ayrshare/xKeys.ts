import type { RequestContext } from '../core/router';
import { constantTimeEqual } from '../x/signing';
import type { AyrshareContext } from './endpoint';
import { ayrshareError } from './errors';

/**
 * Ayrshare's bring-your-own X keys. Rules, from Ayrshare's "Set Up Your Own X API Key" page
 * (dashboard/connect-social-accounts/x-twitter-byo-keys) and its generateJWT page:
 * - the keys travel as `X-Twitter-OAuth1-Api-Key` / `X-Twitter-OAuth1-Api-Secret` headers, "the
 *   same two headers on every request", account-wide (not per profile);
 * - "Starting March 31, all X/Twitter operations through Ayrshare will require your own X API
 *   credentials. After this date, requests without BYO credentials will be rejected" (option
 *   `ayrshare.requireXKeys`, on by default);
 * - generateJWT: the secret is "Required when X-Twitter-OAuth1-Api-Key is provided".
 * Guesses: which of the emulated endpoints count as X operations (switching X Account Activity on,
 * and linking with keys given); the error codes and wording; and that keys of another X app than
 * the emulator's are refused (Ayrshare would only learn that from X).
 */
export const X_KEY_HEADER = 'x-twitter-oauth1-api-key';
export const X_SECRET_HEADER = 'x-twitter-oauth1-api-secret';

function header(req: RequestContext, name: string): string | undefined {
	const value = req.headers[name];
	return typeof value === 'string' && value ? value : undefined;
}

/** Every Ayrshare request's BYO headers, as received (the secret only as "sent"), for tests to read. */
export function recordXKeys(ctx: AyrshareContext, req: RequestContext): void {
	ctx.state.xKeyRequests.push({
		method: req.method,
		path: req.path,
		apiKey: header(req, X_KEY_HEADER) ?? null,
		secretSent: header(req, X_SECRET_HEADER) !== undefined,
	});
}

/** Throws Ayrshare's error for an X operation whose BYO keys are missing (when required), half given or not the app's. */
export function checkXKeys(
	ctx: AyrshareContext,
	req: RequestContext,
	{ required }: { required: boolean },
): void {
	const key = header(req, X_KEY_HEADER);
	const secret = header(req, X_SECRET_HEADER);
	if (!key && !secret) {
		if (required && ctx.options.ayrshare.requireXKeys) {
			throw ayrshareError(
				403,
				440,
				'X operations require your own X API credentials. Send your X API Key and API Secret in the X-Twitter-OAuth1-Api-Key and X-Twitter-OAuth1-Api-Secret headers.',
			);
		}
		return;
	}
	if (!key || !secret) {
		throw ayrshareError(
			400,
			441,
			'X-Twitter-OAuth1-Api-Key and X-Twitter-OAuth1-Api-Secret must be sent together.',
		);
	}
	const keyOk = constantTimeEqual(key, ctx.options.app.consumerKey);
	const secretOk = constantTimeEqual(secret, ctx.options.app.consumerSecret);
	if (!keyOk || !secretOk)
		throw ayrshareError(
			401,
			442,
			'X did not accept the X API Key and API Secret. Check the keys of your X Developer App.',
		);
}
