import { createHash } from 'node:crypto';

import type { ActivitySubscriptionRequest } from '../../shared/api/xActivity';
import { ALL_EVENTS } from '../../shared/events';
import type { ActivitySubscription } from '../../shared/schemas/xActivityResponses';
import type { XAuth } from '../../shared/transport/xApi';
import { XAA_EVENT_TYPES } from '../../shared/xaaEventTypes';

/**
 * Which X Activity API subscriptions a trigger's event selection needs: one per event type, for
 * the credential's account, delivering to this trigger's webhook and tagged as this trigger's.
 */

export interface PlannedSubscription {
	request: Required<Pick<ActivitySubscriptionRequest, 'event_type' | 'filter' | 'tag' | 'webhook_id'>>;
	auth: XAuth;
}

/** Recognises this trigger's subscriptions among others on the same app (the action node's, other tools'). */
export function triggerTag(webhookUrl: string): string {
	return `n8n:${createHash('sha256').update(webhookUrl).digest('hex').slice(0, 12)}`;
}

export function subscriptionPlan(selected: readonly string[], userId: string, webhookId: string, tag: string): PlannedSubscription[] {
	const all = selected.includes(ALL_EVENTS);
	return Object.entries(XAA_EVENT_TYPES)
		.filter(([, info]) => info.filter !== 'keyword')
		.filter(([, info]) => all || [info.event, ...(info.alsoFor ?? [])].some((event) => selected.includes(event)))
		.map(([eventType, info]) => ({
			auth: info.auth,
			request: {
				event_type: eventType,
				filter: info.filter === 'user' ? { user_id: userId, ...(info.direction ? { direction: info.direction } : {}) } : {},
				tag,
				webhook_id: webhookId,
			},
		}));
}

const sameFilter = (a: Record<string, unknown>, b: Record<string, unknown>) =>
	['user_id', 'keyword', 'direction'].every((key) => (a[key] ?? null) === (b[key] ?? null));

/** An existing subscription serves a planned one when event type, filter, webhook and tag all agree. */
export function findMatching(existing: readonly ActivitySubscription[], planned: PlannedSubscription): ActivitySubscription | undefined {
	const { request } = planned;
	return existing.find(
		(s) => s.event_type === request.event_type && s.webhook_id === request.webhook_id && s.tag === request.tag && sameFilter(s.filter, request.filter),
	);
}
