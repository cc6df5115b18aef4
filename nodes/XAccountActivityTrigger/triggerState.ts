import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between activation and deactivation (node static data).
 * `*Created` flags record ownership: deactivation removes only what this node created.
 */
export interface TriggerState extends IDataObject {
	webhookId?: string;
	webhookUrl?: string;
	webhookCreated?: boolean;
	subscribedUserId?: string;
	subscriptionCreated?: boolean;
	/** X Activity API subscriptions this node created (ids), removed on deactivation. */
	activitySubscriptions?: string[];
	/** Ayrshare: the URL the actions were registered to, and by whom (Ayrshare webhooks have no ids). */
	ayrshareUrl?: string;
	/** Ayrshare actions this node registered, unregistered on deactivation. */
	ayrshareActionsCreated?: string[];
	/** Ayrshare actions already pointing at this URL before activation: used, and left in place. */
	ayrshareActionsReused?: string[];
	/** The X account linked to the Ayrshare profile (`GET /user`): forUserId of accountActivity items. */
	ayrshareLinkedXUserId?: string | null;
	/** Why `ayrshareLinkedXUserId` is null, as told at activation. */
	ayrshareLinkedXProblem?: string;
}

export function clearRegistration(state: TriggerState): void {
	for (const key of [
		'webhookId',
		'webhookUrl',
		'webhookCreated',
		'subscribedUserId',
		'subscriptionCreated',
		'activitySubscriptions',
	] as const) {
		delete state[key];
	}
}
