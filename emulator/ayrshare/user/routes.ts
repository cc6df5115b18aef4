import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { ayrshareEndpoint, type AyrshareContext } from '../endpoint';

/** `GET /api/user`: the profile's details, with one `displayNames` entry per linked network. */
export function registerAyrshareUserRoutes(router: Router, ctx: AyrshareContext): void {
	router.add(
		'GET',
		'/api/user',
		ayrshareEndpoint(ctx, 'any', (_req, profile) =>
			json(200, {
				title: profile.title,
				refId: profile.refId,
				created: profile.created,
				activeSocialAccounts: profile.linked.map((l) => l.platform),
				displayNames: profile.linked.map((l) => ({
					...l,
					created: profile.created,
					type: 'personal',
				})),
				xAccountActivityActive: profile.xAccountActivityActive,
				messagingActive: profile.messagingActive,
			}),
		),
	);
}
