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
}

export function clearRegistration(state: TriggerState): void {
	for (const key of ['webhookId', 'webhookUrl', 'webhookCreated', 'subscribedUserId', 'subscriptionCreated', 'activitySubscriptions'] as const) {
		delete state[key];
	}
}
