import { type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { getAuthenticatedUser } from '../../../shared/api/xUsers';
import { type ActivityFilter, activityFilter } from '../../../shared/api/xActivity';
import { xaaAuth, xaaType } from '../../../shared/eventCatalog';
import { ACCOUNTLESS_EVENT_TYPES, DIRECTIONLESS_EVENT_TYPES, OTHER_EVENT_TYPE, UNFILTERED_EVENT_TYPES } from './eventTypeField';

/**
 * The subscription's `filter`. Only the three fields X documents are offered, because X rejects
 * unknown ones. Fields that make no sense for the chosen type are hidden; the shared filter
 * builder (the trigger's too) catches what hiding cannot (a typed "Other" type, an expression).
 */

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
	displayOptions: { hide: { eventType: UNFILTERED_EVENT_TYPES } },
	options: [
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			default: 'both',
			description: 'Which side of the account to report, for likes, direct messages and chat. Other types do not take it.',
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
				'Numeric ID of the X account to watch. Leave empty for the account of the X OAuth1 User credential. Private types (mentions, replies, quotes, reposts, likes, mutes, blocks, direct messages, chat) only work for that account.',
			displayOptions: { hide: { '/eventType': ACCOUNTLESS_EVENT_TYPES } },
		},
	],
};

/**
 * An empty User ID means "my account", read from the OAuth1 credential as the trigger does. A
 * type created with user context must be for that very account: X creates private subscriptions
 * only "for users who have authorized your application", with their token.
 */
export async function readFilter(this: IExecuteFunctions, type: string, itemIndex: number): Promise<ActivityFilter> {
	const info = xaaType(type);
	const input = this.getNodeParameter('filter', itemIndex, {}) as FilterInput;
	const typed = String(input.userId ?? '').trim();
	const userContext = xaaAuth(type) === 'user';
	const me = info.subject === 'account' && (userContext || !typed) ? (await getAuthenticatedUser.call(this)).id : null;
	if (me && typed && typed !== me) {
		throw new NodeOperationError(this.getNode(), `${type} subscriptions can only be for the account of the X OAuth1 User credential`, {
			itemIndex,
			description: `X creates this type only for the account whose token signs the request, here ${me}; User ID was ${typed}. Leave User ID empty, or use the X OAuth1 User credential of account ${typed}.`,
		});
	}
	const built = activityFilter(info, {
		userId: typed || me,
		keyword: input.keyword,
		direction: input.direction === 'both' ? null : input.direction,
	});
	if ('filter' in built) return built.filter;
	throw new NodeOperationError(this.getNode(), built.problem, { itemIndex, description: built.fix });
}
