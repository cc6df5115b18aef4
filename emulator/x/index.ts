import type { Router } from '../core/router';
import { registerActivity } from './activity';
import { registerAppTokenRoute } from './auth/appTokenRoute';
import { xReply, type XContext } from './endpoint';
import { problemBody } from './errors';
import { registerInboxRoutes } from './inbox';
import { registerXInjectionRoutes } from './inject/routes';
import { registerReplayRoutes } from './replay/routes';
import { registerSubscriptionRoutes } from './subscriptions/routes';
import { registerUserRoutes } from './users/routes';
import { registerWebhookRoutes } from './webhooks/routes';

/** Mounts the emulated X API (`/2/...`) and its injection routes. The X Activity API lives in `activity/`. */
export function registerX(router: Router, ctx: XContext): void {
	registerAppTokenRoute(router, ctx);
	registerReplayRoutes(router, ctx);
	registerWebhookRoutes(router, ctx);
	registerSubscriptionRoutes(router, ctx);
	registerUserRoutes(router, ctx);
	registerXInjectionRoutes(router, ctx);
	registerInboxRoutes(router, ctx);
	registerActivity(router, ctx);
	router.fallback('/2/', () => xReply({ status: 404, body: problemBody(404) }));
}
