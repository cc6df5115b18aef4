import { json } from '../core/reply';
import type { Router } from '../core/router';
import type { AyrshareContext } from './endpoint';
import { ayrshareErrorBody } from './errors';
import { registerAyrshareInjectionRoutes } from './inject/routes';
import { registerProfileRoutes } from './profiles/routes';
import { registerAyrshareUserRoutes } from './user/routes';
import { registerAyrshareWebhookRoutes } from './webhooks/routes';

/**
 * Mounts the emulated Ayrshare API under `/api/...` (Ayrshare's base URL is `<emulator>/api`)
 * and its injection routes under `/_emulator/ayrshare/...` (signed webhook deliveries).
 */
export function registerAyrshare(router: Router, ctx: AyrshareContext): void {
	registerAyrshareUserRoutes(router, ctx);
	registerProfileRoutes(router, ctx);
	registerAyrshareWebhookRoutes(router, ctx);
	registerAyrshareInjectionRoutes(router, ctx);
	router.fallback('/api/', (req) =>
		json(404, ayrshareErrorBody(404, `Not found: ${req.method} ${req.path}`)),
	);
}
