import { invalidRequest } from '../errors';

const MINUTE = 60_000;
const REASON = 'QueryParamInvalid';

/** `yyyymmddhhmm` in UTC to epoch ms; undefined unless it names a real minute (no 13th month, no Feb 30). */
export function parseReplayDate(value: unknown): number | undefined {
	const m = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
	if (!m) return undefined;
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi);
	const back = new Date(ms);
	const exact =
		back.getUTCFullYear() === y &&
		back.getUTCMonth() === mo - 1 &&
		back.getUTCDate() === d &&
		back.getUTCHours() === h &&
		back.getUTCMinutes() === mi;
	return exact ? ms : undefined;
}

export function formatReplayDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-T:]/g, '').slice(0, 12);
}

/**
 * Checks a replay window like X, throwing QueryParamInvalid with the specific reason. `relaxed` keeps
 * format, order and "not in the future" (a minute of grace for clock rounding) so tests need not wait
 * half an hour; `strict` adds the guide's rules: from within 24 h and at least 31 min ago, to at least 10 min ago.
 */
export function validateReplayWindow(
	from: unknown,
	to: unknown,
	mode: 'strict' | 'relaxed',
	now = Date.now(),
): { fromMs: number; toMs: number } {
	const fromMs = parseReplayDate(from);
	const toMs = parseReplayDate(to);
	if (fromMs === undefined || toMs === undefined)
		throw invalidRequest(
			REASON,
			'from_date or to_date is not in the correct format (yyyymmddhhmm, UTC).',
		);
	if (fromMs > now + MINUTE) throw invalidRequest(REASON, 'from_date is in the future.');
	if (toMs > now + MINUTE) throw invalidRequest(REASON, 'to_date is in the future.');
	if (fromMs > toMs) throw invalidRequest(REASON, 'from_date is more recent than to_date.');
	if (mode === 'strict') {
		if (fromMs < now - 24 * 60 * MINUTE)
			throw invalidRequest(REASON, 'from_date is older than 24 hours from the current time.');
		if (fromMs > now - 31 * MINUTE)
			throw invalidRequest(
				REASON,
				'from_date must be at least 31 minutes before the current time.',
			);
		if (toMs > now - 10 * MINUTE)
			throw invalidRequest(REASON, 'to_date must be at least 10 minutes before the current time.');
	}
	return { fromMs, toMs };
}
