import { json } from '../core/reply';
import type { Router } from '../core/router';
import type { AyrshareContext } from './endpoint';
import { ayrshareErrorBody } from './errors';
import { registerProfileRoutes } from './profiles/routes';
import { registerAyrshareUserRoutes } from './user/routes';
import { registerAyrshareWebhookRoutes } from './webhooks/routes';

/**
 * Mounts the emulated Ayrshare API under `/api/...` (Ayrshare's base URL is `<emulator>/api`).
 * Signed webhook delivery would be one more register call here.
 */
export function registerAyrshare(router: Router, ctx: AyrshareContext): void {
	registerAyrshareUserRoutes(router, ctx);
	registerProfileRoutes(router, ctx);
	registerAyrshareWebhookRoutes(router, ctx);
	router.fallback('/api/', (req) => json(404, ayrshareErrorBody(404, `Not found: ${req.method} ${req.path}`)));
}
