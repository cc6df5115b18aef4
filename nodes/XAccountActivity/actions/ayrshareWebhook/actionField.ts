import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AYRSHARE_WEBHOOK_ACTIONS } from '../../../shared/api/ayrshareWebhooks';
import { readString } from '../common';

/** Ayrshare's list of actions grows (mentions, comments, …), so "Other" takes any name. */

const ACTION_NAMES: Record<(typeof AYRSHARE_WEBHOOK_ACTIONS)[number], string> = {
	accountActivity: 'X Account Activity (accountActivity)',
	batch: 'Batch (batch)',
	feed: 'RSS Feed (feed)',
	messages: 'Messages (messages)',
	scheduled: 'Scheduled Post (scheduled)',
	social: 'Social Account Change (social)',
};

const OTHER = 'other';

export function actionFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			default: 'accountActivity',
			description: `The kind of Ayrshare event to ${verb}`,
			options: [
				...AYRSHARE_WEBHOOK_ACTIONS.map((value) => ({ name: ACTION_NAMES[value], value })),
				{ name: 'Other (Enter Name)', value: OTHER },
			].sort((a, b) => a.name.localeCompare(b.name)),
		},
		{
			displayName: 'Action Name',
			name: 'customAction',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'mentions',
			description: 'Ayrshare’s name of the action, exactly as in its documentation',
			displayOptions: { show: { action: [OTHER] } },
		},
	];
}

export function readAction(this: IExecuteFunctions, itemIndex: number): string {
	const action = readString.call(this, 'action', itemIndex);
	return action === OTHER ? readString.call(this, 'customAction', itemIndex) : action;
}
