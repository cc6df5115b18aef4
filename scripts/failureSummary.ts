/**
 * A failure in one or two lines: the cause (the error's first line, long paths and all) and where
 * the whole story is. Harness errors carry log tails after a `--- <file> (tail) ---` line; that
 * file is the log to read, and the tail itself is left to it.
 */
export function summarizeFailure(error: unknown, detailsFile: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const lines = message.split('\n').map((line) => line.trim());
	const cause = lines.find((line) => line && !line.startsWith('---')) ?? 'unknown error';
	const logs = [...message.matchAll(/^---\s+(\/\S+?\.log)\b/gm)].map((match) => match[1]);
	const where = [...new Set(logs), detailsFile].join(', ');
	return `${cause.length > 400 ? `${cause.slice(0, 399)}…` : cause}\nLog: ${where}`;
}
