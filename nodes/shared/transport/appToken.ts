import { createHash } from 'node:crypto';

import { type ICredentialDataDecryptedObject, type JsonObject, NodeApiError } from 'n8n-workflow';

import { percentEncode } from '../crypto/oauth1';
import { appTokenSchema } from '../schemas/xResponses';
import { asObject, type RequestContext, sendWithCredential } from './send';
import { parseXError } from './xErrors';

/**
 * X's app-only bearer token, obtained from the X OAuth1 User credential's API Key and Secret when
 * a node has no X App Bearer Token credential, so one X credential is enough. X's "App only
 * authentication and OAuth 2.0 Bearer Token" page (docs.x.com) and "POST oauth2/token"
 * (developer.x.com): HTTP Basic with the RFC 1738-encoded key and secret, body
 * `grant_type=client_credentials`; an app has one token at a time and "tokens received by this
 * method should be cached" (asking too often is refused).
 *
 * The cache lives in this n8n process's memory only, keyed by a hash of the base URL, key and
 * secret (a changed secret is a new entry), bounded, and never logged.
 */
export const APP_TOKEN_PATH = '/oauth2/token';

const MAX_CACHED_TOKENS = 32;
const tokens = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

/** True for the token request itself, which the credential authenticates with Basic, not OAuth 1.0a. */
export function isAppTokenRequest(method: string | undefined, url: string): boolean {
	if ((method ?? 'GET').toUpperCase() !== 'POST') return false;
	try {
		return new URL(url).pathname.replace(/\/+$/, '').endsWith(APP_TOKEN_PATH);
	} catch {
		return false;
	}
}

/** `Basic base64(key:secret)`, both RFC 1738-encoded first as X's application-only page says. */
export function appTokenBasicAuth(consumerKey: string, consumerSecret: string): string {
	return `Basic ${Buffer.from(`${percentEncode(consumerKey)}:${percentEncode(consumerSecret)}`, 'utf8').toString('base64')}`;
}

function cacheKey(credentials: ICredentialDataDecryptedObject): string {
	const parts = [credentials.baseUrl, credentials.consumerKey, credentials.consumerSecret].map(
		(part) => String(part ?? ''),
	);
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function remember(key: string, token: string): void {
	tokens.delete(key);
	tokens.set(key, token);
	while (tokens.size > MAX_CACHED_TOKENS) tokens.delete(tokens.keys().next().value as string);
}

/**
 * The app's bearer token for the OAuth1 credential `credentialType`: cached, else minted (one
 * request at a time per key). `refresh` drops a cached token X no longer accepts.
 */
export async function appBearerToken(
	this: RequestContext,
	credentialType: string,
	{ refresh = false } = {},
): Promise<string> {
	const key = cacheKey(await this.getCredentials(credentialType));
	if (refresh) tokens.delete(key);
	const cached = tokens.get(key);
	if (cached) return cached;
	let minting = pending.get(key);
	if (!minting) {
		minting = mintAppToken.call(this, credentialType).finally(() => pending.delete(key));
		pending.set(key, minting);
	}
	const token = await minting;
	remember(key, token);
	return token;
}

async function mintAppToken(this: RequestContext, credentialType: string): Promise<string> {
	const { statusCode, body } = await sendWithCredential.call(this, credentialType, 'X', {
		method: 'POST',
		url: APP_TOKEN_PATH,
		body: 'grant_type=client_credentials',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
	});
	const parsed = appTokenSchema.safeParse(body);
	if (statusCode < 400 && parsed.success) return parsed.data.access_token;
	throw appTokenError(this.getNode(), statusCode, body);
}

function appTokenError(
	node: ReturnType<RequestContext['getNode']>,
	statusCode: number,
	body: unknown,
): NodeApiError {
	const { detail } = parseXError(body);
	const first = asObject(
		Array.isArray(asObject(body).errors) ? (asObject(body).errors as unknown[])[0] : undefined,
	);
	const code = typeof first.code === 'number' ? ` (code ${first.code})` : '';
	const said =
		statusCode < 400
			? 'X answered without a token'
			: `X said: “${detail ?? `HTTP ${statusCode}`}”${code}`;
	return new NodeApiError(node, asObject(body) as JsonObject, {
		message: 'X did not give an app token for the X OAuth1 User credential',
		description:
			`X refused the app’s bearer token for the X OAuth1 User credential’s API Key and API Key Secret (asked for because this node has no X App Bearer Token credential). ${said}. ` +
			'Check both keys (paste them again if you regenerated them in the developer portal), or add an X App Bearer Token credential to the node.',
		httpCode: String(statusCode),
	});
}
