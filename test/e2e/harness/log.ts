/**
 * Progress goes straight to stderr: jest buffers console.* until a test ends
 * (and decorates each line with a stack), which hides a long install from a CI log.
 */
const started = Date.now();

export function say(message: string): void {
	const elapsed = ((Date.now() - started) / 1000).toFixed(1);
	process.stderr.write(`[n8n-e2e +${elapsed}s] ${message}\n`);
}

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
