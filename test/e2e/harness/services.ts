import { spawn, type ChildProcess } from 'node:child_process';
import {
	chownSync,
	closeSync,
	existsSync,
	mkdtempSync,
	openSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './debianPackages';
import { say } from './log';
import { freePort } from './ports';
import { run, runOrThrow, tail } from './proc';

/**
 * Postgres and Redis for n8n's queue mode, from Debian's packages, run as child processes on
 * 127.0.0.1 with their own temporary data folders (no system service is started or touched).
 * Installed with apt-get on first use when missing (needs root, as in CI).
 */

const APT_PACKAGES = ['postgresql', 'redis-server'];
const READY_TIMEOUT_MS = 60_000;

export interface Service {
	name: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

function postgresBinDir(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((entry) => existsSync(join(root, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

async function hasCommand(command: string): Promise<boolean> {
	return (await run('sh', ['-c', `command -v ${command}`])).code === 0;
}

/** Postgres and Redis from Debian's packages, installed on first use. */
export function ensureServicePackages(): Promise<void> {
	return ensureDebianPackages(
		APT_PACKAGES,
		'Queue-mode tests',
		async () => !!postgresBinDir() && (await hasCommand('redis-server')),
	);
}

function spawnLogged(command: string, args: string[], logFile: string): ChildProcess {
	const fd = openSync(logFile, 'a');
	const child = spawn(command, args, { detached: true, stdio: ['ignore', fd, fd] });
	closeSync(fd);
	const kill = () => {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// gone
		}
	};
	process.on('exit', kill);
	child.once('exit', () => process.off('exit', kill));
	return child;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	process.kill(-child.pid, signal);
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// gone
		}
	}, 10_000);
	await exited;
	clearTimeout(timer);
}

async function waitFor(
	what: string,
	check: () => Promise<boolean>,
	child: ChildProcess,
	logFile: string,
): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`${what} exited (code ${child.exitCode})\n--- ${logFile} ---\n${tail(logFile, 40)}`,
			);
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(
		`${what} was not ready within ${READY_TIMEOUT_MS / 1000} s\n--- ${logFile} ---\n${tail(logFile, 40)}`,
	);
}

/**
 * A throwaway Postgres cluster: initdb into a temp folder owned by the `postgres` user (Postgres
 * refuses to run as root), trust authentication, listening on 127.0.0.1 only.
 */
export async function startPostgres(): Promise<Postgres> {
	await ensureServicePackages();
	const bin = postgresBinDir()!;
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-pg-'));
	const dataDir = join(dir, 'data');
	const logFile = join(dir, 'postgres.log');
	const asRoot = process.getuid?.() === 0;
	const as = (command: string, args: string[]): [string, string[]] =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	if (asRoot) {
		const ids = await runOrThrow('id postgres', 'id', ['-u', 'postgres']);
		const gid = await runOrThrow('id -g postgres', 'id', ['-g', 'postgres']);
		chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
	}
	await runOrThrow(
		'initdb',
		...as(join(bin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			'postgres',
			'--auth=trust',
			'--encoding=UTF8',
			'--no-sync',
		]),
	);
	const port = await freePort();
	const child = spawnLogged(
		...as(join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			// A test database: durability is not wanted, speed is.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		]),
		logFile,
	);
	const psql = (sql: string, database = 'postgres') =>
		run(join(bin, 'psql'), [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'postgres',
			'-d',
			database,
			'-v',
			'ON_ERROR_STOP=1',
			'-tAc',
			sql,
		]);
	await waitFor('postgres', async () => (await psql('select 1')).code === 0, child, logFile);
	const database = 'n8n';
	const created = await psql(`create database ${database}`);
	if (created.code !== 0) throw new Error(`create database failed: ${created.stderr}`);
	say(`postgres on 127.0.0.1:${port} (data ${dataDir})`);
	return {
		name: 'postgres',
		port,
		logFile,
		database,
		user: 'postgres',
		password: 'postgres',
		async stop() {
			await stopChild(child, 'SIGINT'); // fast shutdown
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A throwaway Redis: no persistence, 127.0.0.1 only. */
export async function startRedis(): Promise<Service> {
	await ensureServicePackages();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-redis-'));
	const logFile = join(dir, 'redis.log');
	const port = await freePort();
	const child = spawnLogged(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		logFile,
	);
	await waitFor(
		'redis',
		async () =>
			(await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'])).stdout.trim() ===
			'PONG',
		child,
		logFile,
	);
	say(`redis on 127.0.0.1:${port}`);
	return {
		name: 'redis',
		port,
		logFile,
		async stop() {
			await stopChild(child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
