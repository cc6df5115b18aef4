import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as getAll from './getAll.operation';
import * as validate from './validate.operation';

export { create, deleteWebhook as delete, getAll, validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Register a webhook URL with X',
				description: 'Register a URL that X sends events to',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook',
				description:
					'Remove a webhook and its subscriptions from X; an unknown ID gives deleted: false, not an error',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhooks',
				description: 'List the webhooks of your X app',
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate a webhook',
				description: 'Re-run X’s CRC check and re-enable the webhook',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...validate.description,
	...deleteWebhook.description,
];
