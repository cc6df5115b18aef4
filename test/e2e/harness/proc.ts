import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { N8N_NODE_BINARY } from './config';

/**
 * The environment for npm child processes. When jest runs under `npm test`, npm exports
 * the repo's config as npm_config_* (including ignore-scripts=true from .npmrc), which
 * would leak into installs that live outside the repo. The chosen node goes first on
 * PATH so that npm, node-gyp and install scripts build for the node that will run n8n.
 */
export function cleanNpmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key)) continue;
		env[key] = value;
	}
	env.PATH = `${dirname(N8N_NODE_BINARY)}:${process.env.PATH ?? ''}`;
	return { ...env, ...extra };
}

export function tail(file: string, lines: number): string {
	if (!existsSync(file)) return `(no file ${file})`;
	const all = readFileSync(file, 'utf8').split('\n');
	return all.slice(-lines - 1).join('\n');
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion and collects its output (for short commands only). */
export function run(cmd: string, args: string[], options: SpawnOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

export async function runOrThrow(
	what: string,
	cmd: string,
	args: string[],
	options: SpawnOptions = {},
): Promise<RunResult> {
	const result = await run(cmd, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${what} failed (exit ${result.code}): ${cmd} ${args.join(' ')} in ${String(options.cwd ?? process.cwd())}\n` +
				`--- stdout ---\n${result.stdout.slice(-4000)}\n--- stderr ---\n${result.stderr.slice(-4000)}`,
		);
	}
	return result;
}
