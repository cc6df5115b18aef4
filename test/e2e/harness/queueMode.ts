import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KEEP_N8N, N8N_VERSION } from './config';
import { n8nEnv } from './env';
import { ensureN8n } from './install';
import { say, seconds } from './log';
import { installCommunityPackage, killGroup, startN8n, stopProcess, type N8nInstance } from './n8n';
import { freePort } from './ports';
import { tail } from './proc';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

/**
 * n8n in queue mode, as a scaled deployment runs it (docs.n8n.io, "Configuring queue mode"):
 * Postgres and Redis, a main process that serves the editor and API but no production webhooks
 * (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), `n8n webhook` processes behind a round-robin proxy (the
 * load balancer, and WEBHOOK_URL), and one `n8n worker` that runs the executions.
 */
export interface QueueModeOptions {
	tarball: string;
	webhookProcesses?: number;
	workerConcurrency?: number;
}

export interface N8nProcess {
	role: 'webhook' | 'worker';
	/** Where it serves HTTP (webhooks, or the worker's health check). */
	url: string;
	logFile: string;
	logTail(lines?: number): string;
	/** Stops and starts it again with the same folder and port: its module memory is lost. */
	restart(): Promise<void>;
}

export interface QueueDeployment {
	main: N8nInstance;
	webhooks: N8nProcess[];
	worker: N8nProcess;
	proxy: RoundRobinProxy;
	/** The base of production webhook URLs: the proxy, as `localhost` (WEBHOOK_URL). */
	webhookBaseUrl: string;
	postgres: Postgres;
	redis: Service;
	/** Execution ids the worker's log says it started. */
	workerExecutionIds(): string[];
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

function queueEnv(
	postgres: Postgres,
	redis: Service,
	encryptionKey: string,
): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Every process must decrypt the same credentials.
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}

async function httpOk(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}

async function startProcess(
	role: N8nProcess['role'],
	tarball: string,
	env: Record<string, string>,
): Promise<N8nProcess & { stop(): Promise<void> }> {
	const install = await ensureN8n(N8N_VERSION);
	const userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${role}-`));
	const logFile = join(userFolder, `${role}.log`);
	// Each process loads community nodes from its own user folder, as on separate machines.
	await installCommunityPackage(userFolder, tarball);
	const port = await freePort();
	const brokerPort = await freePort([port]);
	const healthPort = await freePort([port, brokerPort]);
	const fullEnv = n8nEnv({
		userFolder,
		port,
		brokerPort,
		encryptionKey: env.N8N_ENCRYPTION_KEY,
		extra: {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		},
	});
	const url = role === 'webhook' ? `http://127.0.0.1:${port}/` : `http://127.0.0.1:${healthPort}/`;
	const args =
		role === 'worker'
			? [install.bin, 'worker', `--concurrency=${env.WORKER_CONCURRENCY ?? '10'}`]
			: [install.bin, 'webhook'];

	let child: ChildProcess;
	const launch = async () => {
		const fd = openSync(logFile, 'a');
		const started = Date.now();
		child = spawn(install.node.binary, args, {
			cwd: userFolder,
			env: fullEnv,
			detached: true,
			stdio: ['ignore', fd, fd],
		});
		closeSync(fd);
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (!(await httpOk(`${url}healthz`))) {
			if (child.exitCode !== null)
				throw new Error(
					`n8n ${role} exited (code ${child.exitCode})\n--- ${logFile} ---\n${tail(logFile, 60)}`,
				);
			if (Date.now() > deadline)
				throw new Error(
					`n8n ${role} not ready within ${READY_TIMEOUT_MS / 1000} s\n--- ${logFile} ---\n${tail(logFile, 60)}`,
				);
			await new Promise((r) => setTimeout(r, 250));
		}
		say(`n8n ${role} ready at ${url} after ${seconds(started)} (pid ${child.pid})`);
	};
	const killOnExit = () => killGroup(child, 'SIGKILL');
	process.on('exit', killOnExit);
	await launch();
	return {
		role,
		url,
		logFile,
		logTail: (lines = 80) => tail(logFile, lines),
		async restart() {
			await stopProcess(child);
			await launch();
		},
		async stop() {
			process.off('exit', killOnExit);
			await stopProcess(child);
			if (KEEP_N8N) say(`kept ${userFolder}`);
			else rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

export async function startQueueMode(options: QueueModeOptions): Promise<QueueDeployment> {
	const started = Date.now();
	const tarball = resolve(options.tarball);
	const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
	const encryptionKey = randomBytes(24).toString('hex');
	const env = {
		...queueEnv(postgres, redis, encryptionKey),
		WORKER_CONCURRENCY: String(options.workerConcurrency ?? 10),
	};
	const stoppers: Array<() => Promise<void>> = [() => postgres.stop(), () => redis.stop()];
	const stopAll = async () => {
		for (const stop of stoppers.reverse())
			await stop().catch((error) => say(`stop failed: ${(error as Error).message}`));
	};
	try {
		// The proxy's port must be known before main starts: it is WEBHOOK_URL, the URL X is given.
		const proxy = await startRoundRobinProxy();
		stoppers.push(() => proxy.close());
		const webhookBaseUrl = proxy.url.replace('127.0.0.1', 'localhost');
		const main = await startN8n({
			tarball,
			env: { ...env, WEBHOOK_URL: webhookBaseUrl, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
		});
		stoppers.push(() => main.stop());
		// After main: it runs the database migrations the others expect.
		const count = options.webhookProcesses ?? 2;
		const processes = await Promise.all([
			...Array.from({ length: count }, () =>
				startProcess('webhook', tarball, { ...env, WEBHOOK_URL: webhookBaseUrl }),
			),
			startProcess('worker', tarball, env),
		]);
		for (const process of processes) stoppers.push(() => process.stop());
		const webhooks = processes.filter((p) => p.role === 'webhook');
		const worker = processes.find((p) => p.role === 'worker')!;
		proxy.setTargets(webhooks.map((p) => p.url));
		say(
			`queue mode up in ${seconds(started)}: main ${main.baseUrl}, ${webhooks.length} webhook processes behind ${proxy.url}, worker`,
		);
		return {
			main,
			webhooks,
			worker,
			proxy,
			webhookBaseUrl,
			postgres,
			redis,
			workerExecutionIds: () =>
				[...readFileSync(worker.logFile, 'utf8').matchAll(/Worker started execution (\d+)/g)].map(
					(m) => m[1],
				),
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
