import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSubscription from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteSubscription as delete, getAll, update };

/**
 * X Activity API subscriptions, the replacement for the Account Activity API: one per event type
 * and filter. Create signs as the account for private event types; the rest use the app's token.
 */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activitySubscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an activity subscription',
				description: 'Subscribe to one event type for an account, keyword or the app',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete activity subscriptions',
				description: 'Delete one or more subscriptions, with a result per ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many activity subscriptions',
				description: 'List the app’s X Activity API subscriptions',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an activity subscription',
				description: 'Change a subscription’s tag or webhook',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...update.description,
	...deleteSubscription.description,
];
