import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import {
	AAA_EVENT_TYPES,
	isAaaEventType,
	type AaaOverrides,
} from '../../x/events/accountActivityEvents';
import { deliverAyrshare, type AyrshareDeliverOptions } from '../delivery';
import type { AyrshareContext } from '../endpoint';
import { buildAccountActivityBodies } from '../events/accountActivity';
import { ACTION_VARIANTS, buildActionBody } from '../events/actions';
import type { AyrshareProfile, AyrshareWebhook } from '../state';

interface InjectBody extends AyrshareDeliverOptions {
	action?: unknown;
	/** accountActivity: an AAA event type (`post.mention`…); other actions: a variant of ACTION_VARIANTS. */
	type?: string;
	/** The profile the event happens on; none: the primary profile. */
	profileKey?: string;
	count?: number;
	/** accountActivity: passed to the X emulator's builders (`actorId`, `text`, `id`). */
	overrides?: AaaOverrides;
	/** Merged into the body's top level, e.g. a fixed `hookId` or `retryAttempt`. */
	fields?: Record<string, unknown>;
}

/** The test-only side door for Ayrshare (`/_emulator/ayrshare/...`, no auth). */
export function registerAyrshareInjectionRoutes(router: Router, ctx: AyrshareContext): void {
	const { state, options } = ctx;

	const profileFor = (profileKey: string | undefined): AyrshareProfile | undefined =>
		profileKey ? state.profiles.find((p) => p.profileKey === profileKey) : state.primary;

	// A User Profile's own webhook wins; otherwise its events fall back to the primary profile's (API-NOTES §4).
	const webhookFor = (profile: AyrshareProfile, action: string): AyrshareWebhook | undefined =>
		state.webhooks.find((w) => w.refId === profile.refId && w.action === action) ??
		state.webhooks.find((w) => w.refId === state.primary.refId && w.action === action);

	router.add('GET', '/_emulator/ayrshare/event-types', () =>
		json(200, { accountActivity: AAA_EVENT_TYPES, ...ACTION_VARIANTS }),
	);

	router.add('POST', '/_emulator/ayrshare/events', async (req) => {
		const input = parseJsonBody<InjectBody>(req) ?? {};
		if (typeof input.action !== 'string' || !input.action)
			return json(400, { error: 'expected {action, type?, profileKey?, ...}' });
		const action = input.action;
		const profile = profileFor(input.profileKey);
		if (!profile) return json(400, { error: `no profile with key ${input.profileKey}` });
		const webhook = webhookFor(profile, action);
		if (!webhook)
			return json(200, {
				bodies: [],
				deliveries: [],
				note: `no ${action} webhook for profile ${profile.refId} or the primary profile; nothing was delivered`,
			});

		const scene = {
			profile,
			url: webhook.url,
			now: new Date(),
			hookId: typeof input.fields?.hookId === 'string' ? input.fields.hookId : undefined,
		};
		let bodies: Array<Record<string, unknown>>;
		if (action === 'accountActivity') {
			if (!isAaaEventType(input.type))
				return json(400, {
					error: `unknown accountActivity type ${String(input.type)}`,
					types: AAA_EVENT_TYPES,
				});
			if (!profile.xAccountActivityActive) {
				return json(200, {
					bodies: [],
					deliveries: [],
					note: `xAccountActivityActive is off for profile ${profile.refId}; Ayrshare forwards nothing`,
				});
			}
			bodies = buildAccountActivityBodies({
				...scene,
				type: input.type,
				overrides: input.overrides,
				count: input.count,
				options,
			});
		} else {
			bodies = Array.from({ length: Math.max(1, input.count ?? 1) }, () =>
				buildActionBody(action, scene, input.type),
			);
		}
		bodies = bodies.map((body) => ({ ...body, ...input.fields }));
		const deliveries = [];
		for (const body of bodies)
			deliveries.push(...(await deliverAyrshare(ctx, webhook, body, input)));
		return json(200, { bodies, deliveries });
	});
}
