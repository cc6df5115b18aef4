import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { DemoSource } from './demoFire';

/**
 * What a running `npm run demo` tells `npm run fire`: where the emulator and n8n listen and which
 * workflow belongs to which source. Lives in the repo's .tmp/ (ignored by git) while the demo runs.
 */
export const DEMO_STATE_FILE = resolve(__dirname, '../.tmp/demo.json');

export interface DemoState {
	pid: number;
	emulatorUrl: string;
	n8nUrl: string;
	/** A public-API key of the demo's own throw-away n8n, so `npm run fire` can show the execution it started. */
	apiKey: string;
	workflows: Record<DemoSource, string>;
}

export function writeDemoState(state: DemoState): void {
	mkdirSync(dirname(DEMO_STATE_FILE), { recursive: true });
	writeFileSync(DEMO_STATE_FILE, JSON.stringify(state, null, 2));
}

/** The running demo's state, or null when no demo is running (no file, or its process is gone). */
export function readDemoState(): DemoState | null {
	let state: DemoState;
	try {
		state = JSON.parse(readFileSync(DEMO_STATE_FILE, 'utf8')) as DemoState;
	} catch {
		return null;
	}
	try {
		process.kill(state.pid, 0);
		return state;
	} catch {
		return null;
	}
}

export function removeDemoState(): void {
	rmSync(DEMO_STATE_FILE, { force: true });
}
