import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AYRSHARE_WEBHOOK_ACTIONS } from '../../../shared/api/ayrshareWebhooks';
import { optionsWithOther, readWithOther } from '../common';

/** Ayrshare's list of actions grows (mentions, comments, …), so "Other" takes any name. */

const ACTION_NAMES: Record<(typeof AYRSHARE_WEBHOOK_ACTIONS)[number], string> = {
	accountActivity: 'X Account Activity (accountActivity)',
	batch: 'Batch (batch)',
	feed: 'RSS Feed (feed)',
	messages: 'Messages (messages)',
	scheduled: 'Scheduled Post (scheduled)',
	social: 'Social Account Change (social)',
};

const customAction: INodeProperties = {
	displayName: 'Action Name',
	name: 'customAction',
	type: 'string',
	default: '',
	placeholder: 'mentions',
	description: 'Ayrshare’s name of the action, exactly as in its documentation',
};

function actionField(verb: string) {
	return {
		displayName: 'Action',
		name: 'action',
		type: 'options' as const,
		default: 'accountActivity',
		description: `The kind of Ayrshare event to ${verb}`,
		options: AYRSHARE_WEBHOOK_ACTIONS.map((value) => ({ name: ACTION_NAMES[value], value })),
	};
}

export function actionFields(verb: string): INodeProperties[] {
	return optionsWithOther(actionField(verb), customAction);
}

export function readAction(this: IExecuteFunctions, itemIndex: number): string {
	return readWithOther.call(this, actionField(''), customAction, itemIndex);
}
