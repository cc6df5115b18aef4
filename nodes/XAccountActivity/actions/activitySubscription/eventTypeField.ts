import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { XAA_TYPES, xaaAuth } from '../../../shared/eventCatalog';
import { OTHER, optionsWithOther, readWithOther } from '../common';

/**
 * The X Activity API event type, offered from the package's event catalog (the trigger reads the
 * same table), plus "Other" because X keeps adding types (profile.update.*, chat.*).
 */

/** Shown as "Other (Enter Name)": the Keyword field stays available for such types. */
export const OTHER_EVENT_TYPE = OTHER;

/** Types created with the account's OAuth 1.0a user context (private ones, and those X lists as neither), so no bearer token. */
export const USER_CONTEXT_EVENT_TYPES = XAA_TYPES.filter((info) => xaaAuth(info.type) === 'user').map((info) => info.type);

/** Types not about an account (app-wide or by keyword): no User ID, so no OAuth1 lookup. */
export const ACCOUNTLESS_EVENT_TYPES = XAA_TYPES.filter((info) => info.subject !== 'account').map((info) => info.type);

/** App-wide types (oauth.revoke) take an empty filter: no Filter field at all. */
export const UNFILTERED_EVENT_TYPES = XAA_TYPES.filter((info) => info.filter.length === 0).map((info) => info.type);

/** Types whose filter X documents without `direction` (mutes and blocks are the account's own actions only). */
export const DIRECTIONLESS_EVENT_TYPES = XAA_TYPES.filter((info) => !info.filter.includes('direction')).map((info) => info.type);

/** The cost X's pricing page lists for one delivered event, for the option's description. */
function price(usd: number | undefined): string {
	if (usd === undefined) return 'X’s pricing page lists no price for it yet';
	return usd === 0 ? 'X does not bill its deliveries' : `X bills $${usd} per delivered event`;
}

const eventTypeField = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'options' as const,
	required: true,
	default: 'post.mention.create',
	description:
		'Which X Activity API events the subscription delivers; X bills every delivered event. Private types (mentions, replies, quotes, reposts, likes, mutes, blocks, direct messages, chat) and follows and Spaces use the X OAuth1 User credential and only work for its account; the others use the app’s bearer token.',
	options: XAA_TYPES.map((info) => ({
		name: `${info.label} (${info.type})`,
		value: info.type,
		description: `${info.privacy === 'private' ? 'Private event. ' : ''}${price(info.usd)}`,
	})),
};

const customEventType: INodeProperties = {
	displayName: 'Event Type Name',
	name: 'customEventType',
	type: 'string',
	default: '',
	placeholder: 'profile.update.pinned_post',
	description: 'X’s name of the event type, exactly as in its documentation, for types newer than this node',
};

export const eventTypeFields = optionsWithOther(eventTypeField, customEventType);

export function readEventType(this: IExecuteFunctions, itemIndex: number): string {
	return readWithOther.call(this, eventTypeField, customEventType, itemIndex);
}
