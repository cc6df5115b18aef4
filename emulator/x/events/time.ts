const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** v1.1's `created_at` format, e.g. `Wed Oct 10 20:19:24 +0000 2018` (always UTC). */
export function twitterDate(date: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
	return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} +0000 ${date.getUTCFullYear()}`;
}

/** The `2018-05-24T09:48:12+00:00` form used by `user_event.revoke.date_time`. */
export function isoSecondsUtc(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}
