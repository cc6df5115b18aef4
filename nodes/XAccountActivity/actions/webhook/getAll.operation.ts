import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { listWebhooks } from '../../../shared/api/xWebhooks';

/** X lists every webhook of the app in one answer (a handful at most), so there is nothing to page. */
const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<object[]> {
	return await listWebhooks.call(this);
}
