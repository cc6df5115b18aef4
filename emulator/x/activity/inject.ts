import CryptoJS from 'crypto-js';

import { stringifyJson, X_JSON_STYLE } from '../../core/json';
import { json } from '../../core/reply';
import { parseJsonBody, type Router } from '../../core/router';
import { deliver } from '../delivery';
import type { XContext } from '../endpoint';
import type { ActivitySubscription } from '../state';
import { ACTIVITY_EVENT_TYPES, familyOf, isActivityEventType, type ActivityEventType } from './catalog';
import { BUILDERS, sceneFor, type ActivityOverrides, type BuiltActivity } from './payloads';

interface InjectBody extends ActivityOverrides {
	type?: unknown;
	/** Fixed event_uuid, to show a replayed or repeated event is recognised. */
	eventUuid?: string;
	/** Several events in one delivery, sent as a `data` array. */
	batch?: number;
}

/** X's event_uuid is a signed 64-bit number in string form; samples show negative ones. */
function eventUuid(): string {
	return BigInt.asIntN(64, BigInt(`0x${CryptoJS.lib.WordArray.random(8).toString(CryptoJS.enc.Hex)}`)).toString();
}

function matches(subscription: ActivitySubscription, type: ActivityEventType, userId: string, built: BuiltActivity, keyword?: string): boolean {
	if (subscription.event_type !== type || !subscription.webhook_id) return false;
	const { filter } = subscription;
	switch (familyOf(type).filter) {
		case 'user':
			return filter.user_id === userId && (!filter.direction || !built.direction || filter.direction === built.direction);
		case 'keyword':
			return !!filter.keyword && !!keyword && keyword.toLowerCase().includes(filter.keyword.toLowerCase());
		default:
			return true;
	}
}

/**
 * `POST /_emulator/x/activity/events {type, ...}`: builds an X Activity API event and delivers it,
 * signed, once per matching subscription (as X does) in the `{"data": {...}}` envelope.
 */
export function registerActivityInjection(router: Router, ctx: XContext): void {
	const { state, options } = ctx;

	router.add('GET', '/_emulator/x/activity/event-types', () => json(200, { types: ACTIVITY_EVENT_TYPES }));

	router.add('POST', '/_emulator/x/activity/events', async (req) => {
		const input = parseJsonBody<InjectBody>(req) ?? {};
		const type = input.type;
		if (!isActivityEventType(type)) return json(400, { error: `unknown event type ${String(type)}`, types: ACTIVITY_EVENT_TYPES });
		const scene = sceneFor(options.app, options.users, options.subscriberId, input);
		const events = Array.from({ length: Math.max(1, input.batch ?? 1) }, (_, index) => ({
			uuid: input.eventUuid && index === 0 ? input.eventUuid : eventUuid(),
			built: BUILDERS[type](scene),
		}));
		const keyword = type === 'news.new' ? String(events[0].built.payload.name) : undefined;
		const subscriptions = state.activitySubscriptions.filter((s) => matches(s, type, scene.forUser.id, events[0].built, keyword));

		const envelopes: unknown[] = [];
		const deliveries = [];
		for (const subscription of subscriptions) {
			const webhook = state.webhooks.find((w) => w.id === subscription.webhook_id && w.valid);
			if (!webhook) continue;
			const entries = events.map(({ uuid, built }) => ({
				event_uuid: uuid,
				filter: subscription.filter,
				event_type: type,
				...(subscription.tag !== undefined ? { tag: subscription.tag } : {}),
				payload: built.payload,
				...(built.includes ? { includes: built.includes } : {}),
			}));
			const envelope = { data: entries.length === 1 ? entries[0] : entries };
			envelopes.push(envelope);
			deliveries.push(...(await deliver(ctx, webhook, stringifyJson(envelope, X_JSON_STYLE), { kind: 'event' })));
		}
		const note = deliveries.length ? undefined : `no subscription with a valid webhook matches ${type} for user ${scene.forUser.id}; nothing was delivered`;
		return json(200, { envelopes, deliveries, note });
	});
}
