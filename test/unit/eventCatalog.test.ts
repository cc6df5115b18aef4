import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_APP, DEFAULT_USERS, SUBSCRIBER_ID } from '../../emulator/defaults';
import { ayrshareBodiesFromAaa } from '../../emulator/ayrshare/events/accountActivity';
import { X_JSON_STYLE, stringifyJson } from '../../emulator/core/json';
import { ACTION_VARIANTS } from '../../emulator/ayrshare/events/actions';
import { ACTIVITY_EVENT_TYPES, EVENT_TYPE_ALIASES, ruleOf } from '../../emulator/x/activity/catalog';
import { BUILDERS, sceneFor } from '../../emulator/x/activity/payloads';
import { AAA_EVENT_TYPES, buildAaaEnvelope } from '../../emulator/x/events/accountActivityEvents';
import { XAccountActivity } from '../../nodes/XAccountActivity/XAccountActivity.node';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { normalizeXaa } from '../../nodes/XAccountActivityTrigger/normalize/activityApi';
import { AAA_EVENT_SCHEMAS } from '../../nodes/XAccountActivityTrigger/schemas/accountActivityPayload';
import { AYRSHARE_ACTION_SCHEMAS } from '../../nodes/XAccountActivityTrigger/schemas/ayrshareWebhookPayload';
import { plannedTypes } from '../../nodes/XAccountActivityTrigger/sources/xaaPlan';
import { AYRSHARE_ACCOUNT_ACTIVITY, AYRSHARE_ACTIONS, EVENT_CATALOG, type EventRow, XAA_TYPES, canonicalEventType, xaaAuth } from '../../nodes/shared/eventCatalog';
import { CONSTRUCTED } from '../fixtures/xaaConstructed';

/**
 * The event catalog (nodes/shared/eventCatalog.ts) against every table that must agree with it,
 * both ways: an event in the catalog but missing from a consumer fails here, and so does one a
 * consumer has that the catalog lacks. The emulator may not import the catalog (it plays X), so
 * its own tables are compared here. CONTRIBUTING.md, "Add an event", says what to change.
 */

const ROWS: readonly EventRow[] = EVENT_CATALOG;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const withAaa = ROWS.filter((row) => row.aaa);
const optionValues = (property: INodeProperties | undefined) => (property?.options ?? []).map((o) => String((o as { value: unknown }).value));

describe('the node descriptions are built from the catalog', () => {
	const trigger = new XAccountActivityTrigger().description.properties;
	const action = new XAccountActivity().description.properties;

	test('the trigger’s Events options: every event for the Account Activity API and Ayrshare', () => {
		const events = trigger.find((p) => p.name === 'events' && p.displayOptions?.hide?.source);
		expect(sorted(optionValues(events))).toEqual(sorted(['*', ...ROWS.map((row) => row.event)]));
		const names = Object.fromEntries(((events?.options ?? []) as Array<{ value: string; name: string }>).map((o) => [o.value, o.name]));
		for (const row of ROWS) expect([row.event, names[row.event]]).toEqual([row.event, row.name]);
	});

	test('the trigger’s Events options for the X Activity API: every event it can emit, and nothing it cannot', () => {
		const events = trigger.find((p) => p.name === 'events' && p.displayOptions?.show?.source);
		const fromXaa = ROWS.filter((row) => row.xaa?.length || row.event === 'replay.finished').map((row) => row.event);
		expect(sorted(optionValues(events))).toEqual(sorted(['*', ...fromXaa]));
		expect(fromXaa).not.toContain('ayrshare.feed');
	});

	test('the action node’s Event Type: every X Activity API type of the catalog, plus Other', () => {
		const field = action.find((p) => p.name === 'eventType');
		expect(sorted(optionValues(field))).toEqual(sorted(['other', ...XAA_TYPES.map((info) => info.type)]));
	});

	test('both nodes’ Ayrshare action lists are the catalog’s', () => {
		const option = trigger.find((p) => p.name === 'options')?.options?.find((o) => 'name' in o && o.name === 'ayrshareActions') as INodeProperties;
		const field = action.find((p) => p.name === 'action');
		const actions = AYRSHARE_ACTIONS.map((a) => a.action);
		expect(sorted(optionValues(option))).toEqual(sorted(actions));
		expect(sorted(optionValues(field))).toEqual(sorted([...actions, 'other']));
		expect(sorted(ROWS.flatMap((row) => (row.ayrshare && 'action' in row.ayrshare ? [row.ayrshare.action] : [])))).toEqual(sorted(Object.keys(AYRSHARE_ACTION_SCHEMAS)));
	});
});

