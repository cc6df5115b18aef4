import { type IExecuteFunctions, type INodeProperties, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { deleteActivitySubscriptions } from '../../../shared/api/xActivity';
import type { DeleteResult } from '../../../shared/api/xActivityDeleteResults';
import { toList } from '../../../shared/lists';
import { subscriptionIdField } from './subscriptionIdField';

const properties: INodeProperties[] = [
	{
		...subscriptionIdField,
		displayName: 'Subscription IDs',
		name: 'subscriptionIds',
		placeholder: '1146654567674912769, 1146654567674912770',
		description:
			'One or more subscription IDs, comma-separated or as an array expression such as {{ $json.ids }}. Activity Subscription → Get Many lists them.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['activitySubscription'], operation: ['delete'] } }, properties);

/** Keeps each request's URL well under common server limits; a bulk delete of a whole plan can hold 1,500 ids. */
const IDS_PER_REQUEST = 100;

/**
 * One bulk call per batch, and one output item per id `{id, deleted, error?}`: an id X could not
 * delete (already gone, another app's) is reported on its item rather than failing the others.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<DeleteResult[]> {
	const ids = [...new Set(toList(this.getNodeParameter('subscriptionIds', itemIndex, '')))];
	if (!ids.length) throw new NodeOperationError(this.getNode(), 'Enter at least one Subscription ID', { itemIndex });
	const results: DeleteResult[] = [];
	for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
		const batch = ids.slice(start, start + IDS_PER_REQUEST);
		results.push(...(await deleteActivitySubscriptions.call(this, batch)));
	}
	return results;
}
