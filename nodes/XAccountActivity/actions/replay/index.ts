import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['replay'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Replay missed events',
				description: 'Ask X to send a webhook’s events from a past time range again',
			},
		],
		default: 'create',
	},
	...create.description,
];
