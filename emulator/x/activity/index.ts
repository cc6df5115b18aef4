import type { Router } from '../../core/router';
import type { XContext } from '../endpoint';
import { registerActivityInjection } from './inject';
import { registerActivityRoutes } from './routes';

/** The X Activity API: subscriptions under `/2/activity/...` and the injection route that fires its events. */
export function registerActivity(router: Router, ctx: XContext): void {
	registerActivityRoutes(router, ctx);
	registerActivityInjection(router, ctx);
}
