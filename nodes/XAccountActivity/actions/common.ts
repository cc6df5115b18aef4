import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export function readString(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

/** Optional fields the user left empty are not sent: Ayrshare would read "" as "clear this". */
export function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

/** Tags and similar lists: n8n users type them comma-separated or pass an array by expression. */
export function toList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : String(value ?? '').split(',');
	return items.map((item) => String(item).trim()).filter(Boolean);
}

/** The "Options" collection of optional settings, alphabetical as n8n lists them. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}
