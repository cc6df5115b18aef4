import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { generateProfileLink } from '../../../shared/api/ayrshareProfiles';
import { AYRSHARE_CREDENTIAL } from '../../../shared/transport/ayrshareApi';
import { OPTIONAL_PROFILE_KEY_HELP, profileKeyField, readProfileKey, readString, toList, withoutEmpty, optionsCollection } from '../common';

const properties: INodeProperties[] = [
	profileKeyField(false, `${OPTIONAL_PROFILE_KEY_HELP} The link opens this profile’s social-account linking page.`),
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'acme',
		description: 'The domain Ayrshare assigned to your Business plan for the linking page',
	},
	{
		displayName: 'Private Key',
		name: 'privateKey',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The private key (PEM) from Ayrshare’s onboarding that signs the link',
	},
	optionsCollection([
		{
			displayName: 'Allowed Social Networks',
			name: 'allowedSocial',
			type: 'string',
			default: '',
			placeholder: 'twitter, linkedin',
			description: 'Comma-separated networks to offer on the linking page (default: all)',
		},
		{
			displayName: 'Expires In (Minutes)',
			name: 'expiresIn',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2880 },
			default: 5,
			description: 'How long the link stays valid',
		},
		{
			displayName: 'Log Out First',
			name: 'logout',
			type: 'boolean',
			default: false,
			description: 'Whether to end any session open in the browser before opening this profile',
		},
		{
			displayName: 'Redirect URL',
			name: 'redirect',
			type: 'string',
			default: '',
			description: 'Where the "Done" button on the linking page leads',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['ayrshareProfile'], operation: ['generateLink'] } }, properties);

/**
 * generateJWT takes the profile in its body, not in the Profile-Key header the credential
 * adds, so the credential's key is read here when the operation names none.
 */
async function profileKeyForBody(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const key = readProfileKey.call(this, itemIndex);
	if (key) return key;
	const credentials = await this.getCredentials(AYRSHARE_CREDENTIAL, itemIndex);
	const fromCredential = String(credentials.profileKey ?? '').trim();
	if (fromCredential) return fromCredential;
	throw new NodeOperationError(this.getNode(), 'No Profile Key to generate the link for', {
		itemIndex,
		description: 'Enter the Profile Key of the User Profile here, or set one in the Ayrshare credential.',
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const options = withoutEmpty(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
	if (options.allowedSocial !== undefined) options.allowedSocial = toList(options.allowedSocial);
	return await generateProfileLink.call(this, {
		domain: readString.call(this, 'domain', itemIndex),
		privateKey: String(this.getNodeParameter('privateKey', itemIndex, '')),
		profileKey: await profileKeyForBody.call(this, itemIndex),
		...options,
	});
}
