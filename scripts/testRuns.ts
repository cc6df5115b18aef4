/**
 * The parts of `npm test` that run on another Node or another n8n: unit tests and lint on Node 24,
 * and the e2e suite once per n8n version. Each part says what it ran on and how long it took; the
 * jest results go to `.tmp/jest-<part>.json`, which scripts/testSummary.js adds up for CI.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { N8N_CACHE_DIR, NODE_24_VERSION, nodeRuntimeFor } from '../test/e2e/harness/config';
import { ensureN8n, ensureNodeRuntime } from '../test/e2e/harness/install';

export const ROOT = resolve(__dirname, '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

export interface PartResult {
	name: string;
	ok: boolean;
	ms: number;
	/** What it ran on, e.g. `Node v24.22.3` or `n8n 2.41.1 on Node v24.22.3`. */
	on?: string;
	/** The jest results file, when the part ran jest. */
	resultsFile?: string;
	tests?: { passed: number; failed: number; skipped: number };
	/** Install time inside `ms` (n8n and/or Node), 0 when cached. */
	installMs?: number;
	note?: string;
}

export function line(message: string): void {
	process.stdout.write(`[npm test] ${message}\n`);
}

export function minutes(ms: number): string {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** Runs a command with the output going straight to ours; resolves with its exit code. */
export function exec(
	cmd: string,
	args: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
	return new Promise((done) => {
		const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
		child.on('error', (error) => {
			line(`cannot run ${cmd}: ${error.message}`);
			done(127);
		});
		child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
	});
}

export function readResults(file: string): PartResult['tests'] | undefined {
	if (!existsSync(file)) return undefined;
	const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
	return {
		passed: results.numPassedTests,
		failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
		skipped: results.numPendingTests + (results.numTodoTests ?? 0),
	};
}

async function jest(
	node: string,
	args: string[],
	outputFile: string,
	env: NodeJS.ProcessEnv = process.env,
) {
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	rmSync(outputFile, { force: true });
	const code = await exec(node, [JEST, ...args, '--json', `--outputFile=${outputFile}`], env);
	const tests = readResults(outputFile);
	return {
		code,
		tests,
		ok: code === 0 && !!tests && tests.failed === 0 && tests.skipped === 0 && tests.passed > 0,
	};
}

/** Unit tests and `npm run lint` once on Node 24 (from the registry, cached with the n8n installs). */
export async function runNode24Part(): Promise<PartResult> {
	const started = Date.now();
	const name = 'unit tests + lint on Node 24';
	let node;
	try {
		node = await ensureNodeRuntime(nodeRuntimeFor('2.41.1'));
	} catch (error) {
		line(`${name}: ${(error as Error).message}`);
		return { name, ok: false, ms: Date.now() - started, note: 'Node 24 install failed' };
	}
	const installMs = Date.now() - started;
	if (!node.version.startsWith('v24.'))
		line(`note: Node ${node.version} stands in for Node ${NODE_24_VERSION} (${node.kind})`);
	line(`unit tests on Node ${node.version} (${node.binary})`);
	const outputFile = join(ROOT, '.tmp', 'jest-unit-node24.json');
	const unit = await jest(node.binary, ['--selectProjects', 'unit'], outputFile);
	line(`lint on Node ${node.version}`);
	const lintStarted = Date.now();
	const lint = await exec(node.binary, [ESLINT, '.']);
	line(
		`lint on Node ${node.version}: ${lint === 0 ? 'clean' : `failed (exit ${lint})`} in ${minutes(Date.now() - lintStarted)}`,
	);
	return {
		name,
		ok: unit.ok && lint === 0,
		ms: Date.now() - started,
		on: `Node ${node.version}`,
		resultsFile: outputFile,
		tests: unit.tests,
		installMs,
		note: lint === 0 ? 'lint clean' : 'lint FAILED',
	};
}

/** The e2e suite against one n8n version, on the Node that version needs (config.ts picks both). */
export async function runE2ePart(version: string): Promise<PartResult> {
	const started = Date.now();
	const name = `e2e on n8n ${version}`;
	line(`${name}: making sure n8n ${version} and its Node are installed (cache: ${N8N_CACHE_DIR})`);
	let install;
	try {
		install = await ensureN8n(version);
	} catch (error) {
		line(`${name}: ${(error as Error).message}`);
		return {
			name,
			ok: false,
			ms: Date.now() - started,
			installMs: Date.now() - started,
			note: 'install failed',
		};
	}
	const installMs = Date.now() - started;
	const on = `n8n ${version} on Node ${install.node.version}`;
	line(
		`${name}: ${on}${installMs > 1000 ? `, installed in ${minutes(installMs)}` : ', from the cache'}; running the suite`,
	);
	const outputFile = join(ROOT, '.tmp', `jest-e2e-${version}.json`);
	const env: NodeJS.ProcessEnv = { ...process.env, N8N_VERSION: version };
	// N8N_NODE_BINARY would pin one Node for every version; config.ts picks per version without it.
	if (env.N8N_NODE_BINARY)
		line(
			`${name}: ignoring N8N_NODE_BINARY=${env.N8N_NODE_BINARY} (it pins one Node for every version; use it with jest directly)`,
		);
	delete env.N8N_NODE_BINARY;
	const run = await jest(
		process.execPath,
		['--selectProjects', 'e2e', '--runInBand'],
		outputFile,
		env,
	);
	const result: PartResult = {
		name,
		ok: run.ok,
		ms: Date.now() - started,
		on,
		resultsFile: outputFile,
		tests: run.tests,
		installMs,
	};
	line(`${name} (${on}): ${describe(result)}`);
	return result;
}

export function describe(part: PartResult): string {
	const tests = part.tests
		? `${part.tests.passed} passed, ${part.tests.failed} failed${part.tests.skipped ? `, ${part.tests.skipped} skipped` : ''}`
		: 'no results';
	const install =
		part.installMs && part.installMs > 1000 ? ` (install ${minutes(part.installMs)})` : '';
	return `${part.ok ? 'ok' : 'FAILED'}: ${tests} in ${minutes(part.ms)}${install}${part.note ? `; ${part.note}` : ''}`;
}

export function printTable(parts: PartResult[]): void {
	const width = Math.max(...parts.map((part) => part.name.length));
	line('summary');
	for (const part of parts) {
		const tests = part.tests
			? `${part.tests.passed} passed, ${part.tests.failed} failed${part.tests.skipped ? `, ${part.tests.skipped} skipped` : ''}`
			: '';
		const install =
			part.installMs && part.installMs > 1000 ? `install ${minutes(part.installMs)}` : '';
		const details = [part.on, tests, install, part.note].filter(Boolean).join('; ');
		line(
			`  ${part.name.padEnd(width)}  ${(part.ok ? 'ok' : 'FAILED').padEnd(6)}  ${minutes(part.ms).padStart(12)}  ${details}`,
		);
	}
	line(
		`  ${'total'.padEnd(width)}  ${(parts.every((part) => part.ok) ? 'ok' : 'FAILED').padEnd(6)}  ${minutes(parts.reduce((sum, part) => sum + part.ms, 0)).padStart(12)}`,
	);
}
