/**
 * Every workflow in examples/ inside a real n8n: imported through the public API as a user's file
 * would be, every node type and version known to n8n, activated with the trigger's credential
 * pointed at the emulator (the other services get placeholder credentials: nothing reaches them),
 * and one event's item checked at the trigger.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_USERS } from '../../emulator/defaults';
import type { Emulator } from '../../emulator/server';
import { type N8nInstance, nodeOutput } from './harness';
import { eventually } from './support/eventually';
import { emulatorClient, startStack, stopStack } from './support/stack';
import { TRIGGER_NODE, TRIGGER_TYPE, productionUrl } from './support/triggerWorkflow';

const EXAMPLES = resolve(__dirname, '../../examples');
const SUBSCRIBER = DEFAULT_USERS[0];

interface ExampleNode extends Record<string, unknown> {
	name: string;
	type: string;
	typeVersion: number;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Example {
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

/** The event each example is about, and what its trigger must emit for it. */
const EVENT: Record<string, { inject: string; event: string }> = {
	'mentions-to-google-sheets.json': { inject: 'post.reply', event: 'post.reply' },
	'dms-to-crm.json': { inject: 'dm.received', event: 'dm.received' },
	'big-account-mention-to-slack.json': { inject: 'post.mention', event: 'post.mention' },
	'dm-auto-reply.json': { inject: 'dm.received', event: 'dm.received' },
};

/** Data n8n accepts for a credential that is never used to reach its service. */
const PLACEHOLDERS: Record<string, Record<string, unknown>> = {
	// n8n 2.8's public-API schema for OAuth2 credentials requires all of these when nothing else is set.
	googleSheetsOAuth2Api: {
		serverUrl: 'https://placeholder.invalid',
		clientId: 'placeholder-client-id',
		clientSecret: 'placeholder-client-secret',
		sendAdditionalBodyProperties: false,
		additionalBodyProperties: '{}',
	},
	httpHeaderAuth: { name: 'Authorization', value: 'Bearer placeholder' },
	slackApi: { accessToken: 'xoxb-placeholder', notice: '' },
};

const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));

let emu: Emulator;
let n8n: N8nInstance;
let xOAuth1UserApi: { id: string; name: string };
const placeholders: Record<string, { id: string; name: string }> = {};
const emulator = emulatorClient(() => emu);

beforeAll(async () => {
	const stack = await startStack('examples');
	({ emu, n8n } = stack);
	xOAuth1UserApi = stack.credentials.xOAuth1UserApi;
}, 15 * 60_000);

afterAll(async () => {
	await stopStack({ emu, n8n });
});

async function credentialFor(type: string): Promise<{ id: string; name: string }> {
	if (type === 'xOAuth1UserApi') return xOAuth1UserApi;
	if (!placeholders[type]) {
		const data = PLACEHOLDERS[type];
		if (!data)
			throw new Error(
				`an example uses credential type ${type}: add placeholder data for it to this test`,
			);
		const name = `${type} (placeholder)`;
		placeholders[type] = { id: (await n8n.createCredential(type, name, data)).id, name };
	}
	return placeholders[type];
}

/** The editor's own call for node descriptions; an unknown type or version has none. */
async function describeNode(
	type: string,
	version: number,
): Promise<{ name: string; version: number | number[] } | null> {
	try {
		const { data } = await n8n.rest<{
			data: Array<{ name: string; version: number | number[] } | null>;
		}>('POST', 'node-types', { nodeInfos: [{ name: type, version }] });
		return data[0] ?? null;
	} catch {
		return null;
	}
}

test('n8n describes the node types it has, and no others (so the checks below can fail)', async () => {
	expect(await describeNode('n8n-nodes-base.stickyNote', 1)).toMatchObject({ name: 'stickyNote' });
	expect(await describeNode('n8n-nodes-base.noSuchNode', 1)).toBeNull();
});

