import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { say } from './log';
import { cleanNpmEnv, runOrThrow } from './proc';

/**
 * Packs the repo the way it is published, so the e2e tests load exactly what users install. The
 * tarball lives in its own temp folder, removed when this process exits (n8n has copied the
 * package into its user folder by then), so runs leave no `n8n-e2e-pack-*` folders behind.
 */
export async function packPackage(repoRoot: string): Promise<string> {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const entries = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = entries.filter((entry) => !existsSync(join(repoRoot, entry)));
	if (!existsSync(join(repoRoot, 'dist')) || missing.length > 0) {
		throw new Error(
			`packPackage: the build output is missing (${missing.length ? missing.join(', ') : 'dist/'}). ` +
				`Run \`npm run build\` in ${repoRoot} first (\`npm test\` does it).`,
		);
	}
	const destination = mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
	process.once('exit', () => rmSync(destination, { recursive: true, force: true }));
	const { stdout } = await runOrThrow(
		'npm pack',
		'npm',
		['pack', '--pack-destination', destination, '--json', '--ignore-scripts'],
		{ cwd: repoRoot, env: cleanNpmEnv() },
	);
	const [result] = JSON.parse(stdout) as Array<{ filename: string; files: unknown[] }>;
	const tarball = join(destination, result.filename);
	say(`packed ${result.filename} (${result.files.length} files)`);
	return tarball;
}
