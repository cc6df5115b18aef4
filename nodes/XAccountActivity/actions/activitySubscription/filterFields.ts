import { type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { getAuthenticatedUser } from '../../../shared/api/xUsers';
import type { ActivitySubscriptionRequest } from '../../../shared/api/xActivity';
import { xaaEventType } from '../../../shared/xaaEventTypes';
import { ACCOUNTLESS_EVENT_TYPES, DIRECTIONLESS_EVENT_TYPES, isActorOnly, OTHER_EVENT_TYPE } from './eventTypeField';

/**
 * The subscription's `filter`. Only the three fields X documents are offered, because X rejects
 * unknown ones. Fields that make no sense for the chosen type are hidden; the checks below catch
 * what hiding cannot (a typed "Other" type, an expression).
 */

type Filter = ActivitySubscriptionRequest['filter'];

interface FilterInput {
	userId?: string;
	keyword?: string;
	direction?: 'inbound' | 'outbound' | 'both';
}

export const filterField: INodeProperties = {
	displayName: 'Filter',
	name: 'filter',
	type: 'collection',
	placeholder: 'Add Filter Field',
	default: {},
	displayOptions: { hide: { eventType: ACCOUNTLESS_EVENT_TYPES.filter((type) => xaaEventType(type).filter === 'none') } },
	options: [
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			default: 'both',
			description: 'Which side of the account to report. Mute and block events do not take it: they are always the account’s own actions.',
			options: [
				{ name: 'Both', value: 'both', description: 'Events by the account and events done to it' },
				{ name: 'Inbound', value: 'inbound', description: 'Only events done to the account, e.g. someone liking its post' },
				{ name: 'Outbound', value: 'outbound', description: 'Only events by the account, e.g. it liking a post' },
			],
			displayOptions: { hide: { '/eventType': DIRECTIONLESS_EVENT_TYPES } },
		},
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			placeholder: 'n8n',
			description: 'Required for keyword-based types such as News Story: X reports stories that match it',
			displayOptions: { show: { '/eventType': [...ACCOUNTLESS_EVENT_TYPES, OTHER_EVENT_TYPE] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: '1500000000000000001',
			description:
				'Numeric ID of the X account to watch. Leave empty for the account of the X OAuth1 User credential. Mutes, blocks, direct messages and chat only work for that account.',
			displayOptions: { hide: { '/eventType': ACCOUNTLESS_EVENT_TYPES } },
		},
	],
};

function directionFor(this: IExecuteFunctions, type: string, input: FilterInput, itemIndex: number): Filter['direction'] {
	if (!input.direction || input.direction === 'both') return undefined;
	if (isActorOnly(type)) {
		throw new NodeOperationError(this.getNode(), `Direction cannot be used with ${type} subscriptions`, {
			itemIndex,
			description: 'X reports mutes and blocks only as the account’s own actions (actor-only) and rejects a direction. Set Direction to Both.',
		});
	}
	return input.direction;
}

/** An empty User ID means "my account", read from the OAuth1 credential as the trigger does. */
export async function readFilter(this: IExecuteFunctions, type: string, itemIndex: number): Promise<Filter> {
	const kind = xaaEventType(type).filter;
	// App-wide types (oauth.revoke) take exactly `{}`; anything else is rejected by X.
	if (kind === 'none') return {};
	const input = this.getNodeParameter('filter', itemIndex, {}) as FilterInput;
	const keyword = String(input.keyword ?? '').trim();
	if (kind === 'keyword' && !keyword) {
		throw new NodeOperationError(this.getNode(), `${type} subscriptions need a Keyword`, {
			itemIndex,
			description: 'Add Keyword under Filter: X reports the stories that match it.',
		});
	}
	const direction = directionFor.call(this, type, input, itemIndex);
	const typed = String(input.userId ?? '').trim();
	const userId = kind === 'user' ? typed || (await getAuthenticatedUser.call(this)).id : typed;
	return {
		...(userId ? { user_id: userId } : {}),
		...(keyword ? { keyword } : {}),
		...(direction ? { direction } : {}),
	};
}
