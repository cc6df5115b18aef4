import { type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { deleteProfile } from '../../../shared/api/ayrshareProfiles';
import { profileKeyField, readString } from '../common';

/** Required here, unlike elsewhere: deleting is irreversible, so it never falls back to the credential's profile. */
const properties: INodeProperties[] = [
	profileKeyField(
		true,
		'Key of the User Profile to delete. Deleting cannot be undone: its linked social accounts and history go with it.',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareProfile'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	return {
		...(await deleteProfile.call(this, readString.call(this, 'profileKey', itemIndex))),
		deleted: true,
	};
}
