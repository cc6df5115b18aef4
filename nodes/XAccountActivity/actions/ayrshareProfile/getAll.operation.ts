import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import { listProfiles } from '../../../shared/api/ayrshareProfiles';
import { filtersCollection, readLimit, returnAllFields, withoutEmpty } from '../common';

const properties: INodeProperties[] = [
	...returnAllFields,
	filtersCollection([
		{
			displayName: 'Ref ID',
			name: 'refId',
			type: 'string',
			default: '',
			description: 'Only the profile with this reference ID',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'Only profiles with this title',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareProfile'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = withoutEmpty(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await listProfiles.call(this, filters, limit);
}
