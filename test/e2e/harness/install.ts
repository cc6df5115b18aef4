import { spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
	N8N_CACHE_DIR,
	installRecipeFor,
	nodeRuntimeFor,
	type N8nInstallRecipe,
	type NodeRuntime,
} from './config';
import { say, seconds } from './log';
import { summarizeNpmFailure } from './npmError';
import { cleanNpmEnv, run } from './proc';

const MARKER = '.install-complete.json';
const LOCK_WAIT_MS = 30 * 60_000;
const STALE_LOCK_MS = 5 * 60_000;
const HEARTBEAT_MS = 15_000;

/**
 * An install that failed, said in two lines: the cause, and where the full log is. Its stack is
 * the message alone: jest prints it as is, and a stack into the harness would tell nothing more.
 */
export class InstallError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InstallError';
		this.stack = `${this.name}: ${message}`;
	}
}

export interface N8nInstall {
	/** The n8n bin script (run it with `node`). */
	bin: string;
	dir: string;
	node: NodeRuntime & { version: string };
	/** Milliseconds spent installing in this call (0 when it came from the cache). */
	installMs: number;
}

/**
 * Makes sure the Node that `version` needs and n8n `version` itself are in the cache, installing
 * what is missing (the marker is written only after a smoke check), and says where they are.
 */
export async function ensureN8n(version: string): Promise<N8nInstall> {
	const started = Date.now();
	const node = await ensureNodeRuntime(nodeRuntimeFor(version));
	const recipe = installRecipeFor(version);
	const dir = join(
		N8N_CACHE_DIR,
		`n8n-${version}-node${node.version.split('.')[0].replace('v', '')}`,
	);
	const fingerprint = JSON.stringify({ ...recipe, nodeModules: node.modules });
	const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	let installed = false;
	await cached(dir, fingerprint, async () => {
		await installN8n(recipe, dir, node);
		installed = true;
	});
	return { bin, dir, node, installMs: installed ? Date.now() - started : 0 };
}

/** The Node runtime, installed from the registry into the cache first if it is a `registry` one. */
export async function ensureNodeRuntime(
	runtime: NodeRuntime,
): Promise<NodeRuntime & { version: string; modules: string }> {
	if (runtime.package) {
		const { spec, dir } = runtime.package;
		await cached(dir, JSON.stringify({ spec }), async () => {
			writeFileSync(
				join(dir, 'package.json'),
				JSON.stringify({ name: 'node-runtime', private: true }, null, 2),
			);
			const logFile = join(dir, 'install.log');
			say(
				`installing Node ${runtime.package!.version} from the npm registry (${spec}, ~30 MB) into ${dir}`,
			);
			const started = Date.now();
			// The package is the binary and headers; it has no install script to run.
			await npm(
				['install', spec, '--no-audit', '--no-fund', '--save-exact', '--ignore-scripts'],
				dir,
				logFile,
				runtime,
				'Node',
			);
			if (!existsSync(runtime.binary))
				throw new InstallError(`${spec} installed but has no ${runtime.binary}\n  log: ${logFile}`);
			if (
				!runtime.headersDir ||
				!existsSync(join(runtime.headersDir, 'include', 'node', 'node.h'))
			) {
				throw new InstallError(
					`${spec} installed but has no headers (include/node/node.h); native modules could not be built\n  log: ${logFile}`,
				);
			}
			const version = (await nodeVersion(runtime.binary)).version;
			if (version !== `v${runtime.package!.version}`)
				throw new InstallError(
					`${runtime.binary} --version printed ${version}, expected v${runtime.package!.version}`,
				);
			say(`Node ${version} ready in ${seconds(started)} (${runtime.binary})`);
		});
	}
	return { ...runtime, ...(await nodeVersion(runtime.binary)) };
}

async function nodeVersion(binary: string): Promise<{ version: string; modules: string }> {
	const result = await run(binary, [
		'-p',
		'process.version + " " + process.versions.modules',
	]).catch((error: Error) => ({ code: -1, stdout: '', stderr: error.message }));
	if (result.code !== 0)
		throw new InstallError(
			`cannot run the Node for n8n (${binary}): ${result.stderr.trim().split('\n')[0] || `exit ${result.code}`}`,
		);
	const [version, modules] = result.stdout.trim().split(' ');
	return { version, modules };
}

