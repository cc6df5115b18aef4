import type { RequestContext } from '../../core/router';
import type { EmulatorOptions, XUser } from '../../options';
import type { XState } from '../state';
import { problem, unsupportedAuthentication } from '../errors';
import { constantTimeEqual } from '../signing';
import { baseUriOf, hmacSha1Signature, parseOAuthHeader, requestParameters, signatureBaseString } from './oauth1Verifier';

export type AuthKind = 'app' | 'user';
export type Principal = { kind: 'app' } | { kind: 'user'; user: XUser };

/**
 * Identifies the caller (bearer token = app-only, OAuth 1.0a = user context) and checks the endpoint
 * accepts that kind. Throws X's 401 for missing or bad credentials and 403 for the wrong kind.
 */
export function authenticate(req: RequestContext, options: EmulatorOptions, state: XState, accepted: readonly AuthKind[]): Principal {
	const principal = identify(req, options, state);
	if (!accepted.includes(principal.kind)) throw unsupportedAuthentication(principal.kind, accepted);
	return principal;
}

function identify(req: RequestContext, options: EmulatorOptions, state: XState): Principal {
	const header = req.headers.authorization ?? '';
	const bearer = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
	if (bearer) {
		// Bearer tokens are often stored URL-encoded (they contain %3D etc.); accept either spelling.
		const token = bearer[1];
		const ok = constantTimeEqual(token, options.app.bearerToken) || constantTimeEqual(safeDecode(token), options.app.bearerToken);
		if (!ok) throw problem(401);
		return { kind: 'app' };
	}
	const oauth = parseOAuthHeader(header);
	if (oauth) return { kind: 'user', user: verifyOAuth1(req, oauth, options, state) };
	throw problem(401);
}

function verifyOAuth1(req: RequestContext, oauth: Record<string, string>, options: EmulatorOptions, state: XState): XUser {
	const { app } = options;
	const user = options.users.find((u) => u.accessToken !== undefined && u.accessToken === oauth.oauth_token);
	const now = Math.floor(Date.now() / 1000);
	const timestamp = Number(oauth.oauth_timestamp);
	const valid =
		user !== undefined &&
		oauth.oauth_consumer_key === app.consumerKey &&
		oauth.oauth_signature_method === 'HMAC-SHA1' &&
		(oauth.oauth_version === undefined || oauth.oauth_version === '1.0') &&
		typeof oauth.oauth_nonce === 'string' &&
		oauth.oauth_nonce.length > 0 &&
		Number.isFinite(timestamp) &&
		Math.abs(now - timestamp) <= options.oauthTimestampSkewSec &&
		typeof oauth.oauth_signature === 'string';
	if (!valid) throw problem(401);

	const query = req.query.toString();
	const url = `${req.origin}${req.path}${query ? `?${query}` : ''}`;
	const base = signatureBaseString(req.method, baseUriOf(url), requestParameters(url, oauth, formBody(req)));
	const expected = hmacSha1Signature(base, app.consumerSecret, user.accessTokenSecret ?? '');
	if (!constantTimeEqual(expected, oauth.oauth_signature)) throw problem(401);

	rememberNonce(state, `${oauth.oauth_nonce}:${oauth.oauth_timestamp}`, now, options.oauthTimestampSkewSec);
	return user;
}

/** A signed request may be sent once; a replayed nonce is refused as X does. */
function rememberNonce(state: XState, key: string, now: number, ttlSec: number): void {
	for (const [k, t] of Object.entries(state.nonces)) if (now - t > ttlSec) delete state.nonces[k];
	if (key in state.nonces) throw problem(401);
	state.nonces[key] = now;
}

/** RFC 5849 §3.4.1.3.1 signs a form-encoded body too; JSON bodies are not part of the signature. */
function formBody(req: RequestContext): string | undefined {
	const type = String(req.headers['content-type'] ?? '');
	return type.startsWith('application/x-www-form-urlencoded') ? req.rawBody : undefined;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** The user behind a user-context principal; endpoints that declare `auth: ['user']` can rely on it. */
export function userOf(principal: Principal): XUser {
	if (principal.kind !== 'user') throw unsupportedAuthentication(principal.kind, ['user']);
	return principal.user;
}
