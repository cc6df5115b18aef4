import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';

export class XAccountActivity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'X Account Activity',
		name: 'xAccountActivity',
		icon: { light: 'file:x.svg', dark: 'file:x.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage X (Twitter) Account Activity webhooks, subscriptions and replays, and Ayrshare profiles and webhooks',
		defaults: { name: 'X Account Activity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
