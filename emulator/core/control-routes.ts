import type { EmulatorState } from '../state';
import { resetState } from '../state';
import { addFailRuleHandler } from './fail-hook';
import { json } from './reply';
import { parseJsonBody, type Router } from './router';
import { emulatorNow } from './clock';

/** Service-independent `/_emulator` routes: inspect and reset the state, queue canned failures. */
export function registerControlRoutes(
	router: Router,
	state: EmulatorState,
	clock: { clockOffsetMs: number },
): void {
	router.add('GET', '/_emulator/state', () => json(200, state));
	// The test clock: `{offsetMs}` sets, `{advanceMs}` adds; both answer the emulator's new now.
	router.add('POST', '/_emulator/clock', (req) => {
		const input = parseJsonBody<{ offsetMs?: unknown; advanceMs?: unknown }>(req) ?? {};
		if (typeof input.offsetMs === 'number') clock.clockOffsetMs = input.offsetMs;
		if (typeof input.advanceMs === 'number') clock.clockOffsetMs += input.advanceMs;
		return json(200, {
			offsetMs: clock.clockOffsetMs,
			now: new Date(emulatorNow(clock)).toISOString(),
		});
	});
	router.add('POST', '/_emulator/reset', () => {
		resetState(state);
		return json(200, { reset: true });
	});
	router.add('POST', '/_emulator/fail', addFailRuleHandler(state.failRules));
	router.fallback('/_emulator/', (req) =>
		json(404, { error: `no emulator route ${req.method} ${req.path}` }),
	);
}
