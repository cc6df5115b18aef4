import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import { createProfile } from '../../../shared/api/ayrshareProfiles';
import { readString } from '../common';
import { profileBody, sharedProfileFields } from './profileFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Acme Corp',
		description: 'Unique name of the new User Profile',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Alphabetical, as n8n lists collection options.
		options: [
			sharedProfileFields.disableSocial,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Contact email stored with the profile',
			},
			sharedProfileFields.hideTopHeader,
			sharedProfileFields.messagingActive,
			sharedProfileFields.tags,
			{
				displayName: 'Team',
				name: 'team',
				type: 'boolean',
				default: false,
				description: 'Whether to invite the email address as a team member of the profile',
			},
			sharedProfileFields.topHeader,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareProfile'], operation: ['create'] } },
	properties,
);

/** The answer holds the new profile's key, which Ayrshare shows only this once: store it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return await createProfile.call(this, {
		title: readString.call(this, 'title', itemIndex),
		...profileBody(fields),
	});
}
