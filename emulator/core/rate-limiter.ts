/** Fixed windows per endpoint group, stored as plain data so the state endpoint can show them and reset can clear them. */
export interface RateWindow {
	start: number;
	count: number;
}

export interface RateVerdict {
	limit: number;
	remaining: number;
	/** Epoch seconds at which the window resets. */
	reset: number;
	limited: boolean;
}

export const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function hitRateLimit(
	windows: Record<string, RateWindow>,
	group: string,
	limit: number,
	now = Date.now(),
	windowMs = FIFTEEN_MINUTES,
): RateVerdict {
	let window = windows[group];
	if (!window || now - window.start >= windowMs) {
		window = { start: now, count: 0 };
		windows[group] = window;
	}
	const limited = window.count >= limit;
	if (!limited) window.count++;
	return {
		limit,
		remaining: Math.max(0, limit - window.count),
		reset: Math.ceil((window.start + windowMs) / 1000),
		limited,
	};
}
