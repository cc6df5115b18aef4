/**
 * The emulator's "now": the real clock plus `clockOffsetMs` (option, or `POST /_emulator/clock`).
 * X's time rules (replay windows, OAuth timestamps) run on it, so a test can move X an hour ahead
 * instead of waiting. The system under test must be moved by the same amount (the e2e harness
 * runs n8n under libfaketime with the same offset), or the two would disagree about the time.
 */
export function emulatorNow(options: { clockOffsetMs: number }): number {
	return Date.now() + options.clockOffsetMs;
}
