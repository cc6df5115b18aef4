import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as register from './register.operation';
import * as rotateSecret from './rotateSecret.operation';
import * as unregister from './unregister.operation';

export { getAll, register, rotateSecret, unregister };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ayrshareWebhook'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhooks',
				description: 'List the webhook URL registered for each action',
			},
			{
				name: 'Register',
				value: 'register',
				action: 'Register a webhook',
				description: 'Send an action’s events to a URL',
			},
			{
				name: 'Rotate Secret',
				value: 'rotateSecret',
				action: 'Rotate the webhook secret',
				description: 'Make the credential’s Webhook Secret the one Ayrshare signs deliveries with',
			},
			{
				name: 'Unregister',
				value: 'unregister',
				action: 'Unregister a webhook',
				description: 'Stop sending an action’s events',
			},
		],
		default: 'register',
	},
	...register.description,
	...unregister.description,
	...getAll.description,
	...rotateSecret.description,
];
