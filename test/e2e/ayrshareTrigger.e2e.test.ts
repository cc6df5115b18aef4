/**
 * Acceptance (3): the trigger with `source = ayrshare` inside a real n8n (installed from its npm
 * tarball) against the emulated Ayrshare: activation registers the selected actions with the
 * secret, signed deliveries run the workflow, unsigned, forged and stale ones get 401, and
 * deactivation unregisters what activation registered.
 */
import { resolve } from 'node:path';

import { DEFAULT_AYRSHARE, SUBSCRIBER_ID } from '../../emulator/defaults';
import { SEEDED_PROFILE_KEY } from '../../emulator/ayrshare/state';
import { type Emulator, startEmulator } from '../../emulator/server';
import { type N8nInstance, nodeOutput, packPackage, startN8n } from './harness';
import { eventually } from './support/eventually';
import { TRIGGER_NODE, productionUrl, triggerWorkflow } from './support/triggerWorkflow';

const SECRET = 'e2e-ayrshare-webhook-secret';

let emu: Emulator;
let n8n: N8nInstance;
let credentials: Record<string, { id: string; name: string }>;

type Injected = { deliveries: Array<{ status: number; retryAttempt: number }>; note?: string };

async function inject(body: Record<string, unknown>): Promise<Injected> {
	const response = await fetch(`${emu.url}/_emulator/ayrshare/events`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ profileKey: SEEDED_PROFILE_KEY, ...body }),
	});
	return (await response.json()) as Injected;
}

const client = () => emu.state.ayrshare.profiles.find((p) => p.profileKey === SEEDED_PROFILE_KEY)!;

async function expectNoNewExecution(workflowId: string, before: number) {
	await new Promise((r) => setTimeout(r, 1500));
	expect((await n8n.listExecutions(workflowId)).length).toBe(before);
}

beforeAll(async () => {
	const tarball = await packPackage(resolve(__dirname, '../..'));
	emu = await startEmulator({ port: 0, log: () => undefined, retryDelayMs: 10 });
	n8n = await startN8n({ tarball });
	process.stderr.write(
		`[ayrshare e2e] n8n ${n8n.version} at ${n8n.baseUrl}, emulator at ${emu.url}\n`,
	);
	const credential = await n8n.createCredential('ayrshareApi', 'Ayrshare (emulator)', {
		apiKey: DEFAULT_AYRSHARE.apiKey,
		profileKey: SEEDED_PROFILE_KEY,
		webhookSecret: SECRET,
		baseUrl: `${emu.url}/api`,
	});
	credentials = { ayrshareApi: { id: credential.id, name: 'Ayrshare (emulator)' } };
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await emu?.close();
});

describe('X Account Activity Trigger via Ayrshare in n8n', () => {
	let workflowId: string;
	let url: string;
	let executions = 0;

	async function nextRun() {
		executions += 1;
		const runs = await n8n.waitForExecutions(workflowId, executions);
		return nodeOutput(runs[executions - 1], TRIGGER_NODE);
	}

	test('activation registers each selected action with the secret for the credential’s profile', async () => {
		const { workflow, webhookId } = triggerWorkflow('Ayrshare e2e', credentials, {
			source: 'ayrshare',
			options: { ayrshareActions: ['accountActivity', 'social'] },
		});
		workflowId = (await n8n.createWorkflow(workflow)).id;
		url = productionUrl(n8n, webhookId);
		await n8n.activateWorkflow(workflowId);

		await eventually(() => {
			const registered = emu.state.ayrshare.webhooks.map((w) => ({
				refId: w.refId,
				action: w.action,
				url: w.url,
				secret: w.secret,
			}));
			expect(registered.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
				{ refId: client().refId, action: 'accountActivity', url, secret: SECRET },
				{ refId: client().refId, action: 'social', url, secret: SECRET },
			]);
		});
		await eventually(async () =>
			expect(JSON.stringify((await n8n.getWorkflow(workflowId)).staticData)).toContain(
				SUBSCRIBER_ID,
			),
		);
		client().xAccountActivityActive = true;
	});

	test.each([
		['post.mention', 'hex'],
		['dm.received', 'base64'],
		['user.followed', 'hex'],
	])(
		'a signed %s delivery (%s) runs the workflow with the same item as the direct route',
		async (type, encoding) => {
			const { deliveries } = await inject({ action: 'accountActivity', type, encoding });
			expect(deliveries.map((d) => d.status)).toEqual([200]);
			const items = await nextRun();
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				event: type,
				source: 'ayrshare',
				forUserId: SUBSCRIBER_ID,
				ayrshare: { action: 'accountActivity', refId: client().refId },
			});
			expect(items[0]).not.toHaveProperty('raw');
		},
	);

	test('an Ayrshare social delivery becomes an ayrshare.social item', async () => {
		const { deliveries } = await inject({ action: 'social', type: 'unlink' });
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		expect(await nextRun()).toEqual([
			expect.objectContaining({
				event: 'ayrshare.social',
				ayrshare: expect.objectContaining({
					type: 'unlink',
					source: 'system',
					platform: 'instagram',
				}),
			}),
		]);
	});

	test('unsigned, forged and stale deliveries get 401 and start nothing (Ayrshare retries them)', async () => {
		const missing = await inject({ action: 'social', signature: 'missing' });
		const forged = await inject({ action: 'social', signature: 'invalid', retries: 1 });
		const stale = await inject({ action: 'social', timestampOffsetSec: -3600 });
		expect(missing.deliveries.map((d) => d.status)).toEqual([401]);
		expect(forged.deliveries.map((d) => [d.status, d.retryAttempt])).toEqual([
			[401, 0],
			[401, 1],
		]);
		expect(stale.deliveries.map((d) => d.status)).toEqual([401]);
		await expectNoNewExecution(workflowId, executions);
	});

	test('a GET on the URL answers without a CRC', async () => {
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ source: 'ayrshare' });
	});

	test('deactivation unregisters the actions it registered', async () => {
		await n8n.deactivateWorkflow(workflowId);
		await eventually(() => expect(emu.state.ayrshare.webhooks).toEqual([]));
	});
});