describe('the X Activity API subscription plan', () => {
	test('[All] subscribes every catalog type about the account or the app, and no keyword type', () => {
		expect(sorted(plannedTypes(['*']).map((info) => info.type))).toEqual(sorted(XAA_TYPES.filter((info) => info.subject !== 'keyword').map((info) => info.type)));
	});

	test.each(ROWS.filter((row) => row.xaa?.length))('selecting $event subscribes its own types', (row) => {
		const planned = plannedTypes([row.event]).map((info) => info.type);
		for (const spec of row.xaa ?? []) if (spec.subject !== 'keyword') expect(planned).toContain(spec.type);
	});

	test('only public types use the app’s bearer token', () => {
		for (const info of XAA_TYPES) expect([info.type, xaaAuth(info.type)]).toEqual([info.type, info.privacy === 'public' ? 'app' : 'user']);
	});
});

describe('the normalizers dispatch on the catalog', () => {
	test('the Account Activity keys the normalizer parses are exactly the catalog’s', () => {
		expect(sorted(Object.keys(AAA_EVENT_SCHEMAS))).toEqual(sorted(withAaa.flatMap((row) => row.aaa?.keys ?? [])));
	});

	const fixtureDir = resolve(__dirname, '../fixtures/xaa-payloads');
	const published = Object.fromEntries(
		readdirSync(fixtureDir)
			.filter((file) => /^xaa-[a-z]/.test(file))
			.map((file) => {
				const body = JSON.parse(readFileSync(resolve(fixtureDir, file), 'utf8')) as { data: { event_type: string } };
				return [body.data.event_type, body];
			}),
	);
	const fixtures: Record<string, unknown> = { ...published, ...CONSTRUCTED };

	test('every X Activity API type has a fixture (published or constructed), and every fixture a catalog type', () => {
		expect(sorted(Object.keys(fixtures))).toEqual(sorted(XAA_TYPES.map((info) => info.type)));
	});

	test.each(XAA_TYPES.map((info) => [info.type, info.event]))('a %s delivery becomes %s', (type, event) => {
		const items = normalizeXaa(fixtures[type] as Record<string, unknown>).items;
		expect(items.length).toBeGreaterThan(0);
		expect(items.map((item) => item.event)).toEqual(items.map(() => event));
	});

	test('every alias of the catalog names its type', () => {
		for (const info of XAA_TYPES) for (const alias of info.aliases ?? []) expect([alias, canonicalEventType(alias)]).toEqual([alias, info.type]);
	});

	test('Ayrshare’s key for an X event is X’s key camelCased, as Ayrshare forwards it', () => {
		for (const row of withAaa) {
			if (!row.ayrshare || !('key' in row.ayrshare)) continue;
			const camel = (row.aaa?.keys[0] ?? '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
			expect([row.event, row.ayrshare.key]).toEqual([row.event, camel]);
		}
	});
});

describe('the emulator’s tables agree with the catalog (it may not import it)', () => {
	const users = DEFAULT_USERS;
	const sources = { app: DEFAULT_APP, users, subscriberId: SUBSCRIBER_ID };

	test('Account Activity injection types: one per catalog event with an AAA key (and its variants), no other', () => {
		const expected = withAaa.filter((row) => row.emulator).flatMap((row) => [row.event, ...(row.emulator?.variants ?? [])]);
		expect(sorted(AAA_EVENT_TYPES)).toEqual(sorted(expected));
	});

	test.each(withAaa.filter((row) => row.emulator).flatMap((row) => [row.event, ...(row.emulator?.variants ?? [])].map((name) => [name, row] as const)))(
		'the emulator’s AAA %s uses the catalog’s key and type, and becomes that event with the catalog’s actor',
		(name, row) => {
			const { envelope } = buildAaaEnvelope(name as (typeof AAA_EVENT_TYPES)[number], sources);
			const keys = Object.keys(envelope).filter((key) => key.endsWith('_events') || key === 'user_event');
			expect(keys).toHaveLength(1);
			expect(row.aaa?.keys).toContain(keys[0]);
			const first = (envelope[keys[0]] as Array<{ type?: string }>)[0];
			if (row.aaa?.type) expect(first.type).toBe(row.aaa.type);
			// As delivered: serialised the way X does (the emulator's ids include 64-bit numbers).
			const [item] = normalizeAaa(JSON.parse(stringifyJson(envelope, X_JSON_STYLE)), { source: 'aaa' }).items;
			expect(item.event).toBe(row.event);
			expect([row.event, item.actor?.id === SUBSCRIBER_ID]).toEqual([row.event, row.emulator?.actor === 'account']);
			// Ayrshare forwards it under the catalog's Ayrshare key.
			if (row.ayrshare && 'key' in row.ayrshare) {
				const [body] = ayrshareBodiesFromAaa(envelope, { profile: { refId: 'r', title: 't' } as never, url: 'https://example.com', now: new Date() });
				expect(Object.keys(body)).toContain(row.ayrshare.key);
			}
		},
	);

	test('X Activity API types, privacy, filter fields and aliases: the same set both ways', () => {
		expect(sorted(ACTIVITY_EVENT_TYPES)).toEqual(sorted(XAA_TYPES.map((info) => info.type)));
		for (const info of XAA_TYPES) {
			const rule = ruleOf(info.type as (typeof ACTIVITY_EVENT_TYPES)[number]);
			expect([info.type, rule.privacy, sorted(rule.filter)]).toEqual([info.type, info.privacy, sorted(info.filter)]);
			const required = info.subject === 'account' ? 'user_id' : info.subject === 'keyword' ? 'keyword' : null;
			expect([info.type, rule.requires]).toEqual([info.type, required]);
		}
		const catalogAliases = Object.fromEntries(XAA_TYPES.flatMap((info) => (info.aliases ?? []).map((alias) => [alias, info.type])));
		expect(EVENT_TYPE_ALIASES).toEqual(catalogAliases);
	});

	test.each(ROWS.filter((row) => row.xaa?.length && row.emulator).flatMap((row) => (row.xaa ?? []).map((spec) => [spec.type, row] as const)))(
		'the emulator’s %s payload becomes the catalog’s event, with its actor',
		(type, row) => {
			const built = BUILDERS[type as (typeof ACTIVITY_EVENT_TYPES)[number]](sceneFor(DEFAULT_APP, users, SUBSCRIBER_ID, {}));
			const filter = ruleOf(type as (typeof ACTIVITY_EVENT_TYPES)[number]).requires === 'user_id' ? { user_id: SUBSCRIBER_ID } : {};
			const body = { data: { event_uuid: '1', event_type: type, filter, payload: built.payload, ...(built.includes ? { includes: built.includes } : {}) } };
			const items = normalizeXaa(JSON.parse(stringifyJson(body, X_JSON_STYLE))).items;
			expect(items.map((item) => item.event)).toEqual([row.event]);
			if (type !== 'news.new') expect([type, items[0].actor?.id === SUBSCRIBER_ID]).toEqual([type, row.emulator?.actor === 'account' || actsAsAccount(type)]);
		},
	);

	test('Ayrshare actions the emulator builds are the catalog’s', () => {
		expect(sorted(Object.keys(ACTION_VARIANTS))).toEqual(sorted(AYRSHARE_ACTIONS.filter((a) => a.action !== AYRSHARE_ACCOUNT_ACTIVITY.action).map((a) => a.action)));
	});
});

/** xaa.other bundles types whose actor is the account (a Space or broadcast it runs, a chat it sends) with others. */
function actsAsAccount(type: string): boolean {
	return /^(spaces|broadcast)\.(start|end)$|^chat\.sent$/.test(type);
}
