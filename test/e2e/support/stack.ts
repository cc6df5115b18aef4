import { resolve } from 'node:path';

import { type Emulator, startEmulator } from '../../../emulator/server';
import { type N8nInstance, packPackage, startN8n } from '../harness';
import { createXCredentials } from './triggerWorkflow';

/** What every trigger e2e suite runs against: the packed package in a real n8n, the emulator, and X credentials for it. */
export interface Stack {
	emu: Emulator;
	n8n: N8nInstance;
	credentials: Awaited<ReturnType<typeof createXCredentials>>;
}

export async function startStack(label: string): Promise<Stack> {
	const tarball = await packPackage(resolve(__dirname, '../../..'));
	const emu = await startEmulator({ port: 0, log: () => undefined });
	const n8n = await startN8n({ tarball });
	process.stderr.write(
		`[${label} e2e] n8n ${n8n.version} at ${n8n.baseUrl} with ${tarball}, emulator at ${emu.url}\n`,
	);
	return { emu, n8n, credentials: await createXCredentials(n8n, emu.url) };
}

export async function stopStack(stack: Partial<Stack>): Promise<void> {
	await stack.n8n?.stop();
	await stack.emu?.close();
}

/** A JSON call to the emulator (X routes or its `/_emulator` side door) that fails loudly on a non-2xx. */
export function emulatorClient(emu: () => Emulator) {
	return async <T = any>(
		method: string,
		path: string,
		body?: unknown,
		auth?: string,
	): Promise<T> => {
		const response = await fetch(`${emu().url}${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
		return JSON.parse(text) as T;
	};
}
