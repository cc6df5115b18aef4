/**
 * The cause of a failed npm run in one line, from its output: npm prints dozens of `npm error`
 * lines (an ERESOLVE report is ~60) around one or two that say what went wrong.
 */
export function summarizeNpmFailure(output: string): string {
	const lines = output
		.split(/\r?\n/)
		.filter((line) => /^npm (error|ERR!)/.test(line))
		.map((line) => line.replace(/^npm (error|ERR!) ?/, '').trimEnd());
	if (lines.length === 0) {
		const last = output
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
			.slice(-1)[0];
		return last ? `no npm error reported; last output: ${last.slice(0, 300)}` : 'no output';
	}
	const code = lines
		.find((line) => /^code \S+/.test(line))
		?.slice(5)
		.trim();
	const withCode = (text: string) =>
		code && !/^\d+$/.test(code) && !text.startsWith(code) ? `${code}: ${text}` : text;

	if (code === 'ERESOLVE') {
		const headline = lines.find((line) => /^ERESOLVE /.test(line)) ?? 'ERESOLVE';
		const conflict =
			lines[lines.findIndex((line) => /^Could not resolve dependency:/.test(line)) + 1];
		const found = lines.find((line) => /^Found: /.test(line));
		const parts = [
			conflict && conflict !== headline ? conflict.trim() : '',
			found ? `(${found.trim()})` : '',
		].filter(Boolean);
		return `${headline}${parts.length ? `: ${parts.join(' ')}` : ''}`;
	}

	// A failed install script: which package, which command, and the first line that says why.
	const commandIndex = lines.findIndex((line) => /^command (sh|cmd) /.test(line));
	if (commandIndex >= 0) {
		const path = lines
			.find((line) => /^path /.test(line))
			?.slice(5)
			.trim();
		const where = path ? path.replace(/^.*node_modules\//, '') : 'a package';
		const command = lines[commandIndex].replace(/^command (sh -c|cmd \/d \/s \/c) /, '');
		const why = lines
			.slice(commandIndex + 1)
			.find(
				(line) =>
					/(gyp ERR! (stack|configure error|build error)|Error:|error:|not found|No such file|fatal)/i.test(
						line,
					) && !/gyp ERR! (cwd|node -v|node-gyp -v|System|command|not ok)/.test(line),
			);
		return `install script of ${where} failed (\`${command}\`)${why ? `: ${why.trim()}` : ''}`;
	}

	const skip =
		/^(code |errno |syscall |path |A complete log|For a full report|\/.*_logs\/|$|\s*$|In most cases|a package version that|notarget In most cases|notarget a package version|404\s*$|404 +'|404 +Note that|404 +You should|network This is a problem|network In most cases|network If you are behind)/;
	const message = lines.find((line) => !skip.test(line));
	if (!message) return withCode('npm failed without a message');
	return withCode(message.replace(/^(notarget|network|404) /, '').trim());
}
