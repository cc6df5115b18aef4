/**
 * `npm test`: build, typecheck, unit tests (this Node), unit tests + lint on Node 24, then the e2e
 * suite once per n8n version in TESTED_N8N_VERSIONS (test/e2e/harness/config.ts), each on the Node
 * it needs. Every part prints what it ran on and how long it took, and a table closes the run.
 *
 *   tsx scripts/test.ts            everything (`npm test`)
 *   tsx scripts/test.ts e2e        only the e2e parts (`npm run test:e2e`); N8N_VERSIONS="2.41.1" picks versions
 *   tsx scripts/test.ts node24     only unit tests + lint on Node 24 (`npm run test:node24`)
 *
 * The parts and their results go to .tmp/jest-parts.json for scripts/testSummary.js (CI's last line).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { TESTED_N8N_VERSIONS } from '../test/e2e/harness/config';
import {
	ROOT,
	exec,
	line,
	minutes,
	printTable,
	readResults,
	runE2ePart,
	runNode24Part,
	type PartResult,
} from './testRuns';

const PARTS_FILE = join(ROOT, '.tmp', 'jest-parts.json');

function versions(): string[] {
	const chosen = process.env.N8N_VERSIONS?.split(/[\s,]+/).filter(Boolean);
	return chosen?.length ? chosen : TESTED_N8N_VERSIONS;
}

function record(planned: Array<{ name: string; resultsFile?: string }>, done: PartResult[]): void {
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	const parts = planned.map((plan) => {
		const result = done.find((part) => part.name === plan.name);
		const resultsFile = result?.resultsFile ?? plan.resultsFile;
		return {
			...plan,
			...result,
			resultsFile: resultsFile && relative(ROOT, resultsFile),
			ran: !!result,
		};
	});
	writeFileSync(PARTS_FILE, JSON.stringify({ parts }, null, 2));
}

async function npmScript(name: string, script: string): Promise<PartResult> {
	const started = Date.now();
	line(`${name}: npm run ${script}`);
	const code = await exec('npm', ['run', script, '--silent']);
	const resultsFile = script === 'test:unit' ? join(ROOT, '.tmp', 'jest-unit.json') : undefined;
	const result: PartResult = {
		name,
		ok: code === 0,
		ms: Date.now() - started,
		on: `Node ${process.version}`,
		resultsFile,
		tests: resultsFile ? readResults(resultsFile) : undefined,
	};
	line(`${name}: ${result.ok ? 'ok' : `FAILED (exit ${code})`} in ${minutes(result.ms)}`);
	return result;
}

async function main() {
	const mode = process.argv[2] ?? 'all';
	const e2eVersions = mode === 'node24' ? [] : versions();
	const planned: Array<{ name: string; resultsFile?: string }> = [];
	if (mode === 'all') {
		planned.push(
			{ name: 'build' },
			{ name: 'typecheck' },
			{ name: 'unit tests', resultsFile: join(ROOT, '.tmp', 'jest-unit.json') },
		);
	}
	if (mode === 'all' || mode === 'node24')
		planned.push({
			name: 'unit tests + lint on Node 24',
			resultsFile: join(ROOT, '.tmp', 'jest-unit-node24.json'),
		});
	for (const version of e2eVersions)
		planned.push({
			name: `e2e on n8n ${version}`,
			resultsFile: join(ROOT, '.tmp', `jest-e2e-${version}.json`),
		});
	if (!['all', 'e2e', 'node24'].includes(mode))
		throw new Error(`unknown part "${mode}" (all, e2e, node24)`);

	line(`Node ${process.version}; parts: ${planned.map((part) => part.name).join(', ')}`);
	const done: PartResult[] = [];
	if (mode === 'all') record(planned, done);
	const finish = () => {
		if (mode === 'all') record(planned, done);
		printTable(done);
		process.exitCode = done.length === planned.length && done.every((part) => part.ok) ? 0 : 1;
	};

	if (mode === 'all') {
		for (const [name, script] of [
			['build', 'build'],
			['typecheck', 'typecheck'],
		]) {
			const part = await npmScript(name, script);
			done.push(part);
			// Everything after tests the build: without one there is nothing to test.
			if (!part.ok) return finish();
		}
		done.push(await npmScript('unit tests', 'test:unit'));
	}
	if (mode === 'all' || mode === 'node24') {
		done.push(await runNode24Part());
		if (mode === 'all') record(planned, done);
	}
	// Each version runs even if another failed: both results are worth their minutes.
	for (const version of e2eVersions) {
		done.push(await runE2ePart(version));
		if (mode === 'all') record(planned, done);
	}
	finish();
}

main().catch((error) => {
	line(`npm test crashed: ${(error as Error).stack ?? error}`);
	process.exitCode = 1;
});
