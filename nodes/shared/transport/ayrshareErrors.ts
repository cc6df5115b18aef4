import { type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { asObject } from './send';

/**
 * Turns Ayrshare's failures into messages a no-code user can act on. Ayrshare fails with a
 * non-2xx status or with a 200 whose body says `status: "error"` (docs/ayrshare.md); either way the
 * body carries `code` and `message`, sometimes inside `errors[]`.
 */

export interface AyrshareErrorResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

export function isAyrshareFailure(statusCode: number, body: unknown): boolean {
	return statusCode < 200 || statusCode >= 300 || asObject(body).status === 'error';
}

export function parseAyrshareError(body: unknown): { code: string | null; message: string | null } {
	const object = asObject(body);
	const first = asObject(Array.isArray(object.errors) ? object.errors[0] : undefined);
	const message = [object.message, first.message, object.error].find(
		(v) => typeof v === 'string' && v,
	) as string | undefined;
	const code = [object.code, first.code].find(
		(v) => typeof v === 'string' || typeof v === 'number',
	);
	return { code: code === undefined ? null : String(code), message: message ?? null };
}

/** Ayrshare counts requests per profile in a 5-minute window and says how far along it is. */
function retryAdvice(headers: Record<string, unknown> = {}): string {
	const max = Number(headers['x-ratelimit-max']);
	const count = Number(headers['x-ratelimit-count']);
	const retryAfter = Number(headers['retry-after']);
	const usage =
		Number.isFinite(max) && max > 0
			? ` (${Number.isFinite(count) ? count : max} of ${max} requests used)`
			: '';
	const wait =
		Number.isFinite(retryAfter) && retryAfter > 0
			? `in ${retryAfter} seconds`
			: 'in 5 minutes, when the window resets';
	return `Ayrshare allows 300 requests per 5 minutes per profile${usage}. Try again ${wait}; repeated 429s can get the profile suspended, so slow the workflow down (e.g. with a Wait node or batching).`;
}

/**
 * Since 2026-03-31 Ayrshare rejects X operations without the customer's own X app keys (Ayrshare,
 * "Set Up Your Own X API Key"). Its error codes for that are not published, so the wording decides.
 */
const BYO_X_KEYS = /X[- ]API[- ](Key|Secret|credential)|X-Twitter-OAuth1|BYO/i;

function advice(
	statusCode: number,
	said: string,
	headers?: Record<string, unknown>,
	message?: string | null,
): { message: string; description: string } {
	if (message && BYO_X_KEYS.test(message) && statusCode < 500 && statusCode !== 429)
		return {
			message: 'Ayrshare needs your own X API keys for this',
			description: `Ayrshare rejects X operations without the keys of your own X app (since 31 March 2026). Put its API Key and API Key Secret into the Ayrshare credential’s X API Key and X API Key Secret.${said}`,
		};
	if (statusCode === 401)
		return {
			message: 'Ayrshare did not accept the API key',
			description: `Check the API Key in the Ayrshare credential.${said}`,
		};
	if (statusCode === 403)
		return {
			message: 'Ayrshare refused this request',
			description: `User Profiles and webhooks need an Ayrshare plan that includes them, and a suspended profile refuses every call.${said}`,
		};
	if (statusCode === 404)
		return {
			message: 'Ayrshare could not find what this request names',
			description: `Check the Profile Key (in the operation or the credential) and that the profile still exists.${said}`,
		};
	if (statusCode === 429)
		return { message: 'Ayrshare rate limit reached', description: retryAdvice(headers) };
	if (statusCode >= 500)
		return {
			message: `Ayrshare is having trouble (HTTP ${statusCode})`,
			description: `Try again in a few minutes.${said}`,
		};
	return {
		message: 'Ayrshare rejected the request',
		description: said.trim() || 'Ayrshare gave no reason.',
	};
}

/** `hint` adds what the operation knows about its own preconditions to rejections (4xx or status "error"). */
export function ayrshareApiError(
	node: INode,
	response: AyrshareErrorResponse,
	hint?: string,
): NodeApiError {
	const { code, message } = parseAyrshareError(response.body);
	const said = message ? ` Ayrshare said: “${message}”${code ? ` (code ${code})` : ''}` : '';
	const base = advice(response.statusCode, said, response.headers, message);
	const rejected =
		response.statusCode < 500 && response.statusCode !== 429 && response.statusCode !== 401;
	const error = new NodeApiError(node, asObject(response.body) as JsonObject, {
		message: base.message,
		description: hint && rejected ? `${base.description} ${hint}` : base.description,
		httpCode: String(response.statusCode),
	});
	error.context.ayrshareCode = code;
	error.context.httpStatus = response.statusCode;
	return error;
}
