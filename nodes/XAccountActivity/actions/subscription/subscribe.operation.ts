import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { subscribeUser } from '../../../shared/api/xAccountActivity';
import { readString, webhookIdField } from '../common';

const properties: INodeProperties[] = [
	{
		...webhookIdField,
		description:
			'The X webhook that should receive the activity of the account in the X OAuth1 User credential. Events can take about 10 seconds to start flowing.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['subscribe'] } },
	properties,
);

/** Already subscribed is success too (X's DuplicateSubscriptionFailed): `alreadySubscribed` tells the two apart. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const webhookId = readString.call(this, 'webhookId', itemIndex);
	const outcome = await subscribeUser.call(this, webhookId);
	return { webhookId, subscribed: true, alreadySubscribed: outcome === 'existing' };
}
