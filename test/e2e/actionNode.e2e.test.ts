/**
 * The X Account Activity action node inside a real n8n, installed from its npm tarball, against
 * the emulator: one workflow started by n8n's built-in Webhook node runs every operation, with
 * parameters taken from earlier nodes by expression (as users build it), and one call that
 * fails under Continue On Fail.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { SEEDED_PROFILE_KEY } from '../../emulator/ayrshare/state';
import { DEFAULT_APP, DEFAULT_AYRSHARE, SUBSCRIBER_ID } from '../../emulator/defaults';
import { type Emulator, startEmulator } from '../../emulator/server';
import { startReceiver, type Receiver } from '../unit/emulator/helpers/receiver';
import { type N8nInstance, nodeOutput, packPackage, startN8n } from './harness';
import { createXCredentials } from './support/triggerWorkflow';

const ACTION_TYPE = 'n8n-nodes-x-account-activity.xAccountActivity';
const PATH = 'action-node-e2e';
const OAUTH1_ONLY_PATH = 'action-node-oauth1-only-e2e';

let emu: Emulator;
let n8n: N8nInstance;
let receiver: Receiver;
let credentials: Record<string, { id: string; name: string }>;
let rotatedAyrshare: { id: string; name: string };
let offlineAyrshare: { id: string; name: string };

type Step = [string, Record<string, unknown>, Record<string, unknown>?];

/** The X half of the steps: every operation on X's webhooks, subscriptions, activity subscriptions and replay. */
const X_STEP_COUNT = 14;

/** Each step: [node name, parameters, node settings]; they run in this order, one after another. */
function steps(receiverUrl: string): Step[] {
	const webhookId = "={{ $('Create Webhook').first().json.id }}";
	const newProfileKey = "={{ $('Create Profile').first().json.profileKey }}";
	const activityId = "={{ $('Create Activity Subscription').first().json.subscription_id }}";
	return [
		['Create Webhook', { resource: 'webhook', operation: 'create', url: receiverUrl }],
		['Subscribe', { resource: 'subscription', operation: 'subscribe', webhookId }],
		['Check', { resource: 'subscription', operation: 'check', webhookId }],
		['List Subscriptions', { resource: 'subscription', operation: 'getAll', webhookId }],
		['Count', { resource: 'subscription', operation: 'count' }, { executeOnce: true }],
		[
			'Replay',
			{
				resource: 'replay',
				operation: 'create',
				webhookId,
				fromDate: '={{ $now.minus({ hours: 2 }) }}',
				toDate: "={{ $now.minus({ minutes: 15 }).toISO() }}",
				options: {},
			},
		],
		['Validate', { resource: 'webhook', operation: 'validate', webhookId }],
		['List Webhooks', { resource: 'webhook', operation: 'getAll' }],
		[
			'Create Activity Subscription',
			{ resource: 'activitySubscription', operation: 'create', eventType: 'post.mention.create', webhookId, filter: {}, options: { tag: 'e2e' } },
		],
		['List Activity Subscriptions', { resource: 'activitySubscription', operation: 'getAll', returnAll: true, filters: { tag: 'e2e' } }],
		['Update Activity Subscription', { resource: 'activitySubscription', operation: 'update', subscriptionId: activityId, updateFields: { tag: 'e2e-2' } }],
		// An array expression with an id X does not know: one item per id, the unknown one reported, not thrown.
		['Delete Activity Subscriptions', { resource: 'activitySubscription', operation: 'delete', subscriptionIds: "={{ [$('Create Activity Subscription').first().json.subscription_id, '404'] }}" }],
		['Unsubscribe', { resource: 'subscription', operation: 'unsubscribe', webhookId, userId: SUBSCRIBER_ID }, { executeOnce: true }],
		['Delete Webhook', { resource: 'webhook', operation: 'delete', webhookId }],
		['Create Profile', { resource: 'ayrshareProfile', operation: 'create', title: 'E2E Client', additionalFields: { tags: 'e2e' } }],
		// Signs with the credential's Webhook Secret (the default), typed nowhere in the workflow.
		['Register Activity Webhook', { resource: 'ayrshareWebhook', operation: 'register', action: 'accountActivity', url: 'https://example.com/ayrshare', profileKey: SEEDED_PROFILE_KEY }],
		['Register Social Webhook', { resource: 'ayrshareWebhook', operation: 'register', action: 'social', url: 'https://example.com/social', profileKey: SEEDED_PROFILE_KEY }, { executeOnce: true }],
		['Enable Activity', { resource: 'ayrshareProfile', operation: 'update', profileKey: SEEDED_PROFILE_KEY, updateFields: { xAccountActivityActive: true } }],
		// The new profile has no webhook yet: Ayrshare refuses, and Continue On Fail puts the error on the item.
		[
			'Enable Activity Too Early',
			{ resource: 'ayrshareProfile', operation: 'update', profileKey: newProfileKey, updateFields: { xAccountActivityActive: true } },
			{ onError: 'continueRegularOutput' },
		],
		// Domain and Private Key come from the credential.
		['Generate Link', { resource: 'ayrshareProfile', operation: 'generateLink', profileKey: newProfileKey, options: {} }],
		// The user put the new secret into a credential first; Rotate Secret sends it.
		[
			'Rotate Secret',
			{ resource: 'ayrshareWebhook', operation: 'rotateSecret', profileKey: SEEDED_PROFILE_KEY },
			{ credentials: { ...credentials, ayrshareApi: rotatedAyrshare } },
		],
		['List Ayrshare Webhooks', { resource: 'ayrshareWebhook', operation: 'getAll', profileKey: SEEDED_PROFILE_KEY }],
		// n8n-core wraps the network failure in its own NodeApiError; the node still says what to check.
		[
			'Unreachable Ayrshare',
			{ resource: 'ayrshareWebhook', operation: 'getAll', profileKey: SEEDED_PROFILE_KEY },
			{ executeOnce: true, onError: 'continueRegularOutput', credentials: { ...credentials, ayrshareApi: offlineAyrshare } },
		],
		['Unregister', { resource: 'ayrshareWebhook', operation: 'unregister', action: 'accountActivity', profileKey: SEEDED_PROFILE_KEY }, { executeOnce: true }],
		['List Profiles', { resource: 'ayrshareProfile', operation: 'getAll', returnAll: true, filters: {} }],
		['Delete Profile', { resource: 'ayrshareProfile', operation: 'delete', profileKey: newProfileKey }, { executeOnce: true }],
	];
}

