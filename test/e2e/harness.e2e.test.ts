/**
 * Proves the harness against n8n's built-in nodes only, so it stands on its own while the
 * project's nodes are written: a real n8n starts, a webhook workflow runs, data arrives.
 */
import { nodeOutput, startN8n, type N8nInstance } from './harness';

const WEBHOOK_PATH = 'harness-smoke';
// Jest 29 ignores `testTimeout` inside a `projects` entry; a cold n8n install alone takes ~3 min.
const INSTALL_AND_START_MS = 15 * 60_000;
jest.setTimeout(60_000);

const workflow = {
	name: 'harness smoke',
	nodes: [
		{
			id: '6f0c3c4e-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '6f0c3c4e-0000-4000-8000-0000000000aa',
			parameters: {
				httpMethod: 'POST',
				path: WEBHOOK_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		},
		{
			id: '6f0c3c4e-0000-4000-8000-000000000002',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				includeOtherFields: false,
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'greeting',
							type: 'string',
							value: '={{ "hello " + $json.body.name }}',
						},
						{ id: 'a2', name: 'count', type: 'number', value: '={{ $json.body.count * 2 }}' },
					],
				},
				options: {},
			},
		},
	],
	connections: { Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

describe('e2e harness (built-in nodes only)', () => {
	let n8n: N8nInstance;
	const t0 = Date.now();

	beforeAll(async () => {
		n8n = await startN8n();
		process.stderr.write(
			`[harness smoke] n8n ${n8n.version} at ${n8n.baseUrl}: ready in ${n8n.startupMs} ms ` +
				`(${Date.now() - t0} ms including install check and owner setup)\n`,
		);
	}, INSTALL_AND_START_MS);

	afterAll(async () => {
		await n8n?.stop();
	}, 30_000);

	it('runs a webhook workflow and records the execution', async () => {
		const { id } = await n8n.createWorkflow(workflow);
		const activated = await n8n.activateWorkflow(id);
		expect(activated.active).toBe(true);

		const t1 = Date.now();
		const response = await fetch(`${n8n.webhookBaseUrl}webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'harness', count: 21 }),
		});
		expect(response.status).toBe(200);

		const [execution] = await n8n.waitForExecutions(id, 1, 30_000);
		process.stderr.write(`[harness smoke] webhook → finished execution in ${Date.now() - t1} ms\n`);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		expect(nodeOutput(execution, 'Webhook')[0]).toMatchObject({
			body: { name: 'harness', count: 21 },
		});
		expect(nodeOutput(execution, 'Set')).toEqual([{ greeting: 'hello harness', count: 42 }]);

		const stored = await n8n.getWorkflow(id);
		expect(stored).toHaveProperty('staticData');

		const deactivated = await n8n.deactivateWorkflow(id);
		expect(deactivated.active).toBe(false);
		const gone = await fetch(`${n8n.webhookBaseUrl}webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			body: '{}',
		});
		expect(gone.status).toBe(404);

		await n8n.deleteWorkflow(id);
	});
});
