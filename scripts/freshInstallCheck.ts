/**
 * `npm run check:fresh-install`: the n8n install as a contributor's first `npm run demo` or
 * `npm test` does it, on a machine that has never run npm, node-gyp or n8n: HOME, the npm cache
 * and the n8n cache are empty temporary folders. It then starts that n8n once (its database is
 * sqlite3, the native module the install compiles) and removes everything again.
 *
 * Slow on purpose (~4 min and 2.4 GB for n8n 2.8.4): CI runs it as its own job. N8N_VERSION picks
 * another n8n; KEEP_FRESH_INSTALL=1 keeps the folders for a look.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const VERSION = process.env.N8N_VERSION ?? '2.8.4';

/** Everything a fresh machine lacks: no ~/.npmrc, npm cache, node-gyp headers or n8n. The user's npm_config_* are kept, as the harness keeps them. */
function freshEnv(base: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			/^(npm_(?!config_)|npm_config_(cache|userconfig|nodedir|globalconfig)$)|^(XDG_CACHE_HOME|XDG_CONFIG_HOME|N8N_CACHE_DIR|N8N_NODE_BINARY)$/i.test(
				key,
			)
		)
			continue;
		env[key] = value;
	}
	return {
		...env,
		HOME: join(base, 'home'),
		npm_config_cache: join(base, 'npm-cache'),
		N8N_CACHE_DIR: join(base, 'n8n-cache'),
		N8N_VERSION: VERSION,
	};
}

function run(env: NodeJS.ProcessEnv): Promise<number | null> {
	// A child process, so that the harness reads HOME and N8N_CACHE_DIR when it loads.
	const script = [
		"const { startN8n } = require('./test/e2e/harness');",
		'startN8n().then(async (n8n) => { console.log(`n8n ${n8n.version} started at ${n8n.baseUrl} in ${(n8n.startupMs / 1000).toFixed(1)} s`); await n8n.stop(); })',
		'.catch((error) => { console.error(error.message); process.exit(1); });',
	].join('\n');
	return new Promise((resolveExit, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
			cwd: ROOT,
			env,
			stdio: 'inherit',
		});
		child.on('error', reject);
		child.on('close', resolveExit);
	});
}

async function main(): Promise<void> {
	const base = mkdtempSync(join(tmpdir(), 'n8n-fresh-install-'));
	const env = freshEnv(base);
	for (const dir of [env.HOME!, env.npm_config_cache!]) mkdirSync(dir, { recursive: true });
	const started = Date.now();
	console.log(
		`Fresh-machine install of n8n ${VERSION}: HOME=${env.HOME}, npm cache ${env.npm_config_cache}, n8n cache ${env.N8N_CACHE_DIR} (all empty)`,
	);
	let code: number | null = 1;
	try {
		code = await run(env);
		// node-gyp keeps downloaded headers under ~/.cache/node-gyp; the install must not have needed any.
		const gypCache = join(env.HOME!, '.cache', 'node-gyp');
		const downloaded = existsSync(gypCache) ? readdirSync(gypCache) : [];
		if (code === 0 && downloaded.length > 0) {
			console.error(
				`node-gyp downloaded Node headers (${downloaded.join(', ')}) instead of using the running Node's own`,
			);
			code = 1;
		}
	} finally {
		const took = `${((Date.now() - started) / 60_000).toFixed(1)} min`;
		if (process.env.KEEP_FRESH_INSTALL === '1') console.log(`kept ${base}`);
		else rmSync(base, { recursive: true, force: true });
		console.log(
			code === 0
				? `fresh install check passed in ${took}`
				: `fresh install check FAILED after ${took}`,
		);
	}
	process.exitCode = code === 0 ? 0 : 1;
}

void main();
