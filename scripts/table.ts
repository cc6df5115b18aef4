/**
 * A plain-text table that never gets wider than `maxWidth` terminal columns (console.table grows
 * with its content and wraps in a 120-column terminal): the widest column gives up characters
 * first, and a cut cell ends with "…". Emoji and East Asian wide characters count as two columns.
 */
const WIDE =
	/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /[\u200B-\u200F\uFE00-\uFE0F]/u;

function charWidth(char: string): number {
	return ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
}

export function displayWidth(text: string): number {
	let width = 0;
	for (const char of text) width += charWidth(char);
	return width;
}

/** `text` cut to at most `width` columns (with "…" when cut), padded to exactly `width`. */
function fit(text: string, width: number): string {
	if (displayWidth(text) <= width) return text + ' '.repeat(width - displayWidth(text));
	let out = '';
	let used = 0;
	for (const char of text) {
		if (used + charWidth(char) > width - 1) break;
		out += char;
		used += charWidth(char);
	}
	return `${out}…${' '.repeat(width - 1 - used)}`;
}

export function formatTable(rows: Array<Record<string, string>>, maxWidth = 120): string {
	const columns = Object.keys(rows[0] ?? {});
	if (columns.length === 0) return '';
	const widths = columns.map((column) =>
		Math.max(displayWidth(column), ...rows.map((row) => displayWidth(row[column] ?? ''))),
	);
	const separators = 3 * (columns.length - 1);
	const minimum = columns.map((column) => Math.min(column.length + 1, 6));
	while (widths.reduce((a, b) => a + b, 0) + separators > maxWidth) {
		const widest = widths.indexOf(Math.max(...widths));
		if (widths[widest] <= minimum[widest]) break;
		widths[widest]--;
	}
	const line = (values: string[]) =>
		values
			.map((value, i) => fit(value, widths[i]))
			.join(' │ ')
			.trimEnd();
	const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
	return [
		line(columns),
		rule,
		...rows.map((row) => line(columns.map((column) => row[column] ?? ''))),
	].join('\n');
}
