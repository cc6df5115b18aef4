/**
 * Retries `check` (assertions on the emulator's or n8n's state) until it passes, then returns its
 * value; after `timeoutMs` it throws the last failure. n8n ≥2.36 activates and deactivates in the
 * background, so what it did at X is polled for, never slept on.
 */
export async function eventually<T>(
	check: () => T | Promise<T>,
	{ timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
