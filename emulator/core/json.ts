/**
 * JSON serialisation shared by the emulator.
 * BigInt values are written as bare numbers so payloads can carry 19-digit numeric ids with every
 * digit in the raw bytes (as X does); a JavaScript consumer then loses precision on parse, exactly
 * as it would against the real service.
 */
export interface JsonStyle {
	/** Write `/` as `\/` (X does; signatures are computed over those bytes). */
	escapeSlashes?: boolean;
	/** Write every non-ASCII UTF-16 unit as `\uXXXX` (X does). */
	asciiOnly?: boolean;
}

const BIGINT_MARK = '\u0000bigint:';

export function stringifyJson(value: unknown, style: JsonStyle = {}): string {
	let out = JSON.stringify(value, (_key, v: unknown) =>
		typeof v === 'bigint' ? `${BIGINT_MARK}${v.toString()}` : v,
	);
	if (out === undefined) return 'null';
	// The marker starts with NUL (written as \u0000), which no realistic payload text contains.
	out = out.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
	if (style.escapeSlashes) out = out.replace(/\//g, '\\/');
	if (style.asciiOnly)
		out = out.replace(
			/[\u0080-\uffff]/g,
			(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
		);
	return out;
}

/** X's wire style: used for X API responses and for webhook deliveries. */
export const X_JSON_STYLE: JsonStyle = { escapeSlashes: true, asciiOnly: true };
