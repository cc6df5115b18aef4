import { createAyrshareState, type AyrshareState } from './ayrshare/state';
import type { FailRule } from './core/fail-hook';
import { createXState, type XState } from './x/state';

/** Everything the emulator remembers, one namespace per emulated service. */
export interface EmulatorState {
	x: XState;
	ayrshare: AyrshareState;
	failRules: FailRule[];
}

export function createState(): EmulatorState {
	return { x: createXState(), ayrshare: createAyrshareState(), failRules: [] };
}

/** Empties the state in place, so references held by tests and handlers stay valid. */
export function resetState(state: EmulatorState): void {
	Object.assign(state.x, createXState());
	Object.assign(state.ayrshare, createAyrshareState());
	state.failRules.length = 0;
}
