import type { Router } from '../../core/router';
import { json } from '../../core/reply';
import { userOf } from '../auth/authenticate';
import { xEndpoint, type XContext } from '../endpoint';

/** `GET /2/users/me`: what credential tests call to prove a user-context login works. */
export function registerUserRoutes(router: Router, ctx: XContext): void {
	router.add(
		'GET',
		'/2/users/me',
		xEndpoint(ctx, { group: 'users', auth: ['user'] }, (_req, principal) => {
			const { id, name, username } = userOf(principal);
			return json(200, { data: { id, name, username } });
		}),
	);
}
