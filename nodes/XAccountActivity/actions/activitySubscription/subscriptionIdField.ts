import type { INodeProperties } from 'n8n-workflow';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1146654567674912769',
	description:
		'The subscription_id X gave the subscription. Activity Subscription → Get Many lists them.',
};
