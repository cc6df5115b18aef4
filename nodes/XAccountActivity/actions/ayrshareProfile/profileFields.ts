import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toList } from '../../../shared/lists';
import { withoutEmpty } from '../common';

/**
 * Profile settings Create and Update both take, in Ayrshare's field names. Keyed, not listed,
 * because each operation merges them with its own fields in alphabetical order.
 */

const NETWORKS = [
	'bluesky',
	'facebook',
	'gmb',
	'instagram',
	'linkedin',
	'pinterest',
	'reddit',
	'snapchat',
	'telegram',
	'threads',
	'tiktok',
	'twitter',
	'youtube',
];
const NETWORK_NAMES: Record<string, string> = {
	gmb: 'Google Business Profile',
	linkedin: 'LinkedIn',
	tiktok: 'TikTok',
	twitter: 'X (Twitter)',
	youtube: 'YouTube',
};

export const sharedProfileFields: Record<
	'disableSocial' | 'hideTopHeader' | 'messagingActive' | 'tags' | 'topHeader',
	INodeProperties
> = {
	disableSocial: {
		displayName: 'Disable Social Networks',
		name: 'disableSocial',
		type: 'multiOptions',
		default: [],
		options: NETWORKS.map((value) => ({
			name: NETWORK_NAMES[value] ?? value.charAt(0).toUpperCase() + value.slice(1),
			value,
		})),
		description: 'Networks this profile may not link',
	},
	hideTopHeader: {
		displayName: 'Hide Top Header',
		name: 'hideTopHeader',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the header on the social-account linking page',
	},
	messagingActive: {
		displayName: 'Messaging Active',
		name: 'messagingActive',
		type: 'boolean',
		default: false,
		description: 'Whether the profile can use the Messaging add-on (direct messages)',
	},
	tags: {
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'client-a, europe',
		description: 'Comma-separated labels to group profiles',
	},
	topHeader: {
		displayName: 'Top Header',
		name: 'topHeader',
		type: 'string',
		default: '',
		description: 'Heading shown on the social-account linking page',
	},
};

/** Lists the user typed as text go to Ayrshare as arrays; empty fields are left out. */
export function profileBody(fields: IDataObject): IDataObject {
	const body = withoutEmpty(fields);
	if (body.tags !== undefined) body.tags = toList(body.tags);
	if (Array.isArray(body.disableSocial) && body.disableSocial.length === 0)
		delete body.disableSocial;
	return body;
}
