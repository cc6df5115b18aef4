import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { unregisterAyrshareWebhook } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey } from '../common';
import { actionFields, readAction } from './actionField';

const properties: INodeProperties[] = [
	...actionFields('stop sending'),
	profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareWebhook'], operation: ['unregister'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const action = readAction.call(this, itemIndex);
	return {
		action,
		...(await unregisterAyrshareWebhook.call(this, action, readProfileKey.call(this, itemIndex))),
	};
}
