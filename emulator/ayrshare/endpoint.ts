import { takeFailRule, type FailRule } from '../core/fail-hook';
import { hitRateLimit, type RateVerdict } from '../core/rate-limiter';
import { ReplyError, type Reply } from '../core/reply';
import type { Handler, RequestContext } from '../core/router';
import type { EmulatorOptions } from '../options';
import { constantTimeEqual } from '../x/signing';
import { ayrshareError, ayrshareErrorBody, DEFAULT_MESSAGES } from './errors';
import type { AyrshareProfile, AyrshareState } from './state';
import { recordXKeys } from './xKeys';

/** What every Ayrshare route needs: configuration, the Ayrshare state and the shared fail rules. */
export interface AyrshareContext {
	options: EmulatorOptions;
	state: AyrshareState;
	failRules: FailRule[];
}

/** `primary`: only the primary profile may call (Profile-Key refused); `any`: whichever profile is named. */
export type ProfileScope = 'any' | 'primary';

export type AyrshareHandler = (
	req: RequestContext,
	profile: AyrshareProfile,
) => Reply | Promise<Reply>;

const FIVE_MINUTES = 5 * 60 * 1000;

/**
 * Wraps an Ayrshare route with what every Ayrshare endpoint does: canned failures (the fail
 * hook), the API key, the profile named by `Profile-Key` (none: the primary profile), the
 * per-profile rate limit; every answer carries `x-ratelimit-max`/`x-ratelimit-count`.
 */
export function ayrshareEndpoint(
	ctx: AyrshareContext,
	scope: ProfileScope,
	handler: AyrshareHandler,
): Handler {
	return async (req) => {
		const canned = takeFailRule(ctx.failRules, req.method, req.path);
		if (canned) {
			const body =
				canned.body ??
				ayrshareErrorBody(canned.status, DEFAULT_MESSAGES[canned.status] ?? 'Error.');
			return { status: canned.status, body, headers: canned.headers };
		}
		recordXKeys(ctx, req);
		try {
			authenticate(req, ctx.options.ayrshare.apiKey);
			const profile = resolveProfile(req, ctx.state, scope);
			const verdict = hitRateLimit(
				ctx.state.rateWindows,
				profile.refId,
				ctx.options.ayrshare.rateLimit,
				Date.now(),
				FIVE_MINUTES,
			);
			const headers = rateHeaders(verdict);
			if (verdict.limited)
				return { ...ayrshareError(429, 429, DEFAULT_MESSAGES[429]).reply, headers };
			const reply = await runHandler(handler, req, profile);
			return { ...reply, headers: { ...headers, ...reply.headers } };
		} catch (error) {
			if (error instanceof ReplyError) return error.reply;
			throw error;
		}
	};
}

async function runHandler(
	handler: AyrshareHandler,
	req: RequestContext,
	profile: AyrshareProfile,
): Promise<Reply> {
	try {
		return await handler(req, profile);
	} catch (error) {
		if (error instanceof ReplyError) return error.reply;
		throw error;
	}
}

function authenticate(req: RequestContext, apiKey: string): void {
	const bearer = /^\s*Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	if (!bearer || !constantTimeEqual(bearer[1], apiKey))
		throw ayrshareError(401, 102, DEFAULT_MESSAGES[401]);
}

function resolveProfile(
	req: RequestContext,
	state: AyrshareState,
	scope: ProfileScope,
): AyrshareProfile {
	const header = req.headers['profile-key'];
	const key = typeof header === 'string' ? header : '';
	if (!key) return state.primary;
	if (scope === 'primary')
		throw ayrshareError(
			403,
			170,
			'This endpoint is only available to the primary profile. Remove the Profile-Key header.',
		);
	const profile = state.profiles.find((p) => p.profileKey === key);
	if (!profile)
		throw ayrshareError(404, 136, 'Profile Key not found. Check the Profile-Key header.');
	if (profile.suspended) throw ayrshareError(403, 169, 'This User Profile is suspended.');
	return profile;
}

function rateHeaders(v: RateVerdict): Record<string, string> {
	return { 'x-ratelimit-max': String(v.limit), 'x-ratelimit-count': String(v.limit - v.remaining) };
}
