import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { listAyrshareWebhooks } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey } from '../common';

const properties: INodeProperties[] = [profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP)];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareWebhook'], operation: ['getAll'] } },
	properties,
);

/** One item per registered action, `{action, url, …}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object[]> {
	return await listAyrshareWebhooks.call(this, readProfileKey.call(this, itemIndex));
}
