import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { generateProfileLink } from '../../../shared/api/ayrshareProfiles';
import { AYRSHARE_CREDENTIAL } from '../../../shared/transport/ayrshareApi';
import { toList } from '../../../shared/lists';
import {
	profileKeyField,
	readString,
	REQUIRED_PROFILE_KEY_HELP,
	requireProfileKey,
	withoutEmpty,
	optionsCollection,
} from '../common';

/** The Private Key is a secret, so it lives in the Ayrshare credential (encrypted), never in the workflow. */
const properties: INodeProperties[] = [
	profileKeyField(
		false,
		`${REQUIRED_PROFILE_KEY_HELP} The link opens this profile’s social-account linking page.`,
	),
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		placeholder: 'acme',
		description:
			'The domain Ayrshare assigned to your Business plan for the linking page. Leave empty to use the Domain of the Ayrshare credential. The Private Key that signs the link is read from the credential.',
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

export const description = updateDisplayOptions(
	{ show: { resource: ['ayrshareProfile'], operation: ['generateLink'] } },
	properties,
);

/** Whichever of the operation and the credential holds it; neither: fail before calling Ayrshare. */
function required(
	value: unknown,
	itemIndex: number,
	node: ReturnType<IExecuteFunctions['getNode']>,
	message: string,
	description: string,
): string {
	const text = String(value ?? '').trim();
	if (!text) throw new NodeOperationError(node, message, { itemIndex, description });
	return text;
}

/**
 * generateJWT takes the profile in its body, not in the Profile-Key header the credential adds,
 * so the credential's key is read when the operation names none.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const options = withoutEmpty(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
	if (options.allowedSocial !== undefined) options.allowedSocial = toList(options.allowedSocial);
	const profileKey = await requireProfileKey.call(
		this,
		itemIndex,
		'No Profile Key to generate the link for',
	);
	const credentials = await this.getCredentials(AYRSHARE_CREDENTIAL, itemIndex);
	const domain = required(
		readString.call(this, 'domain', itemIndex) || credentials.domain,
		itemIndex,
		this.getNode(),
		'No Domain to generate the link for',
		'Enter the Domain Ayrshare assigned to your Business plan in the Ayrshare credential (or in this operation).',
	);
	const privateKey = required(
		credentials.privateKey,
		itemIndex,
		this.getNode(),
		'No Private Key in the Ayrshare credential',
		'Enter the Private Key from Ayrshare’s onboarding (the "Social Accounts Linking" page) in the Ayrshare credential.',
	);
	return await generateProfileLink.call(this, { domain, privateKey, profileKey, ...options });
}
