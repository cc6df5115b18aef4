/**
 * Turns what an n8n date parameter can hold into epoch milliseconds: an ISO string (with or
 * without offset), a Luxon DateTime or JS Date from an expression, epoch seconds or
 * milliseconds, or X's own `yyyymmddhhmm`. Luxon is not imported (shipped code may not), so
 * DateTime is recognised by its methods.
 */

const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** How far `timeZone` is ahead of UTC at `utcMs`, from the wall time Intl shows there. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time without offset means the workflow's time zone, as n8n's date picker does. */
function fromWallTime(text: string, timeZone: string): number {
	const wallAsUtc = Date.parse(`${text.replace(' ', 'T')}Z`);
	if (Number.isNaN(wallAsUtc)) return NaN;
	try {
		const guess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
		return wallAsUtc - zoneOffsetMs(guess, timeZone);
	} catch {
		return wallAsUtc; // unknown zone name: read it as UTC
	}
}

function fromString(text: string, timeZone: string): number {
	const compact = COMPACT.exec(text);
	if (compact) {
		const [y, mo, d, h, mi] = compact.slice(1).map(Number);
		return Date.UTC(y, mo - 1, d, h, mi);
	}
	if (/^\d{9,13}$/.test(text)) return fromNumber(Number(text));
	return HAS_OFFSET.test(text) ? Date.parse(text) : fromWallTime(text, timeZone);
}

/** Below 10^11 it can only be seconds (10^11 ms is 1973). */
const fromNumber = (value: number): number => (Math.abs(value) < 1e11 ? value * 1000 : value);

export function toEpochMs(value: unknown, timeZone: string): number | undefined {
	let ms = NaN;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'number') ms = fromNumber(value);
	else if (typeof value === 'string' && value.trim()) ms = fromString(value.trim(), timeZone);
	else if (value && typeof value === 'object') {
		const dateTime = value as { toMillis?: () => number; toISO?: () => string };
		if (typeof dateTime.toMillis === 'function') ms = dateTime.toMillis();
		else if (typeof dateTime.toISO === 'function') ms = Date.parse(dateTime.toISO());
	}
	return Number.isFinite(ms) ? ms : undefined;
}
