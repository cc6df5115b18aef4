import type { FailRule } from './core/fail-hook';
import { createXState, type XState } from './x/state';

/** Everything the emulator remembers, one namespace per emulated service (Ayrshare would sit beside `x`). */
export interface EmulatorState {
	x: XState;
	failRules: FailRule[];
}

export function createState(): EmulatorState {
	return { x: createXState(), failRules: [] };
}

/** Empties the state in place, so references held by tests and handlers stay valid. */
export function resetState(state: EmulatorState): void {
	Object.assign(state.x, createXState());
	state.failRules.length = 0;
}
