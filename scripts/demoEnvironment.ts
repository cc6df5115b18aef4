import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { DEFAULT_APP, DEFAULT_AYRSHARE } from '../emulator/defaults';
import { type Emulator, startEmulator } from '../emulator/server';
import { type N8nInstance, packPackage, startN8n } from '../test/e2e/harness';
import {
	TRIGGER_NODE,
	createXOAuth1Credential,
	triggerWorkflow,
} from '../test/e2e/support/triggerWorkflow';
import {
	DEMO_AYRSHARE_PROFILE_KEY,
	type DemoSource,
	type FireResult,
	SOURCE_NAMES,
	SOURCES,
	fireEvent,
} from './demoFire';

/**
 * The emulator and a real n8n with this package installed from its tarball, plus one active demo
 * workflow per source: trigger → "Spreadsheet Row" (the fields a user would map into a sheet or
 * CRM). The X workflows use only the X OAuth1 User credential: one X credential is enough.
 * Shared by `npm run demo` and the docs screenshots.
 *
 * Everything started is registered with a {@link Cleanup} as soon as it runs, so a failure at any
 * step (or Ctrl+C) stops exactly what was started, newest first.
 */
export const ROW_NODE = 'Spreadsheet Row';

export class Cleanup {
	private readonly steps: Array<{ what: string; stop: () => Promise<void> }> = [];

	add(what: string, stop: () => Promise<void>): void {
		this.steps.push({ what, stop });
	}

	/** Runs every stop, newest first; one that fails or hangs (15 s) does not keep the others from running. */
	async run(): Promise<void> {
		while (this.steps.length > 0) {
			const { what, stop } = this.steps.pop()!;
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<void>(
				(_, reject) =>
					(timer = setTimeout(() => reject(new Error('did not stop within 15 s')), 15_000)),
			);
			try {
				await Promise.race([stop(), timeout]);
			} catch (error) {
				process.stderr.write(`could not stop ${what}: ${(error as Error).message}\n`);
			} finally {
				clearTimeout(timer);
			}
		}
	}
}

export interface DemoEnvironment {
	emu: Emulator;
	n8n: N8nInstance;
	/** The X Account Activity API workflow (the one every event type is fired at). */
	workflowId: string;
	workflows: Record<DemoSource, string>;
	/** Fires one event of `type` through the source's signed delivery. */
	fire(type: string, source?: DemoSource): Promise<FireResult>;
	eventTypes(): Promise<string[]>;
	/** Deactivates and activates a workflow, which registers and subscribes again (after `app.revoked`). */
	reactivate(source: DemoSource): Promise<void>;
	stop(): Promise<void>;
}

function spreadsheetRowNode() {
	const field = (name: string, value: string) => ({
		id: randomUUID(),
		name,
		type: 'string',
		value,
	});
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
					field(
						'who',
						'={{ $json.actor?.username ? "@" + $json.actor.username : ($json.actor?.id ?? "") }}',
					),
					field(
						'whom',
						'={{ $json.target?.username ? "@" + $json.target.username : ($json.target?.id ?? "") }}',
					),
					field(
						'text',
						'={{ $json.post?.text ?? $json.message?.text ?? $json.replay?.state ?? "" }}',
					),
					field('link', '={{ $json.post?.url ?? "" }}'),
				],
			},
			options: {},
		},
	};
}

async function createAyrshareCredential(n8n: N8nInstance, emulatorUrl: string) {
	const name = 'Ayrshare (emulator)';
	const { id } = await n8n.createCredential('ayrshareApi', name, {
		apiKey: DEFAULT_AYRSHARE.apiKey,
		profileKey: DEMO_AYRSHARE_PROFILE_KEY,
		webhookSecret: `demo-${randomUUID()}`,
		xApiKey: DEFAULT_APP.consumerKey,
		xApiKeySecret: DEFAULT_APP.consumerSecret,
		baseUrl: `${emulatorUrl}/api`,
	});
	return { ayrshareApi: { id, name } };
}

/** What a user does once at Ayrshare (X Account Activity node → Ayrshare Profile → Update): switch the profile's X activity on. */
async function enableAyrshareAccountActivity(emulatorUrl: string): Promise<void> {
	const response = await fetch(`${emulatorUrl}/api/profiles`, {
		method: 'PATCH',
		headers: {
			authorization: `Bearer ${DEFAULT_AYRSHARE.apiKey}`,
			'profile-key': DEMO_AYRSHARE_PROFILE_KEY,
			'content-type': 'application/json',
			'x-twitter-oauth1-api-key': DEFAULT_APP.consumerKey,
			'x-twitter-oauth1-api-secret': DEFAULT_APP.consumerSecret,
		},
		body: JSON.stringify({ xAccountActivityActive: true }),
	});
	const answer = (await response.json()) as { status?: string; message?: string };
	if (answer.status !== 'success')
		throw new Error(
			`switching X Account Activity on at the emulated Ayrshare failed: ${answer.message ?? response.status}`,
		);
}

export async function startDemoEnvironment(cleanup = new Cleanup()): Promise<DemoEnvironment> {
	try {
		const tarball = await packPackage(resolve(__dirname, '..'));
		// n8n first: it is the step that can take minutes (the first run installs it) or fail.
		const n8n = await startN8n({ tarball });
		cleanup.add('n8n', () => n8n.stop());
		const emu = await startEmulator({ port: 0, log: () => undefined });
		cleanup.add('the emulator', () => emu.close());

		const { xOAuth1UserApi } = await createXOAuth1Credential(n8n, emu.url);
		const credentials: Record<DemoSource, Record<string, { id: string; name: string }>> = {
			aaa: { xOAuth1UserApi },
			xaa: { xOAuth1UserApi },
			ayrshare: await createAyrshareCredential(n8n, emu.url),
		};
		const workflows = {} as Record<DemoSource, string>;
		for (const source of SOURCES) {
			const { workflow } = triggerWorkflow(
				`X Account Activity demo (${SOURCE_NAMES[source]})`,
				credentials[source],
				{ source, events: ['*'] },
			);
			workflow.nodes.push(spreadsheetRowNode());
			workflow.connections = {
				[TRIGGER_NODE]: { main: [[{ node: ROW_NODE, type: 'main', index: 0 }]] },
			};
			const { id } = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(id);
			workflows[source] = id;
		}
		await enableAyrshareAccountActivity(emu.url);

		return {
			emu,
			n8n,
			workflowId: workflows.aaa,
			workflows,
			stop: () => cleanup.run(),
			fire: (type, source = 'aaa') => fireEvent(emu.url, source, type),
			async eventTypes() {
				return (
					(await (await fetch(`${emu.url}/_emulator/x/event-types`)).json()) as { types: string[] }
				).types;
			},
			async reactivate(source) {
				await n8n.deactivateWorkflow(workflows[source]);
				await n8n.activateWorkflow(workflows[source]);
			},
		};
	} catch (error) {
		await cleanup.run();
		throw error;
	}
}