test('examples/ holds the four documented workflows', () => {
	expect(files.sort()).toEqual(Object.keys(EVENT).sort());
});

describe.each(files)('examples/%s', (file) => {
	const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Example;

	test('uses this package’s trigger and n8n’s own nodes, every type and version known to n8n', async () => {
		const triggers = example.nodes.filter((node) => node.type === TRIGGER_TYPE);
		expect(triggers).toHaveLength(1);
		expect(triggers[0].name).toBe(TRIGGER_NODE);
		const others = example.nodes.filter((node) => node.type !== TRIGGER_TYPE);
		expect(others.some((node) => node.type !== 'n8n-nodes-base.stickyNote')).toBe(true);
		for (const node of others) expect(node.type).toMatch(/^n8n-nodes-base\./);
		for (const node of example.nodes) {
			const description = await describeNode(node.type, node.typeVersion);
			// n8n names its own nodes without the package prefix (`stickyNote`), community ones with it.
			expect([
				node.name,
				node.type === description?.name || node.type.endsWith(`.${description?.name}`),
			]).toEqual([node.name, true]);
			expect([node.name, ([] as number[]).concat(description!.version)]).toEqual([
				node.name,
				expect.arrayContaining([node.typeVersion]),
			]);
		}
	});

	test('imports, activates against the emulator, and its trigger emits the event’s item', async () => {
		const nodes = await Promise.all(
			example.nodes.map(async (node) => {
				if (!node.credentials) return node;
				const entries = await Promise.all(
					Object.keys(node.credentials).map(
						async (type) => [type, await credentialFor(type)] as const,
					),
				);
				return { ...node, credentials: Object.fromEntries(entries) };
			}),
		);
		const { id } = await n8n.createWorkflow({
			name: example.name,
			nodes,
			connections: example.connections,
			settings: example.settings,
		});
		const stored = await n8n.getWorkflow(id);
		expect(stored.nodes.map((node) => [node.name, node.type, node.typeVersion])).toEqual(
			example.nodes.map((node) => [node.name, node.type, node.typeVersion]),
		);

		await n8n.activateWorkflow(id);
		try {
			const trigger = example.nodes.find((node) => node.type === TRIGGER_TYPE)!;
			const url = productionUrl(n8n, trigger.webhookId!);
			// n8n ≥2.36 registers in the background: what it did at X is polled for.
			await eventually(() => {
				const webhook = emu.state.x.webhooks.find((w) => w.url === url);
				expect(webhook).toMatchObject({ valid: true });
				expect(emu.state.x.subscriptions).toEqual(
					expect.arrayContaining([
						expect.objectContaining({ webhookId: webhook!.id, userId: SUBSCRIBER.id }),
					]),
				);
			});

			const { inject, event } = EVENT[file];
			const { deliveries } = await emulator<{ deliveries: Array<{ status: number; url: string }> }>(
				'POST',
				'/_emulator/x/events',
				{ type: inject },
			);
			expect(deliveries.filter((d) => d.url === url).map((d) => d.status)).toEqual([200]);
			// The nodes after the trigger try to reach their services, which this machine cannot: the run may end in an error there.
			const [execution] = await n8n.waitForExecutions(id, 1, 60_000);
			const items = nodeOutput(execution, TRIGGER_NODE);
			expect(items).toEqual([
				expect.objectContaining({ event, source: 'aaa', forUserId: SUBSCRIBER.id }),
			]);
			if (file === 'big-account-mention-to-slack.json') {
				// The mention is by @alice (52,810 followers): the If node sends it on to Slack.
				expect(items[0].actor).toMatchObject({ username: 'alice', followersCount: 52810 });
				expect(nodeOutput(execution, '10k+ Followers', { output: 0 })).toHaveLength(1);
			}
		} finally {
			await n8n.deactivateWorkflow(id);
		}
		await eventually(() => expect(emu.state.x.webhooks).toEqual([]));
	});
});
