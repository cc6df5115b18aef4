import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AYRSHARE_ACTIONS } from '../shared/eventCatalog';
import { DEFAULT_MAX_TIMESTAMP_SKEW_SECONDS } from './verify/ayrshareSignature';

/** The trigger's Ayrshare-only parameters; description.ts places them. */

const forAyrshare = { show: { source: ['ayrshare'] } };
/** Inside the options collection, `/` addresses the node's top-level `source`. */
const optionForAyrshare = { show: { '/source': ['ayrshare'] } };

export const ayrshareSourceOption: INodePropertyOptions = {
	name: 'Ayrshare',
	value: 'ayrshare',
	description: 'X account activity forwarded by Ayrshare (no X Enterprise access needed), plus Ayrshare’s own webhook actions',
};

export const ayrshareNotices: INodeProperties[] = [
	{
		displayName:
			'Set up at Ayrshare first: link the X account to the profile and ask Ayrshare to enable X Account Activity for your plan. Activating registers the selected webhook actions to this trigger’s production URL (public HTTPS); then set “xAccountActivityActive” on the profile (X Account Activity node → Ayrshare Profile → Update). The profile’s linked X account, read at activation, is the “forUserId” of the items.',
		name: 'ayrshareSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: forAyrshare,
	},
	{
		displayName:
			'Without a Webhook Secret in the Ayrshare credential, requests to this URL are not verified: anyone who knows it can start the workflow. With one, unsigned, wrongly signed and stale requests get a 401.',
		name: 'ayrshareSecurityNotice',
		type: 'notice',
		default: '',
		displayOptions: forAyrshare,
	},
];

export const ayrshareActionsOption: INodeProperties = {
	displayName: 'Ayrshare Actions',
	name: 'ayrshareActions',
	type: 'multiOptions',
	options: AYRSHARE_ACTIONS.map(({ action, actionName, actionDescription }) => ({ name: actionName, value: action, description: actionDescription })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
	default: ['accountActivity'],
	displayOptions: optionForAyrshare,
	description:
		'Ayrshare webhook actions to register for the credential’s profile on activation; deactivation unregisters those it registered. An action already registered to this URL is used as it is; one registered to another URL stops activation. Registering sends the credential’s Webhook Secret, which Ayrshare applies to every webhook of the profile.',
};

export const ayrshareOtherActionsOption: INodeProperties = {
	displayName: 'Ayrshare Other Actions',
	name: 'ayrshareOtherActions',
	type: 'string',
	default: '',
	placeholder: 'e.g. mentions, comments',
	displayOptions: optionForAyrshare,
	description: 'Comma-separated Ayrshare actions newer than this node, registered too; their events arrive as “Other Ayrshare Action”',
};

export const ayrshareRefIdsOption: INodeProperties = {
	displayName: 'Ayrshare Profile Ref IDs',
	name: 'ayrshareRefIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 140b8700bd6ade089b242d845e268fb886130c53',
	displayOptions: optionForAyrshare,
	description:
		'Comma-separated Ref IDs of the profiles whose events start the workflow (empty: all). A primary-profile webhook also receives the events of every User Profile without a webhook of its own.',
};

export const maxTimestampSkewOption: INodeProperties = {
	displayName: 'Max Timestamp Skew (Seconds)',
	name: 'maxTimestampSkew',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_TIMESTAMP_SKEW_SECONDS,
	displayOptions: optionForAyrshare,
	description:
		'With a Webhook Secret: refuse deliveries whose X-Authorization-Timestamp is further than this from n8n’s clock, so a captured request cannot be replayed later. 0 turns the check off.',
};
