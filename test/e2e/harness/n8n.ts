import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KEEP_N8N, N8N_VERSION } from './config';
import { n8nEnv } from './env';
import { DONE_STATUSES, type N8nExecution } from './executions';
import { jsonClient, N8nApiError } from './http';
import { ensureN8n } from './install';
import { say, seconds } from './log';
import { freePort } from './ports';
import { cleanNpmEnv, runOrThrow, tail } from './proc';

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
export const OWNER = {
	email: 'owner@e2e.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-password-1',
};
/** n8n binds the auth cookie to this header when it is sent at login; send it always. */
const BROWSER_ID = 'n8n-e2e-harness';

export interface StartOptions {
	/** A `npm pack` tarball to install as a community package before n8n starts. */
	tarball?: string;
	/** Extra environment for n8n (wins over the harness defaults). */
	env?: Record<string, string>;
	port?: number;
}

export interface WorkflowJson {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: Record<string, unknown> | null;
}

export interface N8nWorkflow extends WorkflowJson {
	id: string;
	active: boolean;
	staticData?: Record<string, unknown> | null;
	[key: string]: unknown;
}

/** n8n ≥2.36's view of a workflow's publication (`GET /rest/workflows/:id/publication-status`). */
export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/**
 * Activation failed in the background (n8n ≥2.36): the API had answered `active: true`, and n8n
 * shows the user the triggers' error messages instead.
 */
export class ActivationError extends Error {
	constructor(
		readonly workflowId: string,
		readonly publication: PublicationStatus,
	) {
		const reasons = publication.triggers.map((trigger) => trigger.errorMessage).filter(Boolean);
		super(
			`workflow ${workflowId} failed to activate (publication ${publication.status}): ${reasons.join(' | ') || 'no reason given'}`,
		);
		this.name = 'ActivationError';
	}
}

export interface N8nInstance {
	version: string;
	/** The Node n8n runs on (`v24.22.3`). */
	nodeVersion: string;
	baseUrl: string;
	/** Ends with '/'; production webhooks live under `${webhookBaseUrl}webhook/…`. */
	webhookBaseUrl: string;
	apiKey: string;
	logFile: string;
	userFolder: string;
	/** Milliseconds from spawn to a passing readiness probe. */
	startupMs: number;
	createCredential(
		type: string,
		name: string,
		data: Record<string, unknown>,
	): Promise<{ id: string }>;
	createWorkflow(workflow: WorkflowJson): Promise<{ id: string }>;
	/**
	 * Activates and resolves once n8n has finished: on 2.8 the API call does the work; on ≥2.36 the
	 * API answers at once and n8n publishes in the background (retrying a failed trigger up to 5
	 * times), so this polls the publication status. Rejects with what the user is shown: the API
	 * error on 2.8, an ActivationError with the triggers' messages on ≥2.36.
	 */
	activateWorkflow(id: string): Promise<N8nWorkflow>;
	/** Deactivates and resolves once n8n has taken the triggers down (see activateWorkflow). */
	deactivateWorkflow(id: string): Promise<N8nWorkflow>;
	/** The publication status on n8n ≥2.36, `undefined` where n8n has none (2.8: activation is synchronous). */
	publicationStatus(id: string): Promise<PublicationStatus | undefined>;
	deleteWorkflow(id: string): Promise<void>;
	getWorkflow(id: string): Promise<N8nWorkflow>;
	listExecutions(workflowId: string, options?: { includeData?: boolean }): Promise<N8nExecution[]>;
	/** Resolves with the first `count` finished executions (oldest first), with data. */
	waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<N8nExecution[]>;
	/** The public API, for calls the helpers above do not cover. */
	api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** The editor's internal REST API (`/rest/...`) as the signed-in owner, for what the public API lacks (e.g. credential tests). */
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	logTail(lines?: number): string;
	stop(): Promise<void>;
	/** Stops the n8n process and keeps its database: the first half of a restart, or an outage. */
	halt(): Promise<void>;
	/** Starts n8n again on the same database and port, with extra environment (e.g. a shifted clock). */
	resume(extraEnv?: Record<string, string>): Promise<void>;
}

