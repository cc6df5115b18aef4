import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { updateProfile } from '../../../shared/api/ayrshareProfiles';
import {
	profileKeyField,
	REQUIRED_PROFILE_KEY_HELP,
	requireProfileKey,
	updateFieldsCollection,
} from '../common';
import { profileBody, sharedProfileFields } from './profileFields';

const properties: INodeProperties[] = [
	profileKeyField(false, REQUIRED_PROFILE_KEY_HELP),
	// Alphabetical, as n8n lists collection options.
	updateFieldsCollection([
		sharedProfileFields.disableSocial,
		sharedProfileFields.hideTopHeader,
		sharedProfileFields.messagingActive,
		sharedProfileFields.tags,
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'New unique name of the profile',
		},
		sharedProfileFields.topHeader,
		{
			displayName: 'X Account Activity Active',
			name: 'xAccountActivityActive',
			type: 'boolean',
			default: true,
			description:
				'Whether Ayrshare forwards the linked X account’s activity (posts, mentions, DMs, likes, follows…) to the "accountActivity" webhook. Ayrshare must first enable X Account Activity for your account (ask your account representative), and an "accountActivity" webhook must be registered for the profile (Ayrshare Webhook → Register).',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareProfile'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const fields = profileBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description:
				'Add at least one field under "Update Fields", for example "X Account Activity Active".',
		});
	}
	return await updateProfile.call(
		this,
		await requireProfileKey.call(this, itemIndex, 'No Profile Key of the profile to update'),
		fields,
	);
}
