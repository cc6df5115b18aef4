import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The rules n8n's community installer and Cloud verification apply to the published package
 * (SPEC "Package", N8N-NOTES "Verified-node rules"), checked on the built `dist/` and on what
 * `npm pack` would publish. `npm test` builds before running this.
 */
const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

beforeAll(() => {
	if (!existsSync(dist))
		throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
});

test('package.json: name, keyword, license, no runtime dependencies, exact peer dependency, no install scripts', () => {
	expect(pkg.name).toBe('n8n-nodes-x-account-activity');
	expect(pkg.keywords).toContain('n8n-community-node-package');
	expect(pkg.license).toBe('MIT');
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	for (const hook of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish'])
		expect(pkg.scripts?.[hook]).toBeUndefined();
	expect(pkg.n8n.strict).toBe(true);
});

test('every node and credential listed under "n8n" is built', () => {
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
		expect(existsSync(join(root, entry))).toBe(true);
});

// index.js is `main`, which npm always publishes.
test('npm pack publishes only dist/ and the package files', () => {
	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const paths: string[] = report.files.map((f: { path: string }) => f.path);
	const outside = paths.filter(
		(p) =>
			!p.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'index.js'].includes(p),
	);
	expect(outside).toEqual([]);
	expect(paths.some((p) => p.startsWith('dist/emulator') || p.startsWith('dist/test'))).toBe(false);
	for (const node of pkg.n8n.nodes as string[]) {
		const folder = node.replace(/[^/]+$/, '');
		expect(paths).toEqual(
			expect.arrayContaining([
				node,
				node.replace(/\.js$/, '.json'),
				`${folder}x.svg`,
				`${folder}x.dark.svg`,
			]),
		);
	}
});

describe('shipped code', () => {
	const sources = () => files(dist).filter((f) => f.endsWith('.js'));
	const allowed = /^(n8n-workflow|zod|crypto|node:crypto|\.{1,2}\/.*)$/;

	test('imports only n8n-workflow, zod, node:crypto and its own files', () => {
		const offenders = sources().flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)]
				.map((m) => m[1])
				.filter((id) => !allowed.test(id))
				.map((id) => `${relative(dist, file)}: ${id}`),
		);
		expect(offenders).toEqual([]);
	});

	test('uses no globals n8n Cloud forbids, and no console', () => {
		const forbidden =
			/\b(process\.|globalThis|setTimeout\(|setInterval\(|console\.|eval\(|new Function\()/;
		const offenders = sources().filter((file) => forbidden.test(readFileSync(file, 'utf8')));
		expect(offenders.map((f) => relative(dist, f))).toEqual([]);
	});
});