async function installN8n(
	recipe: N8nInstallRecipe,
	dir: string,
	node: NodeRuntime & { version: string },
): Promise<void> {
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true, overrides: recipe.overrides }, null, 2),
	);
	const logFile = join(dir, 'install.log');
	const { version } = recipe;
	say(
		`installing n8n ${version} for Node ${node.version} into ${dir} ` +
			`(${recipe.ignoreScripts ? 'about 6 min' : 'about 3 min'} and 2–3 GB the first time; log: ${logFile})`,
	);
	const started = Date.now();
	await npm(
		// Never inherit a repo's ignore-scripts: say what this install wants.
		[
			'install',
			`n8n@${version}`,
			'--omit=dev',
			'--no-audit',
			'--no-fund',
			'--save-exact',
			`--ignore-scripts=${recipe.ignoreScripts}`,
		],
		dir,
		logFile,
		node,
		`n8n ${version}`,
	);
	say(`npm install of n8n ${version} finished in ${seconds(started)}`);
	for (const name of recipe.rebuild) {
		const rebuildStarted = Date.now();
		say(`building ${name} for Node ${node.version}`);
		await npm(
			['rebuild', name, '--ignore-scripts=false'],
			dir,
			logFile,
			node,
			`n8n ${version} (rebuilding ${name})`,
			'a',
		);
		say(`built ${name} in ${seconds(rebuildStarted)}`);
	}

	const sqliteBinding = join(
		dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	if (!existsSync(sqliteBinding)) {
		throw new InstallError(
			`n8n ${version} installed but sqlite3 was not compiled (${sqliteBinding} is missing; it needs python3, make and g++)\n  log: ${logFile}`,
		);
	}
	const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const smoke = await run(node.binary, [bin, '--version'], {
		cwd: dir,
		env: cleanNpmEnv({}, { nodeBinary: node.binary }),
	});
	const reported = smoke.stdout.trim().split('\n').pop() ?? '';
	if (smoke.code !== 0 || reported !== version) {
		const why = (smoke.stderr.trim() || smoke.stdout.trim()).split('\n').slice(-1)[0];
		throw new InstallError(
			`n8n ${version} installed but \`n8n --version\` on Node ${node.version} ${smoke.code !== 0 ? `failed: ${why}` : `printed "${reported}"`}\n  log: ${logFile}`,
		);
	}
	say(
		`n8n ${version} ready on Node ${node.version} after ${seconds(started)} (smoke check: n8n --version = ${reported})`,
	);
}

/**
 * Runs npm for an install into `dir`, building native modules for `node` with its own headers
 * (node-gyp would otherwise download them), with a heartbeat so a CI log shows it is alive.
 * A failure throws the cause in one line plus the log's path.
 */
async function npm(
	args: string[],
	dir: string,
	logFile: string,
	node: NodeRuntime,
	what: string,
	flags: 'w' | 'a' = 'w',
): Promise<void> {
	const extra: Record<string, string> = {
		// sqlite3's script is `prebuild-install || node-gyp rebuild`: skip the GitHub download it would try first.
		npm_config_build_from_source: 'sqlite3',
		// node-gyp: compile sqlite3's sources in parallel.
		JOBS: 'max',
	};
	if (node.headersDir) extra.npm_config_nodedir = node.headersDir;
	const code = await spawnWithHeartbeat(
		'npm',
		args,
		dir,
		logFile,
		cleanNpmEnv(extra, { nodeBinary: node.binary }),
		what,
		flags,
	);
	if (code !== 0) {
		const output = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
		throw new InstallError(
			`installing ${what} failed (npm ${args[0]}, exit ${code}): ${summarizeNpmFailure(output)}\n  log: ${logFile}`,
		);
	}
}

