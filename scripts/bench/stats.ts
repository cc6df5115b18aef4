/** Small statistics for the benchmark: percentiles, medians, ratios and their formatting. */

export function percentile(values: readonly number[], p: number): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const ratio = (a: number, b: number) => a / b;

export const fmt = (value: number, digits = 1) =>
	Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export interface Target {
	name: string;
	value: number;
	ok: boolean;
	rule: string;
}

export const atLeast = (name: string, value: number, min: number, digits = 2): Target => ({
	name,
	value,
	ok: value >= min,
	rule: `${fmt(value, digits)} (≥ ${min})`,
});
export const atMost = (name: string, value: number, max: number, digits = 2): Target => ({
	name,
	value,
	ok: value <= max,
	rule: `${fmt(value, digits)} (≤ ${max})`,
});
export const below = (name: string, value: number, max: number, digits = 1): Target => ({
	name,
	value,
	ok: value < max,
	rule: `${fmt(value, digits)} (< ${max})`,
});
