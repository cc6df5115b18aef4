import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteProfile from './delete.operation';
import * as generateLink from './generateLink.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteProfile as delete, generateLink, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ayrshareProfile'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a profile',
				description: 'Create an Ayrshare User Profile',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a profile',
				description: 'Delete a User Profile for good',
			},
			{
				name: 'Generate Link',
				value: 'generateLink',
				action: 'Generate a social account linking URL',
				description:
					'Create a single sign-on link where the profile’s owner connects social accounts',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many profiles',
				description: 'List User Profiles',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a profile',
				description: 'Change a profile’s settings, e.g. switch X Account Activity on or off',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...update.description,
	...deleteProfile.description,
	...generateLink.description,
];
