import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// js-yaml ships no types; only `load` is used.
const { load } = require('js-yaml') as { load(text: string): unknown };

/**
 * The GitHub Actions workflows n8n's verification needs (CI, and publishing with npm provenance
 * from a tag): they parse, and they run the commands the README gives contributors, which exist.
 */
const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
	scripts: Record<string, string>;
	engines: { node: string };
};
const readme = read('README.md');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	strategy?: { matrix?: Record<string, unknown[]> };
	steps: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	jobs: Record<string, Job>;
}

const workflow = (file: string) => load(read(`.github/workflows/${file}`)) as Workflow;
const commands = (job: Job) =>
	job.steps.flatMap((step) =>
		(step.run ?? '')
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean),
	);
const nodeVersions = (job: Job) =>
	job.steps
		.filter((s) => s.uses?.startsWith('actions/setup-node'))
		.map((s) => String(s.with?.['node-version']));

/** `npm run x` → script `x` must exist; `npm test` → `test`. */
function expectScriptsExist(lines: string[]) {
	for (const line of lines) {
		const match = /^npm (?:run ([\w:-]+)|(test))\b/.exec(line);
		if (match)
			expect([line, pkg.scripts[match[1] ?? match[2]]]).toEqual([line, expect.any(String)]);
	}
}

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');

	it('runs on pull requests and pushes to main', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
	});

	it('installs, lints and tests with the README’s commands, in that order, on supported Node versions', () => {
		const run = commands(ci.jobs.build);
		expect(run).toEqual(['npm ci', 'npm run lint', 'npm test']);
		for (const command of run) expect(readme).toContain(command);
		expectScriptsExist(run);
		for (const version of ci.jobs.build.strategy?.matrix?.['node-version'] as string[])
			expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(20);
		expect(ci.jobs.build.strategy?.matrix?.['node-version']).toContain(
			pkg.engines.node.replace('>=', ''),
		);
	});

	it('also checks the n8n install as on a fresh machine', () => {
		const run = commands(ci.jobs['fresh-install']);
		expect(run).toEqual(['npm ci', 'npm run check:fresh-install']);
		expectScriptsExist(run);
		expect(readme).toContain('npm run check:fresh-install');
	});
});

describe('.github/workflows/publish.yml', () => {
	const publish = workflow('publish.yml');
	const job = publish.jobs.publish;
	const run = commands(job);

	it('publishes from a version tag, with the OIDC token npm provenance needs and read-only contents', () => {
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('refuses a tag that is not package.json’s version, then installs, lints, tests and publishes with --provenance', () => {
		const order = [
			'npm ci',
			'npm run lint',
			'npm test',
			'npm publish --provenance --access public',
		].map((command) => run.indexOf(command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(run.some((line) => line.includes('$GITHUB_REF_NAME'))).toBe(true);
		expect(run.findIndex((line) => line.includes('$GITHUB_REF_NAME'))).toBeLessThan(order[0]);
		expectScriptsExist(run);
		for (const command of ['npm ci', 'npm run lint', 'npm test']) expect(readme).toContain(command);
		expect(nodeVersions(job)).toEqual([pkg.engines.node.replace('>=', '')]);
	});

	it('takes the npm token from a secret only, never from the file', () => {
		const step = job.steps.find((s) => s.run?.includes('npm publish'));
		expect(step?.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});
});
