import CryptoJS from 'crypto-js';

import { takeFailRule } from '../../core/fail-hook';
import { ReplyError } from '../../core/reply';
import type { RequestContext, Router } from '../../core/router';
import { xReply, type XContext } from '../endpoint';
import { constantTimeEqual } from '../signing';

/**
 * `POST /oauth2/token`: X's app-only bearer token, minted from the app's consumer key and secret.
 * Rules, from developer.x.com "POST oauth2/token" and docs.x.com "App only authentication and
 * OAuth 2.0 Bearer Token":
 * - HTTP Basic authentication: base64 of the RFC 1738-encoded key, ":" and the RFC 1738-encoded secret.
 * - `grant_type=client_credentials` in the form-encoded body ("only client_credentials is allowed");
 *   the newer page's curl example passes it in the query string, so both are accepted.
 * - "Only one bearer token may exist outstanding for an application, and repeated requests to this
 *   method will yield the same already-existent token": always the app's configured bearer token.
 * - Success: `{"token_type":"bearer","access_token":"…"}`.
 * - Failures are "rejected with a HTTP 403 with code 99". The label and message below are what
 *   developers report X answering for wrong keys (guess: X's pages do not show the body), as is
 *   code 170 for a missing grant_type (guess).
 */
export function registerAppTokenRoute(router: Router, ctx: XContext): void {
	router.add('POST', '/oauth2/token', (req) => {
		const canned = takeFailRule(ctx.failRules, req.method, req.path);
		if (canned)
			return xReply(
				{ status: canned.status, body: canned.body ?? credentialsError().reply.body },
				canned.headers,
			);
		try {
			checkBasicAuth(req, ctx);
			const grantType =
				new URLSearchParams(req.rawBody).get('grant_type') ?? req.query.get('grant_type');
			if (grantType === null)
				throw tokenError(
					170,
					'forbidden_missing_parameter',
					'Missing required parameter: grant_type',
				);
			if (grantType !== 'client_credentials') throw credentialsError();
			ctx.state.appTokensIssued++;
			return xReply({
				status: 200,
				body: { token_type: 'bearer', access_token: ctx.options.app.bearerToken },
			});
		} catch (error) {
			if (error instanceof ReplyError) return xReply(error.reply);
			throw error;
		}
	});
}

function checkBasicAuth(req: RequestContext, ctx: XContext): void {
	const basic = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
	if (!basic) throw credentialsError();
	const decoded = CryptoJS.enc.Base64.parse(basic[1]).toString(CryptoJS.enc.Utf8);
	const colon = decoded.indexOf(':');
	if (colon < 0) throw credentialsError();
	const key = rfc1738Decode(decoded.slice(0, colon));
	const secret = rfc1738Decode(decoded.slice(colon + 1));
	const { consumerKey, consumerSecret } = ctx.options.app;
	// Both compared, always: which half was wrong must not show in the timing.
	const keyOk = constantTimeEqual(key, consumerKey);
	const secretOk = constantTimeEqual(secret, consumerSecret);
	if (!keyOk || !secretOk) throw credentialsError();
}

function rfc1738Decode(value: string): string {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}

function tokenError(code: number, label: string, message: string): ReplyError {
	return new ReplyError({ status: 403, body: { errors: [{ code, label, message }] } });
}

function credentialsError(): ReplyError {
	return tokenError(99, 'authenticity_token_error', 'Unable to verify your credentials');
}
