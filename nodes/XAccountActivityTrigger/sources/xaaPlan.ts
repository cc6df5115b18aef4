import { createHash } from 'node:crypto';

import { type ActivitySubscriptionRequest, activityFilter } from '../../shared/api/xActivity';
import { ALL_EVENTS, XAA_TYPES, type XaaTypeInfo, canonicalEventType, eventsServedBy } from '../../shared/eventCatalog';
import type { ActivitySubscription } from '../../shared/schemas/xActivityResponses';

/**
 * Which X Activity API subscriptions a trigger's event selection needs: one per event type, for
 * the credential's account, delivering to this trigger's webhook and tagged as this trigger's.
 * Every type is billed per delivered event, so a selection subscribes only the types it needs.
 */

export interface PlannedSubscription {
	request: Required<Pick<ActivitySubscriptionRequest, 'event_type' | 'filter' | 'tag' | 'webhook_id'>>;
	info: XaaTypeInfo;
}

/** Recognises this trigger's subscriptions among others on the same app (the action node's, other tools'). */
export function triggerTag(webhookUrl: string): string {
	return `n8n:${createHash('sha256').update(webhookUrl).digest('hex').slice(0, 12)}`;
}

/** The X Activity API types a selection needs; keyword types (news) are about no account, so never. */
export function plannedTypes(selected: readonly string[]): XaaTypeInfo[] {
	const all = selected.includes(ALL_EVENTS);
	return XAA_TYPES.filter((info) => info.subject !== 'keyword').filter((info) => all || eventsServedBy(info).some((event) => selected.includes(event)));
}

export function subscriptionPlan(selected: readonly string[], userId: string, webhookId: string, tag: string): PlannedSubscription[] {
	return plannedTypes(selected).map((info) => {
		const built = activityFilter(info, { userId });
		// Account and app-wide types always have a filter for a known account.
		const filter = 'filter' in built ? built.filter : { user_id: userId };
		return { info, request: { event_type: info.type, filter, tag, webhook_id: webhookId } };
	});
}

const sameFilter = (a: Record<string, unknown>, b: Record<string, unknown>) =>
	['user_id', 'keyword', 'direction'].every((key) => (a[key] ?? null) === (b[key] ?? null));

/** An existing subscription serves a planned one when event type (by its canonical name), filter, webhook and tag all agree. */
export function findMatching(existing: readonly ActivitySubscription[], planned: PlannedSubscription): ActivitySubscription | undefined {
	const { request } = planned;
	return existing.find(
		(s) =>
			canonicalEventType(s.event_type) === request.event_type &&
			s.webhook_id === request.webhook_id &&
			s.tag === request.tag &&
			sameFilter(s.filter, request.filter),
	);
}
