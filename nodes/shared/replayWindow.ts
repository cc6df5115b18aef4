/**
 * X's replay window (docs/x-webhooks-and-account-activity.md, "Replay"): from_date within the last 24 hours and at least
 * 31 minutes ago, to_date at least 10 minutes ago, both in whole UTC minutes. Other X pages
 * mention up to 5 days, so callers may skip this check and let X decide.
 */

const MINUTE = 60_000;

export const REPLAY_LIMITS = {
	maxAgeMs: 24 * 60 * MINUTE,
	minFromAgeMs: 31 * MINUTE,
	minToAgeMs: 10 * MINUTE,
} as const;

/** `yyyymmddhhmm` in UTC, the only date format the replay endpoints take. */
export function formatReplayDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-T:]/g, '').slice(0, 12);
}

export const floorToMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

const readable = (ms: number): string =>
	`${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Why X would refuse this range, naming the range it accepts; undefined when it is fine. */
export function replayWindowProblem(
	fromMs: number,
	toMs: number,
	now = Date.now(),
): string | undefined {
	const from = floorToMinute(fromMs);
	const to = floorToMinute(toMs);
	const earliest = Math.ceil((now - REPLAY_LIMITS.maxAgeMs) / MINUTE) * MINUTE;
	const latestFrom = floorToMinute(now - REPLAY_LIMITS.minFromAgeMs);
	const latestTo = floorToMinute(now - REPLAY_LIMITS.minToAgeMs);
	const ok = from >= earliest && from <= latestFrom && to <= latestTo && from < to;
	if (ok) return undefined;
	return (
		`X replays only From between ${readable(earliest)} and ${readable(latestFrom)} (within the last 24 hours and at least 31 minutes ago) ` +
		`and To no later than ${readable(latestTo)} (at least 10 minutes ago), with From before To. ` +
		`You asked for ${readable(from)} to ${readable(to)}.`
	);
}
