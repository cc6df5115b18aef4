import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { countSubscriptions } from '../../../shared/api/xAccountActivity';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['count'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<object> {
	return await countSubscriptions.call(this);
}
