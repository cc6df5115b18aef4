import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The e2e harness packs the package into a temp folder; nothing of it may outlive the process. */
const root = join(__dirname, '../..');

test('packPackage leaves no n8n-e2e-pack-* folder behind once its process exits', () => {
	if (!existsSync(join(root, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
	const script = `require('./test/e2e/harness/pack').packPackage(process.cwd()).then((t) => console.log(JSON.stringify({ t, existed: require('node:fs').existsSync(t) })))`;
	const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const { t, existed } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
		t: string;
		existed: boolean;
	};
	expect(existed).toBe(true);
	expect(dirname(t)).toMatch(/n8n-e2e-pack-/);
	expect(existsSync(dirname(t))).toBe(false);
});
