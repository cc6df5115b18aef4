import type { EmulatorOptions } from '../../options';
import {
	buildAaaEnvelope,
	type AaaEventType,
	type AaaOverrides,
} from '../../x/events/accountActivityEvents';
import { camelCaseKey, camelCaseKeys } from './camelCase';
import { envelopeFields, isoSeconds, type EnvelopeScene } from './envelope';

/**
 * Ayrshare's `accountActivity` deliveries, made from the very facts the X emulator's AAA builders
 * produce, transformed the way seed 002 shows Ayrshare forwarding them: keys camelCased, one
 * event object per delivery (not an array), X's millisecond times replaced by an ISO `createdAt`,
 * no `for_user_id`, and Ayrshare's envelope around it.
 */

/** Envelope keys of X's that Ayrshare does not forward (seed 002 shows no `apps` map). */
const DROPPED = new Set(['for_user_id', 'apps']);

function toIso(ms: unknown): string {
	return new Date(Number(ms)).toISOString();
}

/** The event object's own time, as Ayrshare shows it: `createdAt`, ISO with milliseconds. */
function withIsoCreatedAt(event: unknown): unknown {
	if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
	const record: Record<string, unknown> = { ...event };
	const ms = record.timestamp_ms ?? record.created_timestamp;
	if (ms === undefined) return event;
	delete record.timestamp_ms;
	delete record.created_timestamp;
	return { ...record, created_at: toIso(ms) };
}

export interface AccountActivityScene extends EnvelopeScene {
	type: AaaEventType;
	overrides?: AaaOverrides;
	count?: number;
	options: EmulatorOptions;
}

/** One Ayrshare body per X event of an AAA envelope (X batches several events in one POST; Ayrshare's examples never do). */
export function ayrshareBodiesFromAaa(
	envelope: Record<string, unknown>,
	scene: EnvelopeScene,
): Array<Record<string, unknown>> {
	const extras: Record<string, unknown> = {};
	const events: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(envelope)) {
		if (DROPPED.has(key)) continue;
		if (key === 'user_has_blocked') extras.userHasBlocked = value === true || value === 'true';
		else if (key.endsWith('_events'))
			for (const event of value as unknown[]) events.push([key, event]);
		else if (key === 'user_event') events.push([key, value]);
		else extras[camelCaseKey(key)] = camelCaseKeys(value);
	}
	return events.map(([key, event], index) => ({
		...envelopeFields('accountActivity', {
			...scene,
			hookId: index === 0 ? scene.hookId : undefined,
		}),
		code: 200,
		mediaUrls: [],
		platform: 'twitter',
		retryAttempt: 0,
		scheduleDate: isoSeconds(scene.now),
		source: 'system',
		type: 'accountActivity',
		url: scene.url,
		...extras,
		[camelCaseKey(key)]: camelCaseKeys(withIsoCreatedAt(event)),
	}));
}

/** Builds the X event for the profile's linked X account with the X emulator's builders, then forwards it as Ayrshare does. */
export function buildAccountActivityBodies(
	scene: AccountActivityScene,
): Array<Record<string, unknown>> {
	const linked = scene.profile.linked.find((account) => account.platform === 'twitter');
	if (!linked) throw new Error(`profile ${scene.profile.refId} has no linked X account`);
	const { options } = scene;
	const { envelope } = buildAaaEnvelope(
		scene.type,
		{ app: options.app, users: options.users, subscriberId: options.subscriberId },
		{ ...scene.overrides, forUserId: linked.id },
		scene.count ?? 1,
	);
	return ayrshareBodiesFromAaa(envelope, scene);
}
