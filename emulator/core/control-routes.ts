import type { EmulatorState } from '../state';
import { resetState } from '../state';
import { addFailRuleHandler } from './fail-hook';
import { json } from './reply';
import type { Router } from './router';

/** Service-independent `/_emulator` routes: inspect and reset the state, queue canned failures. */
export function registerControlRoutes(router: Router, state: EmulatorState): void {
	router.add('GET', '/_emulator/state', () => json(200, state));
	router.add('POST', '/_emulator/reset', () => {
		resetState(state);
		return json(200, { reset: true });
	});
	router.add('POST', '/_emulator/fail', addFailRuleHandler(state.failRules));
	router.fallback('/_emulator/', (req) => json(404, { error: `no emulator route ${req.method} ${req.path}` }));
}