export async function startN8n(options: StartOptions = {}): Promise<N8nInstance> {
	const install = await ensureN8n(N8N_VERSION);
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	const logFile = join(userFolder, 'n8n.log');
	if (options.tarball) await installCommunityPackage(userFolder, resolve(options.tarball));

	const port = options.port ?? (await freePort());
	const brokerPort = await freePort([port]);
	const baseUrl = `http://127.0.0.1:${port}/`;
	const env = n8nEnv({
		userFolder,
		port,
		brokerPort,
		encryptionKey: randomBytes(24).toString('hex'),
		extra: options.env,
	});

	const spawnN8n = (processEnv: NodeJS.ProcessEnv) => {
		const logFd = openSync(logFile, 'a');
		// Its own process group, so stop() also reaches the task runner n8n spawns.
		const spawned = spawn(install.node.binary, [install.bin, 'start'], {
			cwd: userFolder,
			env: processEnv,
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
		closeSync(logFd);
		return spawned;
	};
	const started = Date.now();
	let child = spawnN8n(env);
	const killOnExit = () => killGroup(child, 'SIGKILL');
	process.on('exit', killOnExit);
	say(
		`starting n8n ${N8N_VERSION} on Node ${install.node.version} (pid ${child.pid}, port ${port}, user folder ${userFolder})`,
	);

	const logTail = (lines = 80) => tail(logFile, lines);
	const stopAndClean = async (keep: boolean) => {
		process.off('exit', killOnExit);
		await stopProcess(child);
		if (keep) say(`kept ${userFolder} (n8n log: ${logFile})`);
		else rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		await waitUntilReady(child, baseUrl, logFile);
		const startupMs = Date.now() - started;
		say(`n8n ${N8N_VERSION} ready after ${seconds(started)}`);
		const apiKey = await setUpOwnerAndApiKey(baseUrl, logTail);
		const stop = () => stopAndClean(KEEP_N8N);
		const halt = () => stopProcess(child);
		const resume = async (extraEnv: Record<string, string> = {}) => {
			child = spawnN8n({ ...env, ...extraEnv });
			say(`starting n8n ${N8N_VERSION} again (pid ${child.pid}, same user folder and port)`);
			await waitUntilReady(child, baseUrl, logFile);
		};
		return makeInstance({
			baseUrl,
			apiKey,
			logFile,
			userFolder,
			startupMs,
			logTail,
			stop,
			halt,
			resume,
			nodeVersion: install.node.version,
		});
	} catch (error) {
		await stopAndClean(true); // a failed start is worth a look at its folder
		throw error;
	}
}

/** Lays the package out where n8n's community-package loader looks for it. */
export async function installCommunityPackage(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
	);
	const started = Date.now();
	await runOrThrow(
		'installing the packed community package',
		'npm',
		// n8n's own installer also refuses install scripts; --offline fails fast on any runtime dependency.
		[
			'install',
			tarball,
			'--legacy-peer-deps',
			'--offline',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts=true',
		],
		{ cwd: nodesDir, env: cleanNpmEnv() },
	);
	say(`installed ${tarball} into ${nodesDir} in ${seconds(started)}`);
}

async function waitUntilReady(
	child: ChildProcess,
	baseUrl: string,
	logFile: string,
): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exited = child.exitCode !== null ? `exit code ${child.exitCode}` : undefined;
	child.once('exit', (code, signal) => (exited = `exit code ${code}, signal ${signal}`));
	while (Date.now() < deadline) {
		if (exited) {
			throw new Error(
				`n8n exited before it was ready (${exited})\n--- ${logFile} (tail) ---\n${tail(logFile, 80)}`,
			);
		}
		try {
			// Readiness turns green once migrations ran, before the REST controllers are mounted.
			if ((await probe(baseUrl, 'healthz/readiness')) && (await probe(baseUrl, 'rest/settings')))
				return;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	throw new Error(
		`n8n was not ready within ${READY_TIMEOUT_MS / 1000} s (${baseUrl}healthz/readiness)\n` +
			`--- ${logFile} (tail) ---\n${tail(logFile, 80)}`,
	);
}

async function setUpOwnerAndApiKey(baseUrl: string, logTail: () => string): Promise<string> {
	const request = jsonClient(baseUrl, logTail);
	const setup = await request<{ data: { id: string } }>('POST', 'rest/owner/setup', {
		body: OWNER,
		headers: { 'browser-id': BROWSER_ID },
	});
	const cookie = setup.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	if (!cookie) {
		throw new N8nApiError(
			'POST',
			'rest/owner/setup',
			setup.status,
			'no auth cookie in the response',
			logTail(),
		);
	}
	const headers = { cookie, 'browser-id': BROWSER_ID };
	// Without an API-key-scopes licence n8n grants the role's scopes anyway; asking for exactly those keeps it valid if licensed.
	const scopes = await request<{ data: string[] }>('GET', 'rest/api-keys/scopes', { headers });
	const created = await request<{ data: { rawApiKey: string } }>('POST', 'rest/api-keys', {
		headers,
		body: { label: 'e2e', scopes: scopes.body.data, expiresAt: null },
	});
	return created.body.data.rawApiKey;
}

interface InstanceParts {
	baseUrl: string;
	apiKey: string;
	logFile: string;
	userFolder: string;
	startupMs: number;
	nodeVersion: string;
	logTail: (lines?: number) => string;
	stop: () => Promise<void>;
	halt: () => Promise<void>;
	resume: (extraEnv?: Record<string, string>) => Promise<void>;
}

const PUBLICATION_TIMEOUT_MS = 120_000;

function makeInstance(parts: InstanceParts): N8nInstance {
	const request = jsonClient(parts.baseUrl, () => parts.logTail());
	const api = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
		(
			await request<T>(method, `api/v1/${path.replace(/^\//, '')}`, {
				body,
				headers: { 'X-N8N-API-KEY': parts.apiKey },
			})
		).body;

	let session: Promise<Record<string, string>> | undefined;
	const signIn = async () => {
		const login = await request('POST', 'rest/login', {
			body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
			headers: { 'browser-id': BROWSER_ID },
		});
		const cookie = login.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
		return { cookie, 'browser-id': BROWSER_ID };
	};
	const rest = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		session ??= signIn();
		return (
			await request<T>(method, `rest/${path.replace(/^\//, '')}`, { body, headers: await session })
		).body;
	};

	let hasPublicationStatus: boolean | undefined;
	async function publicationStatus(id: string): Promise<PublicationStatus | undefined> {
		if (hasPublicationStatus === false) return undefined;
		try {
			const status = (
				await rest<{ data: PublicationStatus }>('GET', `workflows/${id}/publication-status`)
			).data;
			hasPublicationStatus = true;
			return status;
		} catch (error) {
			// 2.8 has no such route; ≥2.36 answers "not available" when the publication service is off.
			if (
				hasPublicationStatus === undefined &&
				error instanceof N8nApiError &&
				error.status === 404 &&
				!/does not exist/.test(error.body)
			) {
				hasPublicationStatus = false;
				return undefined;
			}
			throw error;
		}
	}

	/** Polls until n8n is no longer publishing the workflow (at once where activation is synchronous). */
	async function settled(id: string): Promise<PublicationStatus | undefined> {
		const deadline = Date.now() + PUBLICATION_TIMEOUT_MS;
		for (;;) {
			const status = await publicationStatus(id);
			if (status?.status !== 'in_progress') return status;
			if (Date.now() > deadline) {
				throw new Error(
					`workflow ${id} was still being published after ${PUBLICATION_TIMEOUT_MS / 1000} s\n--- n8n log (tail) ---\n${parts.logTail()}`,
				);
			}
			await sleep(200);
		}
	}

	const listExecutions = async (workflowId: string, { includeData = false } = {}) => {
		const all: N8nExecution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({
				workflowId,
				includeData: String(includeData),
				limit: '250',
			});
			if (cursor) query.set('cursor', cursor);
			const page = await api<{ data: N8nExecution[]; nextCursor: string | null }>(
				'GET',
				`executions?${query}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	};

	return {
		version: N8N_VERSION,
		nodeVersion: parts.nodeVersion,
		baseUrl: parts.baseUrl,
		webhookBaseUrl: parts.baseUrl.replace('127.0.0.1', 'localhost'),
		apiKey: parts.apiKey,
		logFile: parts.logFile,
		userFolder: parts.userFolder,
		startupMs: parts.startupMs,
		logTail: parts.logTail,
		stop: parts.stop,
		halt: parts.halt,
		resume: parts.resume,
		api,
		rest,

		async createCredential(type, name, data) {
			// Credentials that authenticate requests get n8n's injected domain-restriction field,
			// and the public API's schema then requires it (absent, it demands `allowedDomains`).
			const schema = await api<{ properties?: Record<string, unknown> }>(
				'GET',
				`credentials/schema/${encodeURIComponent(type)}`,
			);
			const body = { ...data };
			if (
				schema.properties &&
				'allowedHttpRequestDomains' in schema.properties &&
				!('allowedHttpRequestDomains' in body)
			) {
				body.allowedHttpRequestDomains = 'all';
			}
			try {
				const created = await api<{ id: string }>('POST', 'credentials', {
					name,
					type,
					data: body,
				});
				return { id: created.id };
			} catch (error) {
				// n8n's messages for this schema are cryptic ("does not match allOf schema [subschema 0]"):
				// a field shown only for some value of another field is required whenever that other
				// field is absent, so show the schema it validated against.
				if (error instanceof N8nApiError && error.status === 400) {
					error.message += `\n--- credential schema n8n validated data against (${type}) ---\n${JSON.stringify(schema)}`;
				}
				throw error;
			}
		},

		async createWorkflow(workflow) {
			const created = await api<{ id: string }>('POST', 'workflows', {
				...workflow,
				settings: workflow.settings ?? { executionOrder: 'v1' },
			});
			return { id: created.id };
		},

		async activateWorkflow(id) {
			const workflow = await api<N8nWorkflow>('POST', `workflows/${id}/activate`);
			const publication = await settled(id);
			if (publication && publication.status !== 'published')
				throw new ActivationError(id, publication);
			return workflow;
		},
		async deactivateWorkflow(id) {
			const workflow = await api<N8nWorkflow>('POST', `workflows/${id}/deactivate`);
			await settled(id);
			return workflow;
		},
		publicationStatus,
		async deleteWorkflow(id) {
			await api('DELETE', `workflows/${id}`);
		},
		getWorkflow: (id) => api<N8nWorkflow>('GET', `workflows/${id}`),
		listExecutions,

		async waitForExecutions(workflowId, count, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			let seen: N8nExecution[] = [];
			for (;;) {
				seen = await listExecutions(workflowId, { includeData: true });
				const done = seen.filter((execution) => DONE_STATUSES.includes(execution.status));
				if (done.length >= count) return done.slice(0, count);
				if (Date.now() > deadline) break;
				await sleep(200);
			}
			throw new Error(
				`waited ${timeoutMs} ms for ${count} finished execution(s) of workflow ${workflowId}; ` +
					`saw ${seen.length}: ${JSON.stringify(seen.map(({ id, status, mode }) => ({ id, status, mode })))}\n` +
					`--- n8n log (tail) ---\n${parts.logTail()}`,
			);
		},
	};
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

export async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		killGroup(child, 'SIGKILL'); // the task runner may outlive its parent
		return;
	}
	const started = Date.now();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const graceful = await Promise.race([
		exited.then(() => true),
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_GRACE_MS))),
	]);
	clearTimeout(timer);
	if (!graceful)
		say(`n8n (pid ${child.pid}) ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
	killGroup(child, 'SIGKILL');
	await exited;
	say(`n8n stopped in ${seconds(started)}`);
}

async function probe(baseUrl: string, path: string): Promise<boolean> {
	const response = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(2_000) });
	await response.arrayBuffer();
	return response.ok;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
