import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EVENT_CATALOG, type EventRow, type XaaTypeInfo } from '../shared/eventCatalog';
import { plannedTypes } from './sources/xaaPlan';

/**
 * The trigger's parameters for Source = X Activity API, which bills every event it delivers
 * (x-api/getting-started/pricing.mdx, "Webhook events"): the billing notice, and an Events field
 * whose options say what each selection subscribes and costs. description.ts places them.
 */

const forXaa = { show: { source: ['xaa'] } };

const ALL_TYPES = plannedTypes(['*']).length;

export const xaaBillingNotice: INodeProperties = {
	displayName: `The X Activity API bills every event it delivers, whether or not the workflow uses it: for example $0.005 per post, mention or reply and $0.01 per follow or received direct message (X’s pricing page). Select only the events you need; [All] subscribes ${ALL_TYPES} event types. Mentions, replies, quotes, reposts, likes, mutes, blocks, direct messages and chat are private X events: the trigger subscribes them with the X OAuth1 User credential, for its account only.`,
	name: 'xaaBillingNotice',
	type: 'notice',
	default: '',
	displayOptions: forXaa,
};

export const xaaEventsDescription =
	'Which events start the workflow. Each selected event subscribes one or more X Activity API event types, and X bills every event they deliver. A post is one item however many subscriptions deliver it; it passes when any of its kinds is selected.';

function price(types: readonly XaaTypeInfo[]): string {
	const known = types.map((t) => t.usd).filter((usd): usd is number => usd !== undefined);
	const highest = Math.max(0, ...known);
	if (highest > 0) return `X bills ${new Set(known).size > 1 ? 'up to ' : ''}$${highest} per delivered event`;
	return known.length === types.length ? 'X does not bill these deliveries' : 'not on X’s pricing page yet';
}

function subscribes(types: readonly XaaTypeInfo[]): string {
	if (!types.length) return 'Arrives on the webhook after a replay job; no subscription';
	const names = types.length <= 3 ? types.map((t) => t.type).join(', ') : `${types.length} event types`;
	return `Subscribes ${names}; ${price(types)}`;
}

const ROWS: readonly EventRow[] = EVENT_CATALOG;

/** The events an X Activity API trigger can emit, each saying what it subscribes and what X charges. */
export const xaaEventOptions: INodePropertyOptions[] = ROWS.filter((row) => row.xaa?.length || row.event === 'replay.finished')
	.map(({ event, name, description }) => ({ name, value: event, description: `${description}. ${subscribes(plannedTypes([event]))}.` }))
	.sort((a, b) => a.name.localeCompare(b.name));
