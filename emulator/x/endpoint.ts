import { takeFailRule, type FailRule } from '../core/fail-hook';
import { stringifyJson, X_JSON_STYLE } from '../core/json';
import { hitRateLimit, type RateVerdict } from '../core/rate-limiter';
import { ReplyError, type Reply } from '../core/reply';
import type { Handler, RequestContext } from '../core/router';
import type { EmulatorOptions, RateGroup } from '../options';
import { authenticate, type AuthKind, type Principal } from './auth/authenticate';
import { problemBody } from './errors';
import type { XState } from './state';

/** What every X route needs: configuration, the X state and the shared fail rules. */
export interface XContext {
	options: EmulatorOptions;
	state: XState;
	failRules: FailRule[];
}

export interface EndpointSpec {
	group: RateGroup;
	auth: readonly AuthKind[];
}

export type XHandler = (req: RequestContext, principal: Principal) => Reply | Promise<Reply>;

/**
 * Wraps an X route with what every real X endpoint does, in X's order: canned failures (the fail
 * hook), rate limiting, authentication, then the handler; every answer carries the rate-limit
 * headers and is serialised in X's JSON style.
 */
export function xEndpoint(ctx: XContext, spec: EndpointSpec, handler: XHandler): Handler {
	return async (req) => {
		const verdict = hitRateLimit(
			ctx.state.rateWindows,
			spec.group,
			ctx.options.rateLimits[spec.group],
		);
		const canned = takeFailRule(ctx.failRules, req.method, req.path);
		if (canned) {
			const headers = {
				...rateHeaders(canned.status === 429 ? { ...verdict, remaining: 0 } : verdict),
				...canned.headers,
			};
			return xReply(
				{ status: canned.status, body: canned.body ?? problemBody(canned.status) },
				headers,
			);
		}
		if (verdict.limited)
			return xReply({ status: 429, body: problemBody(429) }, rateHeaders(verdict));
		let reply: Reply;
		try {
			reply = await handler(req, authenticate(req, ctx.options, ctx.state, spec.auth));
		} catch (error) {
			if (!(error instanceof ReplyError)) throw error;
			reply = error.reply;
		}
		return xReply(reply, rateHeaders(verdict));
	};
}

function rateHeaders(v: RateVerdict): Record<string, string> {
	return {
		'x-rate-limit-limit': String(v.limit),
		'x-rate-limit-remaining': String(v.remaining),
		'x-rate-limit-reset': String(v.reset),
	};
}

/** Serialises like X (escaped slashes, ASCII only); a body given as a string is sent as is. */
export function xReply(reply: Reply, headers: Record<string, string> = {}): Reply {
	const raw =
		reply.raw ??
		(typeof reply.body === 'string'
			? reply.body
			: reply.body === undefined
				? undefined
				: stringifyJson(reply.body, X_JSON_STYLE));
	return {
		status: reply.status,
		raw,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers, ...reply.headers },
	};
}
