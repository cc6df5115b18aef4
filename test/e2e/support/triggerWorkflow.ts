import { randomUUID } from 'node:crypto';

import { DEFAULT_APP, DEFAULT_USERS } from '../../../emulator/defaults';
import type { N8nInstance, WorkflowJson } from '../harness';

export const TRIGGER_NODE = 'X Account Activity Trigger';
export const TRIGGER_TYPE = 'n8n-nodes-x-account-activity.xAccountActivityTrigger';
/** The version the editor gives a new trigger (its defaultVersion); version 1 is tested where workflows saved before it matter. */
export const TRIGGER_VERSION = 2;

/**
 * The X OAuth1 User credential of the emulator's subscriber, created through n8n's public API:
 * enough on its own. `overrides` changes fields (e.g. a wrong secret) and `name` names it.
 */
export async function createXOAuth1Credential(
	n8n: N8nInstance,
	emulatorUrl: string,
	overrides: Record<string, unknown> = {},
	name = 'X OAuth1 (emulator)',
) {
	const subscriber = DEFAULT_USERS[0];
	const oauth1 = await n8n.createCredential('xOAuth1UserApi', name, {
		consumerKey: DEFAULT_APP.consumerKey,
		consumerSecret: DEFAULT_APP.consumerSecret,
		accessToken: subscriber.accessToken,
		accessTokenSecret: subscriber.accessTokenSecret,
		baseUrl: emulatorUrl,
		...overrides,
	});
	return { xOAuth1UserApi: { id: oauth1.id, name } };
}

/** Both X credentials, pointed at the emulator, created through n8n's public API. */
export async function createXCredentials(n8n: N8nInstance, emulatorUrl: string) {
	const { xOAuth1UserApi } = await createXOAuth1Credential(n8n, emulatorUrl);
	const bearer = await n8n.createCredential('xBearerApi', 'X Bearer (emulator)', {
		bearerToken: DEFAULT_APP.bearerToken,
		baseUrl: emulatorUrl,
	});
	return { xOAuth1UserApi, xBearerApi: { id: bearer.id, name: 'X Bearer (emulator)' } };
}

/** A workflow with only the trigger: the executions' trigger output is what a user's next node would get. */
export function triggerWorkflow(
	name: string,
	credentials: Record<string, { id: string; name: string }>,
	parameters: Record<string, unknown> = {},
	{ typeVersion = TRIGGER_VERSION }: { typeVersion?: number } = {},
): { workflow: WorkflowJson; webhookId: string } {
	const webhookId = randomUUID();
	const workflow: WorkflowJson = {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { source: 'aaa', events: ['*'], options: {}, ...parameters },
				credentials,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	return { workflow, webhookId };
}

export const productionUrl = (n8n: N8nInstance, webhookId: string) =>
	`${n8n.webhookBaseUrl}webhook/${webhookId}/webhook`;

/** n8n's built-in Webhook node (POST, answers on receipt) at `path`. */
export function webhookNode(path: string, name = 'Webhook'): Record<string, unknown> {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}
