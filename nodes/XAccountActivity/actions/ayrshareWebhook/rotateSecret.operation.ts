import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { rotateAyrshareWebhookSecret } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey } from '../common';

const properties: INodeProperties[] = [
	{
		displayName:
			'For 24 hours Ayrshare signs deliveries with both the old and the new secret. Put the new secret into the Webhook Secret of the Ayrshare credential within that time.',
		name: 'rotationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'New Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The secret Ayrshare signs webhook deliveries with from now on',
	},
	profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP),
];

export const description = updateDisplayOptions({ show: { resource: ['ayrshareWebhook'], operation: ['rotateSecret'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const secret = String(this.getNodeParameter('secret', itemIndex, ''));
	return { ...(await rotateAyrshareWebhookSecret.call(this, secret, readProfileKey.call(this, itemIndex))), rotated: true };
}
