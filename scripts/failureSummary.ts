/**
 * A failure in one or two lines: the cause (the error's first line, long paths and all) and where
 * the whole story is. Harness errors name their log as `log: <file>` (an install) or carry its tail
 * after a `--- <file> (tail) ---` line (n8n); that file is the log to read, the tail is left to it.
 */
export function summarizeFailure(error: unknown, detailsFile: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const lines = message.split('\n').map((line) => line.trim());
	const cause = lines.find((line) => line && !line.startsWith('---')) ?? 'unknown error';
	const logs = [...message.matchAll(/^(?:---\s+|\s*log:\s+)(\/\S+?\.log)\b/gim)].map(
		(match) => match[1],
	);
	const where = [...new Set(logs), detailsFile].join(', ');
	return `${cause.length > 400 ? `${cause.slice(0, 399)}…` : cause}\nLog: ${where}`;
}
