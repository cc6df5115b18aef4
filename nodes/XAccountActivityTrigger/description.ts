import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, EVENT_CATALOG, type EventRow } from '../shared/eventCatalog';
import { xaaBillingNotice, xaaEventsDescription, xaaEventOptions } from './xaaProperties';
import {
	ayrshareActionsOption,
	ayrshareNotices,
	ayrshareOtherActionsOption,
	ayrshareRefIdsOption,
	ayrshareSourceOption,
	maxTimestampSkewOption,
} from './ayrshareProperties';

const ALL_OPTION: INodePropertyOptions = { name: '[All]', value: ALL_EVENTS, description: 'Every event the account receives' };
const ROWS: readonly EventRow[] = EVENT_CATALOG;

/** Every event of the catalog, for the routes that do not bill per event. */
const eventOptions: INodePropertyOptions[] = [
	ALL_OPTION,
	...ROWS.map(({ event, name, description }) => ({ name, value: event, description })).sort((a, b) => a.name.localeCompare(b.name)),
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'X calls this trigger at its production URL, which must be public HTTPS on port 443 (set n8n’s WEBHOOK_URL). Activating the workflow registers that URL with your X app and subscribes the credential’s account; deactivating removes what it added. The first credential (X OAuth1 User API) is all the trigger needs; the second, an X App Bearer Token, is optional.',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { source: ['ayrshare'] } },
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'X Account Activity API',
				value: 'aaa',
				description: 'Direct from X (Enterprise or pay-per-use access). X ends this API on 2027-01-01.',
			},
			{
				name: 'X Activity API',
				value: 'xaa',
				description: 'Direct from X, the successor of the Account Activity API: one subscription per selected event type',
			},
			ayrshareSourceOption,
		],
		default: 'aaa',
		description: 'Where the events come from. Every source gives the same items, so you can switch later without changing the workflow.',
	},
	...ayrshareNotices,
	xaaBillingNotice,
	// Two parameters named `events`, one per kind of source, so the X Activity API (billed per
	// delivered event) gets a frugal default and prices in its options; n8n shows and reads the one
	// whose displayOptions match (n8n-workflow NodeHelpers.getNodeParameters, duplicateParameterNames).
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [ALL_EVENTS],
		required: true,
		displayOptions: { hide: { source: ['xaa'] } },
		description:
			'Which events start the workflow. A post can be several kinds at once (e.g. a reply that mentions you); it passes when any of its kinds is selected.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [ALL_OPTION, ...xaaEventOptions],
		// What a CRM or spreadsheet workflow usually wants (people writing to or about the account, new
		// followers), not [All]: every subscribed type is billed per delivered event.
		default: ['dm.received', 'post.mention', 'post.reply', 'user.followed'],
		required: true,
		displayOptions: { show: { source: ['xaa'] } },
		description: xaaEventsDescription,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			ayrshareActionsOption,
			ayrshareOtherActionsOption,
			ayrshareRefIdsOption,
			{
				displayName: 'Deduplicate',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description: 'Whether to drop an event this trigger has already emitted (X retries and replays can send it again)',
			},
			{
				displayName: 'Ignore Own Actions',
				name: 'ignoreOwnActions',
				type: 'boolean',
				default: false,
				description: 'Whether to drop events the watched account did itself (its own posts, likes, follows, sent messages)',
			},
			maxTimestampSkewOption,
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return only the normalized fields instead of adding the original X payload under "raw"',
			},
			{
				displayName: 'Subscribe on Activation',
				name: 'subscribeOnActivation',
				type: 'boolean',
				default: true,
				description:
					'Whether to subscribe the credential’s account to the webhook on activation (and unsubscribe it on deactivation). Turn off if you manage subscriptions yourself.',
			},
		],
	},
];
