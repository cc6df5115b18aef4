import { createHmac } from 'node:crypto';

import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { ayrshareEndpoint, type AyrshareContext } from '../endpoint';
import { ayrshareError } from '../errors';
import { checkXKeys } from '../xKeys';

const base64url = (value: string): string => Buffer.from(value).toString('base64url');

/**
 * `POST /api/profiles/generateJWT`: a linking-page URL for a User Profile, signed with the
 * account's private key. The token is a real HS256 JWT so clients can decode it; Ayrshare signs RS256.
 */
export function registerLinkRoute(router: Router, ctx: AyrshareContext): void {
	router.add(
		'POST',
		'/api/profiles/generateJWT',
		ayrshareEndpoint(ctx, 'primary', (req) => {
			const body = parseJsonBody<Record<string, unknown>>(req) ?? {};
			// Linking with your own X app: the keys are optional here, but checked when given.
			checkXKeys(ctx, req, { required: false });
			const { domain, privateKey, profileKey } = body;
			if (typeof domain !== 'string' || domain !== ctx.options.ayrshare.domain)
				throw ayrshareError(400, 189, 'Domain not valid for this account.');
			// Never echo the key back, even in the error.
			if (
				typeof privateKey !== 'string' ||
				privateKey.trim() !== ctx.options.ayrshare.privateKey.trim()
			) {
				throw ayrshareError(
					400,
					190,
					'Private key not valid. Use the private key from your onboarding.',
				);
			}
			const profile = ctx.state.profiles.find((p) => p.profileKey === profileKey);
			if (!profile) throw ayrshareError(404, 136, 'Profile Key not found.');
			const expiresIn = Number(body.expiresIn) > 0 ? Number(body.expiresIn) : 5;
			const now = Math.floor(Date.now() / 1000);
			const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
			const payload = base64url(
				JSON.stringify({ profileKey: profile.refId, domain, iat: now, exp: now + expiresIn * 60 }),
			);
			const signature = createHmac('sha256', privateKey)
				.update(`${header}.${payload}`)
				.digest('base64url');
			const token = `${header}.${payload}.${signature}`;
			return json(200, {
				status: 'success',
				title: profile.title,
				token,
				url: `https://profile.ayrshare.com?domain=${encodeURIComponent(domain)}&jwt=${token}`,
				emailSent: false,
				expiresIn: `${expiresIn}m`,
			});
		}),
	);
}
