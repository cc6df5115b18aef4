import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import * as activitySubscription from './activitySubscription';
import { USER_CONTEXT_EVENT_TYPES } from './activitySubscription/eventTypeField';
import * as ayrshareProfile from './ayrshareProfile';
import * as ayrshareWebhook from './ayrshareWebhook';
import * as replay from './replay';
import * as subscription from './subscription';
import * as webhook from './webhook';

/**
 * What varies between versions of the node: its credentials and parameters. The node class
 * keeps its identity (name, icon, group), where n8n's lint looks for it.
 *
 * Which credential each call needs: the watched account's OAuth 1.0a keys for every X call — as the
 * account to subscribe or check it, and, when no bearer credential is set, to obtain the app's
 * bearer token for the app-only calls (webhooks, replays, managing subscriptions); the optional
 * X App Bearer Token credential for those app-only calls; Ayrshare's key for Ayrshare. n8n asks
 * only for the credentials the chosen operation shows.
 *
 * Creating an activity subscription follows the type's privacy in the event catalog, as the
 * trigger does: private types (mentions, replies, likes, DMs, mutes, blocks, chat) and those X
 * lists as neither (follows, Spaces) sign as the account and never use a bearer token; public ones
 * use the app's token.
 *
 * Both X credentials are described by what hides them: n8n's editor takes a parameter whose every
 * value appears in credentials' `show` for the node's "authentication" field and moves it into
 * the credential picker, which would swallow Resource (test/unit/editorVisibility.test.ts).
 */
const USER_CONTEXT_OPERATIONS = ['subscribe', 'check'];
const AYRSHARE_RESOURCES = ['ayrshareProfile', 'ayrshareWebhook'];

export const credentials: INodeCredentialDescription[] = [
	{
		name: 'xOAuth1UserApi',
		required: true,
		displayOptions: { hide: { resource: AYRSHARE_RESOURCES } },
	},
	{
		name: 'xBearerApi',
		// Optional: without it the app's token comes from the X OAuth1 User credential's keys.
		required: false,
		displayOptions: { hide: { resource: AYRSHARE_RESOURCES, operation: USER_CONTEXT_OPERATIONS, eventType: USER_CONTEXT_EVENT_TYPES } },
	},
	{
		name: 'ayrshareApi',
		required: true,
		displayOptions: { show: { resource: AYRSHARE_RESOURCES } },
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Activity Subscription (X Activity API)',
				value: 'activitySubscription',
				description: 'Which X Activity API events reach a webhook: the replacement for the Account Activity API',
			},
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
	...activitySubscription.description,
	...replay.description,
	...ayrshareProfile.description,
	...ayrshareWebhook.description,
];
