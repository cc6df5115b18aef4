/**
 * One X credential is enough: the trigger inside a real n8n with only the X OAuth1 User credential
 * (no X App Bearer Token). Activation gets the app's bearer token from the credential's API Key and
 * Secret (`POST /oauth2/token` at the emulator) for the app-only calls — registering the webhook,
 * X Activity API public subscriptions, deactivation — and signs the rest as the account.
 */
import { DEFAULT_APP, DEFAULT_USERS } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { type N8nInstance, nodeOutput } from './harness';
import { eventually } from './support/eventually';
import { emulatorClient, startStack, stopStack, type Stack } from './support/stack';
import {
	TRIGGER_NODE,
	createXOAuth1Credential,
	productionUrl,
	triggerWorkflow,
} from './support/triggerWorkflow';

const SUBSCRIBER = DEFAULT_USERS[0];

let emu: Emulator;
let n8n: N8nInstance;
let oauth1Only: Pick<Stack['credentials'], 'xOAuth1UserApi'>;
const emulator = emulatorClient(() => emu);

beforeAll(async () => {
	const stack = await startStack('oauth1-only');
	({ emu, n8n } = stack);
	oauth1Only = { xOAuth1UserApi: stack.credentials.xOAuth1UserApi };
}, 15 * 60_000);

afterAll(async () => {
	await stopStack({ emu, n8n });
});

test('source aaa: activation registers and subscribes, an event runs the workflow, deactivation removes both', async () => {
	const { workflow, webhookId } = triggerWorkflow('AAA, OAuth1 only', oauth1Only);
	const { id } = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const url = productionUrl(n8n, webhookId);
	// n8n ≥2.36 registers in the background: what it did at X is polled for.
	await eventually(() => {
		expect(emu.state.x.webhooks).toEqual([expect.objectContaining({ url, valid: true })]);
		expect(emu.state.x.subscriptions).toEqual([expect.objectContaining({ userId: SUBSCRIBER.id })]);
	});
	expect(emu.state.x.appTokensIssued).toBe(1);

	const { deliveries } = await emulator<{ deliveries: Array<{ status: number }> }>(
		'POST',
		'/_emulator/x/events',
		{ type: 'dm.received' },
	);
	expect(deliveries.map((d) => d.status)).toEqual([200]);
	const [execution] = await n8n.waitForExecutions(id, 1);
	expect(nodeOutput(execution, TRIGGER_NODE)).toEqual([
		expect.objectContaining({ event: 'dm.received', source: 'aaa', forUserId: SUBSCRIBER.id }),
	]);

	await n8n.deactivateWorkflow(id);
	await eventually(() => {
		expect(emu.state.x.webhooks).toEqual([]);
		expect(emu.state.x.subscriptions).toEqual([]);
	});
	// The token was kept in n8n's memory, not asked for again.
	expect(emu.state.x.appTokensIssued).toBe(1);
});

test('source xaa: public subscriptions use the obtained app token, private ones the account; events run the workflow', async () => {
	const { workflow, webhookId } = triggerWorkflow('XAA, OAuth1 only', oauth1Only, {
		source: 'xaa',
		events: ['post.created', 'dm.received'],
	});
	const { id } = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	await eventually(() => {
		expect(emu.state.x.webhooks).toEqual([
			expect.objectContaining({ url: productionUrl(n8n, webhookId), valid: true }),
		]);
		expect(emu.state.x.activitySubscriptions.map((s) => s.event_type).sort()).toEqual([
			'dm.received',
			'post.create',
		]);
	});

	for (const type of ['post.create', 'dm.received']) {
		await emulator('POST', '/_emulator/x/activity/events', { type });
	}
	const runs = await n8n.waitForExecutions(id, 2);
	expect(runs.map((run) => nodeOutput(run, TRIGGER_NODE)[0].event).sort()).toEqual([
		'dm.received',
		'post.created',
	]);

	await n8n.deactivateWorkflow(id);
	await eventually(() => {
		expect(emu.state.x.activitySubscriptions).toEqual([]);
		expect(emu.state.x.webhooks).toEqual([]);
	});
	expect(emu.state.x.appTokensIssued).toBe(1);
	expect(JSON.stringify(runs)).not.toContain(DEFAULT_APP.bearerToken);
});

test('a wrong API Key Secret fails activation with X’s reason, and nothing is registered', async () => {
	const wrong = await createXOAuth1Credential(
		n8n,
		emu.url,
		{ consumerSecret: 'not-the-secret' },
		'X OAuth1 (wrong secret)',
	);
	const { workflow } = triggerWorkflow('AAA, wrong secret', wrong);
	const { id } = await n8n.createWorkflow(workflow);
	const failure = await n8n.activateWorkflow(id).then(
		() => '',
		(error: Error) => error.message,
	);
	// n8n reports the error's description for a failed activation.
	expect(failure).toContain(
		'X refused the app’s bearer token for the X OAuth1 User credential’s API Key and API Key Secret',
	);
	expect(failure).toContain('X said: “Unable to verify your credentials” (code 99)');
	expect(failure).not.toContain('not-the-secret');
	expect(emu.state.x.webhooks).toEqual([]);
});
