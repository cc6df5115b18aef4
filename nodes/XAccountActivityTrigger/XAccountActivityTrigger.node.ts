import {
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { triggerProperties } from './description';
import { answerGet, receiveEvents } from './receive';
import { SOURCES, type SourceName } from './sources';

function sourceOf(hooks: IHookFunctions) {
	return SOURCES[hooks.getNodeParameter('source', 'aaa') as SourceName];
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
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow on X (Twitter) account activity: posts, mentions, replies, likes, follows, blocks, mutes and direct messages',
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
		// to the GET route while `create` is still waiting for X's answer (N8N-NOTES).
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await sourceOf(this).checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await sourceOf(this).create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await sourceOf(this).delete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return this.getWebhookName() === 'setup' ? await answerGet.call(this) : await receiveEvents.call(this);
	}
}
