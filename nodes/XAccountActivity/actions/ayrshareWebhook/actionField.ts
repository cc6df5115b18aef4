import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AYRSHARE_ACTIONS } from '../../../shared/eventCatalog';
import { optionsWithOther, readWithOther } from '../common';

/** Ayrshare's list of actions grows (mentions, comments, …), so "Other" takes any name. The known ones are the event catalog's. */

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
		options: AYRSHARE_ACTIONS.map(({ action, actionName }) => ({ name: `${actionName} (${action})`, value: action })),
	};
}

export function actionFields(verb: string): INodeProperties[] {
	return optionsWithOther(actionField(verb), customAction);
}

export function readAction(this: IExecuteFunctions, itemIndex: number): string {
	return readWithOther.call(this, actionField(''), customAction, itemIndex);
}
