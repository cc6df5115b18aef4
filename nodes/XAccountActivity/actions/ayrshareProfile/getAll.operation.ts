import { type IDataObject, type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { listProfiles } from '../../../shared/api/ayrshareProfiles';
import { withoutEmpty } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Ref ID', name: 'refId', type: 'string', default: '', description: 'Only the profile with this reference ID' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Only profiles with this title' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['ayrshareProfile'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = withoutEmpty(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await listProfiles.call(this, filters, limit);
}
