import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { N8N_NODE_BINARY } from './config';

const REPO_NPMRC = resolve(__dirname, '..', '..', '..', '.npmrc');

/** What npm exports about its own invocation (not settings): recomputed by every npm. */
const NPM_BOOKKEEPING = new Set([
	'npm_config_local_prefix',
	'npm_config_prefix',
	'npm_config_global_prefix',
	'npm_config_node_gyp',
	'npm_config_npm_version',
	'npm_config_user_agent',
	'npm_config_call',
	'npm_config_argv',
]);

/** `ignore-scripts=true` → `npm_config_ignore_scripts`, the name npm exports a setting under. */
export function npmEnvName(key: string): string {
	return `npm_config_${key.trim().toLowerCase().replace(/-/g, '_')}`;
}

/** The settings a `.npmrc` file sets, as npm_config_* names. */
export function npmrcKeys(text: string): Set<string> {
	const keys = new Set<string>();
	for (const line of text.split(/\r?\n/)) {
		const match = /^\s*([^#;=\s][^=]*?)\s*=/.exec(line);
		if (match) keys.add(npmEnvName(match[1]));
	}
	return keys;
}

/**
 * The environment for npm child processes that work outside the repo (n8n and Node installs, the
 * community-package install, `npm pack`).
 *
 * Under `npm test`, npm exports its whole effective config as npm_config_*: the user's own settings
 * (cache, proxy, registry, cafile, nodedir…, from ~/.npmrc or their environment), which must reach
 * the child, and the repo's .npmrc (ignore-scripts=true), which must not. They cannot be told apart
 * by value, so the keys the repo's .npmrc sets are dropped, with npm's bookkeeping about its own
 * invocation (local_prefix points at the repo) and the npm_package_* / npm_lifecycle_* variables.
 * The chosen Node goes first on PATH so that npm, node-gyp and install scripts run on, and build
 * for, the Node that will run n8n; the user's global npmrc is named explicitly because npm would
 * otherwise look for it next to that Node.
 */
export function cleanNpmEnv(
	extra: Record<string, string> = {},
	{ nodeBinary = N8N_NODE_BINARY, repoNpmrc = REPO_NPMRC } = {},
): NodeJS.ProcessEnv {
	const repoKeys = existsSync(repoNpmrc)
		? npmrcKeys(readFileSync(repoNpmrc, 'utf8'))
		: new Set<string>();
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key)) {
			const name = key.toLowerCase();
			if (!name.startsWith('npm_config_') || repoKeys.has(name) || NPM_BOOKKEEPING.has(name))
				continue;
		}
		env[key] = value;
	}
	const ownGlobalConfig = join(dirname(dirname(process.execPath)), 'etc', 'npmrc');
	if (
		!Object.keys(env).some((key) => key.toLowerCase() === 'npm_config_globalconfig') &&
		existsSync(ownGlobalConfig)
	) {
		env.npm_config_globalconfig = ownGlobalConfig;
	}
	env.PATH = `${dirname(nodeBinary)}:${process.env.PATH ?? ''}`;
	for (const key of Object.keys(extra)) {
		for (const existing of Object.keys(env))
			if (existing.toLowerCase() === key.toLowerCase()) delete env[existing];
	}
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
