import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { type Emulator, startEmulator } from '../emulator/server';
import { type N8nInstance, packPackage, startN8n } from '../test/e2e/harness';
import { TRIGGER_NODE, createXCredentials, triggerWorkflow } from '../test/e2e/support/triggerWorkflow';

/**
 * The emulator and a real n8n with this package installed from its tarball, plus an active demo
 * workflow: trigger → "Spreadsheet Row" (the fields a user would map into a sheet or CRM).
 * Shared by `npm run demo` and the docs screenshots.
 */
export const ROW_NODE = 'Spreadsheet Row';

export interface DemoEnvironment {
	emu: Emulator;
	n8n: N8nInstance;
	workflowId: string;
	/** Fires one event of `type` through X's signed delivery. */
	fire(type: string): Promise<void>;
	eventTypes(): Promise<string[]>;
	stop(): Promise<void>;
}

function spreadsheetRowNode() {
	const field = (name: string, value: string) => ({ id: randomUUID(), name, type: 'string', value });
	return {
		id: randomUUID(),
		name: ROW_NODE,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [260, 0],
		parameters: {
			mode: 'manual',
			includeOtherFields: false,
			assignments: {
				assignments: [
					field('event', '={{ $json.event }}'),
					field('who', '={{ $json.actor?.username ? "@" + $json.actor.username : ($json.actor?.id ?? "") }}'),
					field('whom', '={{ $json.target?.username ? "@" + $json.target.username : ($json.target?.id ?? "") }}'),
					field('text', '={{ $json.post?.text ?? $json.message?.text ?? $json.replay?.state ?? "" }}'),
					field('link', '={{ $json.post?.url ?? "" }}'),
				],
			},
			options: {},
		},
	};
}

export async function startDemoEnvironment(): Promise<DemoEnvironment> {
	const tarball = await packPackage(resolve(__dirname, '..'));
	const emu = await startEmulator({ port: 0, log: () => undefined });
	const n8n = await startN8n({ tarball });
	const stop = async () => {
		await n8n.stop();
		await emu.close();
	};
	try {
		const credentials = await createXCredentials(n8n, emu.url);
		const { workflow } = triggerWorkflow('X Account Activity demo', credentials);
		workflow.nodes.push(spreadsheetRowNode());
		workflow.connections = { [TRIGGER_NODE]: { main: [[{ node: ROW_NODE, type: 'main', index: 0 }]] } };
		const { id } = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		return {
			emu,
			n8n,
			workflowId: id,
			stop,
			async fire(type) {
				await fetch(`${emu.url}/_emulator/x/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) });
			},
			async eventTypes() {
				return ((await (await fetch(`${emu.url}/_emulator/x/event-types`)).json()) as { types: string[] }).types;
			},
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
