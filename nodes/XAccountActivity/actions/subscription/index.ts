import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';
import * as count from './count.operation';
import * as getAll from './getAll.operation';
import * as subscribe from './subscribe.operation';
import * as unsubscribe from './unsubscribe.operation';

export { check, count, getAll, subscribe, unsubscribe };

/** Subscribe and Check act as the account in the X OAuth1 User credential; the rest use the app's bearer token. */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				action: 'Check a subscription',
				description: 'Check whether the credential’s account is subscribed to a webhook',
			},
			{
				name: 'Count',
				value: 'count',
				action: 'Count subscriptions',
				description: 'Count the app’s subscriptions against its plan',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many subscriptions',
				description: 'List the accounts subscribed to a webhook',
			},
			{
				name: 'Subscribe',
				value: 'subscribe',
				action: 'Subscribe an account',
				description: 'Send the credential’s account activity to a webhook',
			},
			{
				name: 'Unsubscribe',
				value: 'unsubscribe',
				action: 'Unsubscribe an account',
				description: 'Stop sending an account’s activity to a webhook',
			},
		],
		default: 'subscribe',
	},
	...subscribe.description,
	...check.description,
	...getAll.description,
	...unsubscribe.description,
	...count.description,
];
