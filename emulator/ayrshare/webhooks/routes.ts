import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { ayrshareEndpoint, type AyrshareContext } from '../endpoint';
import { ayrshareError } from '../errors';
import type { AyrshareWebhook } from '../state';

const ACTION = /^[A-Za-z][A-Za-z0-9]{0,49}$/;
const DAY = 24 * 60 * 60 * 1000;

function validUrl(value: unknown, strict: boolean): string {
	let url: URL;
	try {
		url = new URL(String(value));
	} catch {
		throw ayrshareError(400, 141, 'Invalid webhook URL.');
	}
	if (!/^https?:$/.test(url.protocol) || (strict && url.protocol !== 'https:'))
		throw ayrshareError(400, 141, 'The webhook URL must use https.');
	return url.toString();
}

/** `/api/hook/webhook`: one URL per action and profile; the list answers an object keyed by action. */
export function registerAyrshareWebhookRoutes(router: Router, ctx: AyrshareContext): void {
	const { state, options } = ctx;
	const ofProfile = (refId: string) => state.webhooks.filter((w) => w.refId === refId);

	router.add(
		'POST',
		'/api/hook/webhook',
		ayrshareEndpoint(ctx, 'any', (req, profile) => {
			const body = parseJsonBody<Record<string, unknown>>(req) ?? {};
			if (typeof body.action !== 'string' || !ACTION.test(body.action))
				throw ayrshareError(400, 140, 'Missing or invalid action.');
			const url = validUrl(body.url, options.strictUrls);
			const secret = typeof body.secret === 'string' && body.secret ? body.secret : null;
			const now = new Date().toISOString();
			const existing = state.webhooks.find(
				(w) => w.refId === profile.refId && w.action === body.action,
			);
			if (existing) Object.assign(existing, { url, secret, updated: now });
			else {
				const webhook: AyrshareWebhook = {
					refId: profile.refId,
					action: body.action,
					url,
					secret,
					previousSecret: null,
					previousSecretUntil: null,
					created: now,
					updated: now,
				};
				state.webhooks.push(webhook);
			}
			return json(200, { status: 'success', action: body.action, url, refId: profile.refId });
		}),
	);

	router.add(
		'DELETE',
		'/api/hook/webhook',
		ayrshareEndpoint(ctx, 'any', (req, profile) => {
			const action = parseJsonBody<{ action?: unknown }>(req)?.action;
			if (typeof action !== 'string' || !action) throw ayrshareError(400, 140, 'Missing action.');
			const webhook = ofProfile(profile.refId).find((w) => w.action === action);
			if (!webhook)
				throw ayrshareError(404, 142, `No webhook registered for the action "${action}".`);
			state.webhooks = state.webhooks.filter((w) => w !== webhook);
			return json(200, { status: 'success', action });
		}),
	);

	router.add(
		'GET',
		'/api/hook/webhook',
		ayrshareEndpoint(ctx, 'any', (_req, profile) => {
			const webhooks = ofProfile(profile.refId);
			const updated =
				webhooks
					.map((w) => w.updated)
					.sort()
					.pop() ?? null;
			return json(200, {
				status: 'success',
				...Object.fromEntries(webhooks.map((w) => [w.action, w.url])),
				...(updated ? { updated } : {}),
			});
		}),
	);

	router.add(
		'POST',
		'/api/hook/webhook/secret',
		ayrshareEndpoint(ctx, 'any', (req, profile) => {
			const secret = parseJsonBody<{ secret?: unknown }>(req)?.secret;
			if (typeof secret !== 'string' || secret.length < 8)
				throw ayrshareError(400, 143, 'The secret must be a string of at least 8 characters.');
			const webhooks = ofProfile(profile.refId);
			if (!webhooks.length)
				throw ayrshareError(400, 144, 'No webhooks are registered for this profile.');
			const until = new Date(Date.now() + DAY).toISOString();
			// The old secret keeps signing for 24 hours so receivers can switch over.
			for (const w of webhooks)
				Object.assign(w, {
					previousSecret: w.secret,
					previousSecretUntil: w.secret ? until : null,
					secret,
					updated: new Date().toISOString(),
				});
			return json(200, {
				status: 'success',
				refId: profile.refId,
				message: 'Webhook secret rotated. The previous secret stays valid for 24 hours.',
			});
		}),
	);
}
