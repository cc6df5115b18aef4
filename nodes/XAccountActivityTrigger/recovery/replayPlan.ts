import { REPLAY_LIMITS, floorToMinute } from '../../shared/replayWindow';

/**
 * Which replay job to ask X for, given the parts of a gap still to recover. X's rules
 * (docs/x-replay-and-recovery.md): `from_date` within the last 24 hours and at least 31 minutes
 * old, `to_date` at least 10 minutes old (exclusive), whole UTC minutes, windows of about 2 hours
 * recommended, one job per webhook at a time. Pure: `now` is passed in.
 */

const MINUTE = 60_000;

/** Every gap is widened by this much at each end: receipt times and X's event times are not the same clock. */
export const GAP_MARGIN_MS = MINUTE;
/** X's Replay API reference: "It's recommended that the from_date and to_date should be within ~2 hours". */
export const MAX_WINDOW_MS = 120 * MINUTE;
/** A minute of slack on the 24-hour edge: X checks against its own clock, a moment after ours. */
const EDGE_SLACK_MS = MINUTE;

/** `[from, to)` in epoch ms, on whole minutes. */
export interface Span {
	from: number;
	to: number;
}

const ceilToMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

/** The time from the last known receipt to now, widened by a minute at each end. */
export function widenGap(fromMs: number, toMs: number): Span {
	return { from: floorToMinute(fromMs - GAP_MARGIN_MS), to: ceilToMinute(toMs + GAP_MARGIN_MS) };
}

/** Adds a span to the sorted list of pending spans, merging overlaps. */
export function addSpan(pending: readonly Span[], span: Span): Span[] {
	const all = [...pending, span].sort((a, b) => a.from - b.from);
	const merged: Span[] = [];
	for (const next of all) {
		const last = merged[merged.length - 1];
		if (last && next.from <= last.to) last.to = Math.max(last.to, next.to);
		else merged.push({ ...next });
	}
	return merged;
}

export interface ReplayStep {
	/** The window to request now, or null when nothing is old enough yet. */
	request: Span | null;
	/** What stays pending (too recent, or beyond the 2-hour window of this request). */
	pending: Span[];
	/** Parts older than X keeps: they cannot be recovered. */
	lost: Span[];
}

export function nextReplay(pending: readonly Span[], now: number): ReplayStep {
	const earliest = ceilToMinute(now - REPLAY_LIMITS.maxAgeMs + EDGE_SLACK_MS);
	const latestFrom = floorToMinute(now - REPLAY_LIMITS.minFromAgeMs);
	const latestTo = floorToMinute(now - REPLAY_LIMITS.minToAgeMs);
	const lost: Span[] = [];
	const kept: Span[] = [];
	for (const span of pending) {
		if (span.from < earliest) lost.push({ from: span.from, to: Math.min(span.to, earliest) });
		if (span.to > earliest) kept.push({ from: Math.max(span.from, earliest), to: span.to });
	}
	const first = kept[0];
	if (!first || first.from > latestFrom) return { request: null, pending: kept, lost };
	const to = Math.min(first.to, latestTo, first.from + MAX_WINDOW_MS);
	if (to <= first.from) return { request: null, pending: kept, lost };
	const rest = to < first.to ? [{ from: to, to: first.to }, ...kept.slice(1)] : kept.slice(1);
	return { request: { from: first.from, to }, pending: rest, lost };
}

/** When the oldest pending part can first be requested: X needs its start 31 minutes old. */
export function dueAt(pending: readonly Span[]): number | null {
	return pending.length ? pending[0].from + REPLAY_LIMITS.minFromAgeMs : null;
}
