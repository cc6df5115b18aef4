import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import * as ayrshareProfile from './ayrshareProfile';
import * as ayrshareWebhook from './ayrshareWebhook';
import * as replay from './replay';
import * as subscription from './subscription';
import * as webhook from './webhook';

/**
 * What varies between versions of the node: its credentials and parameters. The node class
 * keeps its identity (name, icon, group), where n8n's lint looks for it.
 *
 * Which credential each call needs: the app's bearer token for webhooks, replays and managing
 * subscriptions; the watched account's OAuth 1.0a keys to subscribe or check it; Ayrshare's key
 * for Ayrshare. n8n asks only for the credential the chosen operation shows.
 */
const USER_CONTEXT_OPERATIONS = ['subscribe', 'check'];

export const credentials: INodeCredentialDescription[] = [
	{
		name: 'xBearerApi',
		required: true,
		displayOptions: { show: { resource: ['webhook', 'subscription', 'replay'] }, hide: { operation: USER_CONTEXT_OPERATIONS } },
	},
	{
		name: 'xOAuth1UserApi',
		required: true,
		displayOptions: { show: { resource: ['subscription'], operation: USER_CONTEXT_OPERATIONS } },
	},
	{
		name: 'ayrshareApi',
		required: true,
		displayOptions: { show: { resource: ['ayrshareProfile', 'ayrshareWebhook'] } },
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Ayrshare Profile', value: 'ayrshareProfile', description: 'Ayrshare User Profiles, including switching X Account Activity on' },
			{ name: 'Ayrshare Webhook', value: 'ayrshareWebhook', description: 'Where Ayrshare sends each kind of event' },
			{ name: 'Replay', value: 'replay', description: 'Have X send a past time range of events again' },
			{ name: 'Subscription', value: 'subscription', description: 'Which X accounts’ activity reaches a webhook (Account Activity API)' },
			{ name: 'Webhook', value: 'webhook', description: 'URLs registered with X that receive account activity' },
		],
		default: 'webhook',
	},
	...webhook.description,
	...subscription.description,
	...replay.description,
	...ayrshareProfile.description,
	...ayrshareWebhook.description,
];
