import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8N_CACHE_DIR, N8N_INSTALL_OVERRIDES, N8N_NODE_BINARY } from './config';
import { say, seconds } from './log';
import { cleanNpmEnv, runOrThrow, tail } from './proc';

const MARKER = '.install-complete.json';
const LOCK_WAIT_MS = 30 * 60_000;
const STALE_LOCK_MS = 20 * 60_000;
const HEARTBEAT_MS = 15_000;

export function n8nInstallDir(version: string): string {
	return join(N8N_CACHE_DIR, `n8n-${version}`);
}

function binPath(dir: string): string {
	return join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** What an install was made from; a different recipe (e.g. new overrides) means reinstall. */
function recipe(version: string): string {
	return JSON.stringify({ version, overrides: N8N_INSTALL_OVERRIDES });
}

function isInstalled(dir: string, version: string): boolean {
	try {
		return JSON.parse(readFileSync(join(dir, MARKER), 'utf8')).recipe === recipe(version);
	} catch {
		return false;
	}
}

/**
 * Returns the path of the n8n bin script for `version`, installing n8n into the cache
 * first unless a finished install of the same recipe is there (the marker is written
 * only after a smoke check).
 */
export async function ensureN8n(version: string): Promise<string> {
	const dir = n8nInstallDir(version);
	if (isInstalled(dir, version)) return binPath(dir);

	mkdirSync(N8N_CACHE_DIR, { recursive: true });
	const release = await acquireLock(`${dir}.lock`);
	try {
		if (isInstalled(dir, version)) {
			say(`n8n ${version} was installed by another process meanwhile`);
			return binPath(dir);
		}
		await install(version, dir);
		return binPath(dir);
	} finally {
		release();
	}
}

async function install(version: string, dir: string): Promise<void> {
	// Never build on a leftover: npm reconciling an old lockfile kept old pins and dropped
	// 164 packages a fresh install has (measured), so every install starts from scratch.
	if (existsSync(dir)) {
		say(`removing incomplete or outdated install ${dir}`);
		rmSync(dir, { recursive: true, force: true });
	}
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true, overrides: N8N_INSTALL_OVERRIDES }, null, 2),
	);
	const logFile = join(dir, 'install.log');
	const args = [
		'install',
		`n8n@${version}`,
		'--omit=dev',
		'--no-audit',
		'--no-fund',
		'--save-exact',
		// sqlite3 compiles from source in its install script; never inherit a repo's ignore-scripts.
		'--ignore-scripts=false',
	];
	say(`installing n8n ${version} into ${dir} (about 3 min and 2.3 GB; log: ${logFile})`);
	const started = Date.now();
	const code = await spawnWithHeartbeat('npm', args, dir, logFile);
	if (code !== 0) {
		throw new Error(
			`npm ${args.join(' ')} failed (exit ${code}) in ${dir}\n--- ${logFile} (tail) ---\n${tail(logFile, 60)}`,
		);
	}
	say(`npm install of n8n ${version} finished in ${seconds(started)}`);

	const sqliteBinding = join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (!existsSync(sqliteBinding)) {
		throw new Error(
			`n8n ${version} installed but sqlite3 was not compiled: ${sqliteBinding} is missing. ` +
				`Its install script (prebuild-install || node-gyp rebuild) did not run or failed; it needs ` +
				`python3, make and g++. Try: cd ${dir} && npm rebuild sqlite3 --ignore-scripts=false\n` +
				`--- ${logFile} (tail) ---\n${tail(logFile, 60)}`,
		);
	}

	const smoke = await runOrThrow('n8n smoke check', N8N_NODE_BINARY, [binPath(dir), '--version'], {
		cwd: dir,
		env: cleanNpmEnv(),
	});
	const reported = smoke.stdout.trim().split('\n').pop() ?? '';
	if (reported !== version) {
		throw new Error(`n8n smoke check: expected version ${version}, \`n8n --version\` printed "${smoke.stdout.trim()}"`);
	}
	writeFileSync(
		join(dir, MARKER),
		JSON.stringify({ recipe: recipe(version), node: N8N_NODE_BINARY, installedAt: new Date().toISOString() }, null, 2),
	);
	say(`n8n ${version} ready (smoke check: n8n --version = ${reported})`);
}

/** npm prints little for minutes; the heartbeat keeps a CI step visibly alive. */
function spawnWithHeartbeat(cmd: string, args: string[], cwd: string, logFile: string): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const fd = openSync(logFile, 'w');
		const started = Date.now();
		const child = spawn(cmd, args, { cwd, env: cleanNpmEnv(), stdio: ['ignore', fd, fd] });
		const timer = setInterval(() => {
			const unpacked = countPackages(cwd);
			say(`  still installing n8n (${seconds(started)}, ${unpacked ? `${unpacked} packages unpacked` : 'resolving and downloading'})`);
		}, HEARTBEAT_MS);
		const done = (fn: () => void) => {
			clearInterval(timer);
			closeSync(fd);
			fn();
		};
		child.on('error', (error) => done(() => reject(error)));
		child.on('close', (code) => done(() => resolve(code)));
	});
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
			return () => rmSync(lockDir, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = Number(readOwner(ownerFile));
		// A pid can be reused (e.g. a lock restored from a CI cache), so age counts too.
		if ((owner && !isAlive(owner)) || lockAgeMs(lockDir) > STALE_LOCK_MS) {
			say(`removing stale install lock ${lockDir} (pid ${owner || 'unknown'} is gone or the lock is too old)`);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - started > LOCK_WAIT_MS) {
			throw new Error(`gave up waiting for ${lockDir} (held by pid ${owner || 'unknown'}); remove it if no install is running`);
		}
		if (Date.now() - announcedAt > 30_000) {
			say(`waiting for another n8n install to finish (lock ${lockDir}, pid ${owner || 'unknown'}, ${seconds(started)})`);
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
