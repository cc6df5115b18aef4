import {
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { asNodeError } from '../shared/transport/nodeError';
import { triggerProperties } from './description';
import { answerGet, receiveEvents } from './receive';
import { duringActivation } from './recovery/missedEvents';
import { SOURCES, type SourceName } from './sources';

function sourceOf(hooks: IHookFunctions) {
	return SOURCES[hooks.getNodeParameter('source', 'aaa') as SourceName];
}

/**
 * n8n 2.8 shows an activation error's description, n8n 2.41 only its message (the publication
 * status keeps `error.message`): the message carries the description too, so X's reason and the
 * fix reach the user on both.
 */
async function activationStep<T>(hooks: IHookFunctions, step: () => Promise<T>): Promise<T> {
	try {
		return await step();
	} catch (error) {
		const nodeError = asNodeError(hooks.getNode(), error);
		if (nodeError.description && !nodeError.message.includes(nodeError.description)) {
			nodeError.message = `${nodeError.message}: ${nodeError.description}`;
		}
		throw nodeError;
	}
}

// `hide`, not `show`: n8n's editor treats a parameter whose every option appears in credentials'
// `displayOptions.show` as the node's authentication field and hides it inside the credential
// picker, which would leave users unable to choose the Source.
const forX = { hide: { source: ['ayrshare'] } };
const forAyrshare = { hide: { source: ['aaa', 'xaa'] } };

export class XAccountActivityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'X Account Activity Trigger',
		name: 'xAccountActivityTrigger',
		icon: { light: 'file:x.svg', dark: 'file:x.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as version 1. n8n (2.41 measured) evaluates an expression for the body of
		// every request to a version-1 webhook node, and with its VM expression engine that costs an
		// isolate per request; from version 2 it does not (docs/n8n-behaviours.md). Workflows saved
		// with version 1 keep working unchanged.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow on X (Twitter) account activity: posts, mentions, replies, likes, follows, blocks, mutes and direct messages',
		defaults: { name: 'X Account Activity Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'xOAuth1UserApi', required: true, displayOptions: forX },
			// Optional: without it the app's token comes from the X OAuth1 User credential's keys.
			{ name: 'xBearerApi', required: false, displayOptions: forX },
			{ name: 'ayrshareApi', required: true, displayOptions: forAyrshare },
		],
		// `setup` (GET) must come first: n8n registers webhooks in this order, and X sends its CRC
		// to the GET route while `create` is still waiting for X's answer (docs/n8n-behaviours.md). The lifecycle
		// methods hang on `setup` too: n8n 2.41 removes all of a node's routes when a `create` fails
		// and retries only the webhook whose `create` failed, so with them on `default` the retry
		// registered at X with no GET route left for the CRC (measured on 2.41.1).
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		setup: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await activationStep(
					this,
					async () =>
						await duringActivation(this, async () => await sourceOf(this).checkExists.call(this)),
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await activationStep(
					this,
					async () =>
						await duringActivation(this, async () => await sourceOf(this).create.call(this)),
				);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await sourceOf(this).delete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return this.getWebhookName() === 'setup'
			? await answerGet.call(this)
			: await receiveEvents.call(this);
	}
}
