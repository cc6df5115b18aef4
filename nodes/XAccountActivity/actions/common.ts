import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
	NodeOperationError,
} from 'n8n-workflow';

import { AYRSHARE_CREDENTIAL } from '../../shared/transport/ayrshareApi';

/** Parameters and readers several operations share, so each is described once. */

export const webhookIdField: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1146654567674912769',
	description: 'The ID of the X webhook. Webhook → Get Many lists your webhooks and their IDs.',
};

export function profileKeyField(required: boolean, description: string): INodeProperties {
	return {
		displayName: 'Profile Key',
		name: 'profileKey',
		type: 'string',
		required,
		default: '',
		description,
	};
}

export const OPTIONAL_PROFILE_KEY_HELP =
	'The User Profile to act on. Leave empty to use the Profile Key of the credential, or the primary profile when the credential has none.';

/** An empty Profile Key parameter defers to the credential, which adds its own key. */
export function readProfileKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const key = String(this.getNodeParameter('profileKey', itemIndex, '') ?? '').trim();
	return key || undefined;
}

/** For operations that act on a User Profile and never on the primary profile. */
export const REQUIRED_PROFILE_KEY_HELP =
	'The User Profile to act on. Leave empty to use the Profile Key of the credential; one of the two must be set.';

/**
 * The profile an operation that needs one acts on: the parameter, else the credential's Profile
 * Key. Neither: the operation fails here rather than send a request Ayrshare would refuse.
 */
export async function requireProfileKey(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
): Promise<string> {
	const key = readProfileKey.call(this, itemIndex);
	if (key) return key;
	const credentials = await this.getCredentials(AYRSHARE_CREDENTIAL, itemIndex);
	const fromCredential = String(credentials.profileKey ?? '').trim();
	if (fromCredential) return fromCredential;
	throw new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description:
			'Enter the Profile Key of the User Profile here, or set one in the Ayrshare credential.',
	});
}

export function readString(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

/** Optional fields the user left empty are not sent: Ayrshare would read "" as "clear this". */
export function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/** The "Options" collection of optional settings, alphabetical as n8n lists them. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Optional narrowing of a Get Many operation. */
export function filtersCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/** Changeable fields of an Update operation, in n8n's usual "Update Fields" collection. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** n8n's Return All / Limit pair for Get Many operations. */
export const returnAllFields: INodeProperties[] = [
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
];

/** `undefined` means every result. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex, false)
		? undefined
		: (this.getNodeParameter('limit', itemIndex, 50) as number);
}

export const OTHER = 'other';

/**
 * A list the service keeps extending (Ayrshare's actions, X's event types): the known values, and
 * "Other" with a text field for names newer than this node. Options are sorted as n8n lists them.
 */
export function optionsWithOther(
	field: INodeProperties & { options: INodePropertyOptions[] },
	custom: INodeProperties,
): INodeProperties[] {
	return [
		{
			...field,
			type: 'options',
			options: [...field.options, { name: 'Other (Enter Name)', value: OTHER }].sort((a, b) =>
				a.name.localeCompare(b.name),
			),
		},
		{
			...custom,
			type: 'string',
			required: true,
			displayOptions: { show: { [field.name]: [OTHER] } },
		},
	];
}

export function readWithOther(
	this: IExecuteFunctions,
	field: INodeProperties,
	custom: INodeProperties,
	itemIndex: number,
): string {
	const chosen = readString.call(this, field.name, itemIndex);
	const value = chosen === OTHER ? readString.call(this, custom.name, itemIndex) : chosen;
	if (!value)
		throw new NodeOperationError(
			this.getNode(),
			`Enter the ${chosen === OTHER ? custom.displayName : field.displayName}`,
			{ itemIndex },
		);
	return value;
}
