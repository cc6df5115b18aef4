import {
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { rotateAyrshareWebhookSecret } from '../../../shared/api/ayrshareWebhooks';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey } from '../common';
import { ayrshareWebhookSecret } from '../../../shared/credentialSecrets';

const properties: INodeProperties[] = [
	{
		displayName:
			'Makes the Webhook Secret of the Ayrshare credential the profile’s new secret: update the credential’s Webhook Secret first, then run this. For 24 hours Ayrshare signs deliveries with both the old and the new secret, and the trigger accepts either signature.',
		name: 'rotationNotice',
		type: 'notice',
		default: '',
	},
	profileKeyField(false, OPTIONAL_PROFILE_KEY_HELP),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareWebhook'], operation: ['rotateSecret'] } },
	properties,
);

/** The new secret comes from the credential (encrypted), never from a node parameter. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const secret = (await ayrshareWebhookSecret.call(this, itemIndex)) ?? undefined;
	if (!secret) {
		throw new NodeOperationError(this.getNode(), 'The Ayrshare credential has no Webhook Secret', {
			itemIndex,
			description:
				'Enter the new secret as the Webhook Secret of the Ayrshare credential, then run Rotate Secret again.',
		});
	}
	return {
		...(await rotateAyrshareWebhookSecret.call(this, secret, readProfileKey.call(this, itemIndex))),
		rotated: true,
	};
}