function spawnWithHeartbeat(
	cmd: string,
	args: string[],
	cwd: string,
	logFile: string,
	env: NodeJS.ProcessEnv,
	what: string,
	flags: 'w' | 'a',
): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const fd = openSync(logFile, flags);
		const started = Date.now();
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
		const timer = setInterval(() => {
			const unpacked = countPackages(cwd);
			say(
				`  still installing ${what} (${seconds(started)}, ${unpacked ? `${unpacked} packages in node_modules` : 'resolving and downloading'})`,
			);
		}, HEARTBEAT_MS);
		const done = (fn: () => void) => {
			clearInterval(timer);
			closeSync(fd);
			fn();
		};
		child.on('error', (error) =>
			done(() =>
				reject(new InstallError(`installing ${what}: cannot run ${cmd}: ${error.message}`)),
			),
		);
		child.on('close', (code) => done(() => resolve(code)));
	});
}

/**
 * Runs `install` into `dir` unless a finished install with the same fingerprint is there; one
 * process at a time per folder (CI jobs and parallel worktrees share the cache).
 */
async function cached(
	dir: string,
	fingerprint: string,
	install: () => Promise<void>,
): Promise<void> {
	if (isInstalled(dir, fingerprint)) return;
	mkdirSync(N8N_CACHE_DIR, { recursive: true });
	const release = await acquireLock(`${dir}.lock`);
	try {
		if (isInstalled(dir, fingerprint)) {
			say(`${dir} was installed by another process meanwhile`);
			return;
		}
		// Never build on a leftover: npm reconciling an old lockfile kept old pins and dropped
		// 164 packages a fresh install has (measured), so every install starts from scratch.
		if (existsSync(dir)) {
			say(`removing incomplete or outdated install ${dir}`);
			rmSync(dir, { recursive: true, force: true });
		}
		mkdirSync(dir, { recursive: true });
		await install();
		writeFileSync(
			join(dir, MARKER),
			JSON.stringify({ fingerprint, installedAt: new Date().toISOString() }, null, 2),
		);
	} finally {
		release();
	}
}

function isInstalled(dir: string, fingerprint: string): boolean {
	try {
		return JSON.parse(readFileSync(join(dir, MARKER), 'utf8')).fingerprint === fingerprint;
	} catch {
		return false;
	}
}

/** mkdir is atomic, so a lock directory works across processes; a dead owner's lock is taken over. */
async function acquireLock(lockDir: string): Promise<() => void> {
	const ownerFile = join(lockDir, 'owner');
	const started = Date.now();
	let announcedAt = 0;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(ownerFile, String(process.pid));
			// A slow install (2 cores, cold npm cache) must not look stale to a waiting process.
			const refresh = setInterval(() => {
				const now = new Date();
				try {
					utimesSync(lockDir, now, now);
				} catch {
					// released meanwhile
				}
			}, 30_000);
			refresh.unref();
			return () => {
				clearInterval(refresh);
				rmSync(lockDir, { recursive: true, force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = Number(readOwner(ownerFile));
		// A pid can be reused (e.g. a lock restored from a CI cache), so age counts too.
		if ((owner && !isAlive(owner)) || lockAgeMs(lockDir) > STALE_LOCK_MS) {
			say(
				`removing stale install lock ${lockDir} (pid ${owner || 'unknown'} is gone or the lock is too old)`,
			);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - started > LOCK_WAIT_MS) {
			throw new InstallError(
				`gave up waiting for ${lockDir} (held by pid ${owner || 'unknown'}); remove it if no install is running`,
			);
		}
		if (Date.now() - announcedAt > 30_000) {
			say(
				`waiting for another install to finish (lock ${lockDir}, pid ${owner || 'unknown'}, ${seconds(started)})`,
			);
			announcedAt = Date.now();
		}
		await new Promise((resolve) => setTimeout(resolve, 2_000));
	}
}

function countPackages(dir: string): number {
	try {
		return readdirSync(join(dir, 'node_modules')).length;
	} catch {
		return 0;
	}
}

function lockAgeMs(lockDir: string): number {
	try {
		return Date.now() - statSync(lockDir).mtimeMs;
	} catch {
		return 0;
	}
}

function readOwner(file: string): string {
	try {
		return readFileSync(file, 'utf8').trim();
	} catch {
		return '';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
