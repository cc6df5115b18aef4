import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { listActivitySubscriptions } from '../../../shared/api/xActivity';
import type { ActivitySubscription } from '../../../shared/schemas/xActivityResponses';
import { filtersCollection, readLimit, returnAllFields } from '../common';

const properties: INodeProperties[] = [
	...returnAllFields,
	filtersCollection(
		[
			{
				displayName: 'Event Type',
				name: 'eventType',
				type: 'string',
				default: '',
				placeholder: 'dm.received',
				description: 'Only subscriptions of this X event type',
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Only subscriptions with exactly this tag',
			},
			{
				displayName: 'Webhook ID',
				name: 'webhookId',
				type: 'string',
				default: '',
				description: 'Only subscriptions delivering to this webhook',
			},
		],
		'X’s list cannot be filtered, so this node reads every page and keeps the matches itself',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['activitySubscription'], operation: ['getAll'] } },
	properties,
);

type Filters = Partial<Record<'eventType' | 'tag' | 'webhookId', string>>;

const FIELD: Record<keyof Filters, keyof ActivitySubscription> = {
	eventType: 'event_type',
	tag: 'tag',
	webhookId: 'webhook_id',
};

/** One item per subscription. With filters, the limit counts matches, so every page is read first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const wanted = (Object.keys(FIELD) as Array<keyof Filters>)
		.map((key) => [FIELD[key], String(filters[key] ?? '').trim()] as const)
		.filter(([, value]) => value);
	if (!wanted.length) return await listActivitySubscriptions.call(this, limit);
	const matches = (await listActivitySubscriptions.call(this)).filter((s) =>
		wanted.every(([field, value]) => s[field] === value),
	);
	return limit ? matches.slice(0, limit) : matches;
}
