import { json } from '../../core/reply';
import { parseJsonBody, type RequestContext, type Router } from '../../core/router';
import { hexId, randomToken } from '../../x/ids';
import { ayrshareEndpoint, type AyrshareContext } from '../endpoint';
import { ayrshareError } from '../errors';
import { newProfile, type AyrshareProfile, type AyrshareState } from '../state';
import { checkXKeys } from '../xKeys';
import { registerLinkRoute } from './link';

type Body = Record<string, unknown>;

const PAGE_SIZE_MAX = 100;
const SETTINGS = ['hideTopHeader', 'topHeader', 'email', 'team'] as const;

function profileView(p: AyrshareProfile): Body {
	return {
		status: 'active',
		title: p.title,
		displayTitle: p.title,
		created: { _seconds: Math.floor(Date.parse(p.created) / 1000), _nanoseconds: 0 },
		createdUTC: p.created,
		refId: p.refId,
		activeSocialAccounts: p.linked.map((l) => l.platform),
		tags: p.tags,
		xAccountActivityActive: p.xAccountActivityActive,
		messagingActive: p.messagingActive,
	};
}

/** PATCH and DELETE act on the profile in `Profile-Key`, or, from the primary, on `profileKey` in the body. */
function targetProfile(state: AyrshareState, caller: AyrshareProfile, body: Body): AyrshareProfile {
	if (caller.profileKey) return caller;
	if (typeof body.profileKey === 'string' && body.profileKey) {
		const profile = state.profiles.find((p) => p.profileKey === body.profileKey);
		if (profile) return profile;
		throw ayrshareError(404, 136, 'Profile Key not found.');
	}
	if (typeof body.title === 'string') {
		const profile = state.profiles.find((p) => p.title === body.title);
		if (profile) return profile;
	}
	throw ayrshareError(400, 137, 'Profile-Key header or profileKey in the body is required.');
}

/**
 * X Account Activity can be switched on only after Ayrshare enabled it for the account and an
 * `accountActivity` webhook exists; Ayrshare reports that as a 200 whose status is "error".
 */
function accountActivityRefusal(ctx: AyrshareContext, profile: AyrshareProfile): Body | undefined {
	if (!ctx.options.ayrshare.accountActivityEnabled) {
		return {
			status: 'error',
			code: 365,
			message:
				'X Account Activity is not enabled for your account. Contact your account representative.',
		};
	}
	if (
		!ctx.state.webhooks.some((w) => w.refId === profile.refId && w.action === 'accountActivity')
	) {
		return {
			status: 'error',
			code: 366,
			message:
				'Register an accountActivity webhook for this profile before enabling X Account Activity.',
		};
	}
	if (!profile.linked.some((l) => l.platform === 'twitter')) {
		return {
			status: 'error',
			code: 367,
			message: 'Link an X account to this profile before enabling X Account Activity.',
		};
	}
	return undefined;
}

function applyUpdate(profile: AyrshareProfile, body: Body): void {
	if (typeof body.title === 'string' && body.title) profile.title = body.title;
	if (typeof body.messagingActive === 'boolean') profile.messagingActive = body.messagingActive;
	if (typeof body.xAccountActivityActive === 'boolean')
		profile.xAccountActivityActive = body.xAccountActivityActive;
	if (Array.isArray(body.tags)) profile.tags = body.tags.map(String);
	if (Array.isArray(body.disableSocial)) profile.disableSocial = body.disableSocial.map(String);
	for (const key of SETTINGS) if (body[key] !== undefined) profile.settings[key] = body[key];
}

function listProfiles(state: AyrshareState, req: RequestContext): Body {
	const title = req.query.get('title');
	const refId = req.query.get('refId');
	const matching = state.profiles.filter(
		(p) => (!title || p.title === title) && (!refId || p.refId === refId),
	);
	const limit = Math.min(
		Math.max(Number(req.query.get('limit')) || PAGE_SIZE_MAX, 1),
		PAGE_SIZE_MAX,
	);
	// The cursor is the refId of the last profile already returned.
	const cursor = req.query.get('cursor');
	const start = cursor ? matching.findIndex((p) => p.refId === cursor) + 1 : 0;
	const page = matching.slice(start, start + limit);
	const hasMore = start + limit < matching.length;
	return {
		profiles: page.map(profileView),
		count: matching.length,
		lastUpdated: new Date().toISOString(),
		nextUpdate: new Date(Date.now() + 60_000).toISOString(),
		pagination: { hasMore, nextCursor: hasMore ? page[page.length - 1].refId : null, limit },
	};
}

/** `/api/profiles`: create, list, update, delete, plus the linking-page URL. */
export function registerProfileRoutes(router: Router, ctx: AyrshareContext): void {
	const { state } = ctx;

	registerLinkRoute(router, ctx);

	router.add(
		'POST',
		'/api/profiles',
		ayrshareEndpoint(ctx, 'primary', (req) => {
			const body = parseJsonBody<Body>(req) ?? {};
			const title = typeof body.title === 'string' ? body.title.trim() : '';
			if (!title) throw ayrshareError(400, 146, 'Missing title. A profile title is required.');
			if (state.profiles.some((p) => p.title === title))
				throw ayrshareError(400, 146, `A profile with the title "${title}" already exists.`);
			const profile = newProfile(title, hexId(), `${randomToken(12)}-emu-profile`);
			applyUpdate(profile, body);
			state.profiles.push(profile);
			return json(200, {
				status: 'success',
				title,
				refId: profile.refId,
				profileKey: profile.profileKey,
			});
		}),
	);

	router.add(
		'GET',
		'/api/profiles',
		ayrshareEndpoint(ctx, 'primary', (req) => json(200, listProfiles(state, req))),
	);

	router.add(
		'PATCH',
		'/api/profiles',
		ayrshareEndpoint(ctx, 'any', (req, caller) => {
			const body = parseJsonBody<Body>(req) ?? {};
			const profile = targetProfile(state, caller, { ...body, title: undefined });
			// Switching X Account Activity on is an X operation (guess, see xKeys.ts).
			if (body.xAccountActivityActive === true) checkXKeys(ctx, req, { required: true });
			const refusal =
				body.xAccountActivityActive === true ? accountActivityRefusal(ctx, profile) : undefined;
			if (refusal) return json(200, refusal);
			applyUpdate(profile, body);
			return json(200, { status: 'success', refId: profile.refId });
		}),
	);

	router.add(
		'DELETE',
		'/api/profiles',
		ayrshareEndpoint(ctx, 'any', (req, caller) => {
			const profile = targetProfile(state, caller, parseJsonBody<Body>(req) ?? {});
			state.profiles = state.profiles.filter((p) => p !== profile);
			state.webhooks = state.webhooks.filter((w) => w.refId !== profile.refId);
			return json(200, { status: 'success', refId: profile.refId });
		}),
	);
}