function actionWorkflow(chain: Step[], path: string, nodeCredentials: Record<string, { id: string; name: string }>) {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		},
		...chain.map(([name, parameters, settings], index) => ({
			id: randomUUID(),
			name,
			type: ACTION_TYPE,
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			parameters,
			credentials: nodeCredentials,
			...settings,
		})),
	];
	const names = ['Webhook', ...chain.map(([name]) => name)];
	const connections = Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
	return { name: `Action node e2e (${path})`, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Activates the workflow, starts it once through its Webhook node and returns the finished execution. */
async function runOnce(workflow: ReturnType<typeof actionWorkflow>, path: string) {
	const { id } = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const response = await fetch(`${n8n.webhookBaseUrl}webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(response.status).toBe(200);
	const [execution] = await n8n.waitForExecutions(id, 1, 60_000);
	if (execution.status !== 'success') process.stderr.write(`${JSON.stringify(execution).slice(0, 4000)}\n${n8n.logTail(40)}\n`);
	expect(execution.status).toBe('success');
	return { id, execution, out: (name: string) => nodeOutput(execution, name) };
}

/** What every X operation must have returned, and left behind at X (nothing). */
function expectXOperations(out: (name: string) => Array<Record<string, unknown>>, createLogFrom = 0) {
	const webhookId = out('Create Webhook')[0].id;
	expect(out('Create Webhook')).toEqual([expect.objectContaining({ url: receiver.url, valid: true })]);
	expect(out('Subscribe')).toEqual([{ webhookId, subscribed: true, alreadySubscribed: false }]);
	expect(out('Check')).toEqual([{ webhookId, subscribed: true }]);
	expect(out('List Subscriptions')).toEqual([expect.objectContaining({ userId: SUBSCRIBER_ID, webhookId })]);
	expect(out('Count')).toEqual([expect.objectContaining({ subscriptions_count_all: 1 })]);
	expect(out('Replay')[0]).toMatchObject({ webhook_id: webhookId, job_id: expect.stringMatching(/^\d+$/), from_date: expect.stringMatching(/^\d{12}$/) });
	expect(out('Validate')).toEqual([{ id: webhookId, valid: true }]);
	expect(out('List Webhooks').map((w) => w.id)).toEqual([webhookId]);
	const activityId = out('Create Activity Subscription')[0].subscription_id;
	expect(out('Create Activity Subscription')).toEqual([
		expect.objectContaining({ event_type: 'post.mention.create', filter: { user_id: SUBSCRIBER_ID }, tag: 'e2e', webhook_id: webhookId }),
	]);
	// post.mention.create is private at X: created with the account's own OAuth 1.0a token, for it.
	expect(emu.state.x.activityCreateLog.slice(createLogFrom).map(({ event_type, auth, authenticatedUserId, status }) => [event_type, auth, authenticatedUserId, status])).toEqual([
		['post.mention.create', 'user', SUBSCRIBER_ID, 200],
	]);
	expect(out('List Activity Subscriptions')).toEqual([expect.objectContaining({ subscription_id: activityId, tag: 'e2e' })]);
	expect(out('Update Activity Subscription')).toEqual([expect.objectContaining({ subscription_id: activityId, tag: 'e2e-2' })]);
	// The emulator answers bulk delete in openapi.json's per-id form.
	expect(out('Delete Activity Subscriptions')).toEqual([
		{ id: activityId, deleted: true },
		{ id: '404', deleted: false, error: expect.any(String), reason: 'SubscriptionNotFound' },
	]);
	expect(emu.state.x.activitySubscriptions).toEqual([]);
	expect(out('Unsubscribe')).toEqual([{ webhookId, userId: SUBSCRIBER_ID, subscribed: false, removed: true }]);
	expect(out('Delete Webhook')).toEqual([{ id: webhookId, deleted: true }]);
	expect(emu.state.x.webhooks).toEqual([]);
}

beforeAll(async () => {
	const tarball = await packPackage(resolve(__dirname, '../..'));
	emu = await startEmulator({ port: 0, log: () => undefined });
	receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	n8n = await startN8n({ tarball });
	const ayrshareData = {
		apiKey: DEFAULT_AYRSHARE.apiKey,
		profileKey: '',
		webhookSecret: 'e2e-secret-1',
		domain: DEFAULT_AYRSHARE.domain,
		privateKey: DEFAULT_AYRSHARE.privateKey,
		// Bring-your-own X keys: Ayrshare refuses X operations (switching X Account Activity on) without them.
		xApiKey: DEFAULT_APP.consumerKey,
		xApiKeySecret: DEFAULT_APP.consumerSecret,
		baseUrl: `${emu.url}/api`,
	};
	const ayrshare = await n8n.createCredential('ayrshareApi', 'Ayrshare (emulator)', ayrshareData);
	const rotated = await n8n.createCredential('ayrshareApi', 'Ayrshare (emulator, new secret)', { ...ayrshareData, webhookSecret: 'e2e-secret-2' });
	rotatedAyrshare = { id: rotated.id, name: 'Ayrshare (emulator, new secret)' };
	const offline = await n8n.createCredential('ayrshareApi', 'Ayrshare (offline)', { ...ayrshareData, baseUrl: 'http://127.0.0.1:1/api' });
	offlineAyrshare = { id: offline.id, name: 'Ayrshare (offline)' };
	credentials = { ...(await createXCredentials(n8n, emu.url)), ayrshareApi: { id: ayrshare.id, name: 'Ayrshare (emulator)' } };
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await emu?.close();
	await receiver?.close();
});

test('a webhook-started workflow runs every operation of the action node', async () => {
	const { id, execution, out } = await runOnce(actionWorkflow(steps(receiver.url), PATH, credentials), PATH);
	expectXOperations(out);
	// The X App Bearer Token credential was set, so no token was asked for.
	expect(emu.state.x.appTokensIssued).toBe(0);

	expect(out('Create Profile')[0]).toMatchObject({ status: 'success', title: 'E2E Client', profileKey: expect.any(String) });
	expect(out('Register Activity Webhook')).toEqual([expect.objectContaining({ status: 'success', action: 'accountActivity' })]);
	expect(out('Register Social Webhook')).toEqual([expect.objectContaining({ status: 'success', action: 'social' })]);
	expect(out('Enable Activity')).toEqual([expect.objectContaining({ status: 'success' })]);
	expect(out('Enable Activity Too Early')).toEqual([
		expect.objectContaining({ error: 'Ayrshare rejected the request', description: expect.stringContaining('accountActivity webhook') }),
	]);
	expect(out('Generate Link')[0].url).toMatch(/^https:\/\/profile\.ayrshare\.com/);
	expect(out('Rotate Secret')).toEqual([expect.objectContaining({ status: 'success', rotated: true })]);
	expect(out('List Ayrshare Webhooks')).toEqual([
		expect.objectContaining({ action: 'accountActivity', url: 'https://example.com/ayrshare' }),
		expect.objectContaining({ action: 'social', url: 'https://example.com/social' }),
	]);
	expect(out('Unreachable Ayrshare')).toEqual([
		expect.objectContaining({ error: 'Could not reach Ayrshare (GET /hook/webhook)', description: expect.stringContaining('Check the Base URL') }),
	]);
	expect(out('Unregister')).toEqual([{ action: 'accountActivity', status: 'success' }]);
	// Register sent the first credential's Webhook Secret; Rotate Secret made the second one's current.
	expect(emu.state.ayrshare.webhooks).toEqual([expect.objectContaining({ action: 'social', secret: 'e2e-secret-2', previousSecret: 'e2e-secret-1' })]);
	expect(out('List Profiles').map((p) => p.title).sort()).toEqual(['E2E Client', 'Emulator Client']);
	expect(out('Delete Profile')).toEqual([expect.objectContaining({ status: 'success', deleted: true })]);
	// Every Ayrshare call carried the credential's own X keys.
	expect(emu.state.ayrshare.xKeyRequests.length).toBeGreaterThan(10);
	expect(emu.state.ayrshare.xKeyRequests.filter((r) => r.apiKey !== DEFAULT_APP.consumerKey || !r.secretSent)).toEqual([]);

	// Nothing secret leaks into the stored execution.
	expect(JSON.stringify(execution)).not.toContain(DEFAULT_APP.bearerToken);
	expect(JSON.stringify(execution)).not.toContain(DEFAULT_AYRSHARE.apiKey);
	// Secrets live in the credentials only: neither the workflow nor its execution holds them.
	const stored = JSON.stringify([execution, await n8n.getWorkflow(id)]);
	for (const secret of ['e2e-secret-1', 'e2e-secret-2', 'emu-ayrshare-private-key']) expect(stored).not.toContain(secret);
});

test('with only the X OAuth1 User credential, every X operation runs: the app token is obtained from its keys once', async () => {
	const xSteps = steps(receiver.url).slice(0, X_STEP_COUNT);
	expect(xSteps.map(([, parameters]) => parameters.resource)).not.toContain('ayrshareProfile');
	const createLogFrom = emu.state.x.activityCreateLog.length;
	const { execution, out } = await runOnce(actionWorkflow(xSteps, OAUTH1_ONLY_PATH, { xOAuth1UserApi: credentials.xOAuth1UserApi }), OAUTH1_ONLY_PATH);
	expectXOperations(out, createLogFrom);
	// One token for the whole run (cached in n8n's memory), and the token never shows in the execution.
	expect(emu.state.x.appTokensIssued).toBe(1);
	expect(JSON.stringify(execution)).not.toContain(DEFAULT_APP.bearerToken);
	expect(JSON.stringify(execution)).not.toContain(DEFAULT_APP.consumerSecret);
});
