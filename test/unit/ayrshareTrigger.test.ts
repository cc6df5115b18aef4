/**
 * The trigger with `source = ayrshare` against the emulated Ayrshare: activation and deactivation
 * of webhook actions, signed deliveries (hex and base64, rotation, stale, missing), retries and
 * redeliveries, the refId filter, and every action of seed 002 delivered end to end.
 */
import type { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_AYRSHARE, SUBSCRIBER_ID } from '../../emulator/defaults';
import { SEEDED_PROFILE_KEY } from '../../emulator/ayrshare/state';
import { type Emulator, startEmulator } from '../../emulator/server';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { AYRSHARE_TEST_SECRET, ayrshareCredentials } from '../helpers/ayrshareCredentials';
import {
	type TriggerHost,
	activateTrigger as activate,
	startTriggerHost,
} from '../helpers/triggerHost';

const { checkExists, create, delete: remove } = new XAccountActivityTrigger().webhookMethods.setup;

let emu: Emulator;
const hosts: TriggerHost[] = [];

async function newHost(options: Record<string, unknown> = {}, secret?: string) {
	const host = await startTriggerHost({
		credentials: ayrshareCredentials(emu.url, secret),
		parameters: { source: 'ayrshare', options },
	});
	hosts.push(host);
	return host;
}

const post = async <T = any>(
	path: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<T> => {
	const response = await fetch(`${emu.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return (await response.json()) as T;
};
type Injected = {
	bodies: Array<Record<string, unknown>>;
	deliveries: Array<{ status: number; retryAttempt: number; headers: Record<string, string> }>;
	note?: string;
};
const inject = (body: Record<string, unknown>) =>
	post<Injected>('/_emulator/ayrshare/events', { profileKey: SEEDED_PROFILE_KEY, ...body });
/** Registers an action for the seeded profile as another tool would have, before activation. */
const preRegister = (action: string, url: string) =>
	post(
		'/api/hook/webhook',
		{ action, url },
		{ authorization: `Bearer ${DEFAULT_AYRSHARE.apiKey}`, 'profile-key': SEEDED_PROFILE_KEY },
	);

const client = () => emu.state.ayrshare.profiles.find((p) => p.profileKey === SEEDED_PROFILE_KEY)!;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, retryDelayMs: 1 });
});
afterAll(async () => {
	await emu.close();
});
beforeEach(async () => {
	await post('/_emulator/reset', {});
});
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});

describe('activation and deactivation', () => {
	test('registers accountActivity with the secret for the credential’s profile and stores the linked X account', async () => {
		const host = await newHost();
		expect(await activate(host)).toBe('created');
		expect(emu.state.ayrshare.webhooks).toEqual([
			expect.objectContaining({
				refId: client().refId,
				action: 'accountActivity',
				url: host.url,
				secret: AYRSHARE_TEST_SECRET,
			}),
		]);
		expect(host.staticData).toMatchObject({
			ayrshareUrl: host.url,
			ayrshareActionsCreated: ['accountActivity'],
			ayrshareActionsReused: [],
			ayrshareLinkedXUserId: SUBSCRIBER_ID,
		});
		expect(await checkExists.call(host.hooks())).toBe(true);
	});

	test('registers every selected action, free-text ones too; checkExists needs all of them', async () => {
		const host = await newHost({
			ayrshareActions: ['scheduled', 'social', 'messages', 'batch', 'feed', 'accountActivity'],
			ayrshareOtherActions: 'mentions, comments',
		});
		await activate(host);
		expect(emu.state.ayrshare.webhooks.map((w) => w.action).sort()).toEqual([
			'accountActivity',
			'batch',
			'comments',
			'feed',
			'mentions',
			'messages',
			'scheduled',
			'social',
		]);
		emu.state.ayrshare.webhooks = emu.state.ayrshare.webhooks.filter((w) => w.action !== 'feed');
		expect(await checkExists.call(host.hooks())).toBe(false);
		await create.call(host.hooks());
		expect(emu.state.ayrshare.webhooks).toHaveLength(8);
	});

	test('deactivation unregisters only what it registered; an action already pointing here is reused and left', async () => {
		const host = await newHost({ ayrshareActions: ['accountActivity', 'feed'] });
		await preRegister('feed', host.url);
		await activate(host);
		expect(host.staticData).toMatchObject({
			ayrshareActionsCreated: ['accountActivity'],
			ayrshareActionsReused: ['feed'],
		});
		await remove.call(host.hooks());
		expect(emu.state.ayrshare.webhooks.map((w) => [w.action, w.url])).toEqual([['feed', host.url]]);
		expect(host.staticData).not.toHaveProperty('ayrshareUrl');
	});

	test('an action registered to another URL stops activation with what points where and how to proceed', async () => {
		const host = await newHost({ ayrshareActions: ['feed', 'accountActivity'] });
		await preRegister('accountActivity', 'https://other.example/hook');
		const error = (await create.call(host.hooks()).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain('“accountActivity” → https://other.example/hook');
		expect(error.description).toMatch(/Unregister/);
		expect(error.description).toMatch(/another User Profile/);
		expect(emu.state.ayrshare.webhooks.map((w) => [w.action, w.url])).toEqual([
			['accountActivity', 'https://other.example/hook'],
		]);
		expect(JSON.stringify(error)).not.toContain(AYRSHARE_TEST_SECRET);
	});

	test('deactivation leaves an action someone re-pointed meanwhile', async () => {
		const host = await newHost();
		await activate(host);
		await preRegister('accountActivity', 'https://other.example/hook');
		await remove.call(host.hooks());
		expect(emu.state.ayrshare.webhooks.map((w) => w.url)).toEqual(['https://other.example/hook']);
	});

	test('a failing GET /user still activates, with forUserId null and the reason stored', async () => {
		await post('/_emulator/fail', { method: 'GET', path: '/api/user', status: 500 });
		const host = await newHost();
		await activate(host);
		expect(host.staticData.ayrshareLinkedXUserId).toBeNull();
		expect(host.staticData.ayrshareLinkedXProblem).toMatch(/forUserId will be null.*GET \/user/);
	});

	test('a GET on the URL is a health answer (Ayrshare has no CRC)', async () => {
		const host = await newHost();
		const response = await fetch(`${host.url}?crc_token=abc`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', source: 'ayrshare' });
	});
});

describe('signed deliveries', () => {
	async function activeHost(options: Record<string, unknown> = {}, secret?: string) {
		const host = await newHost(options, secret);
		await activate(host);
		client().xAccountActivityActive = true;
		return host;
	}

	test.each(['hex', 'base64'])(
		'%s signatures are accepted and the X event becomes the AAA item',
		async (encoding) => {
			const host = await activeHost();
			const { deliveries } = await inject({
				action: 'accountActivity',
				type: 'post.mention',
				encoding,
			});
			expect(deliveries.map((d) => d.status)).toEqual([200]);
			expect(deliveries[0].headers).toHaveProperty('X-Authorization-Content-SHA256');
			expect(host.emitted[0]).toEqual([
				expect.objectContaining({
					event: 'post.mention',
					source: 'ayrshare',
					forUserId: SUBSCRIBER_ID,
					ayrshare: expect.objectContaining({ refId: client().refId }),
				}),
			]);
		},
	);

	test('forged, missing and stale signatures get 401 and emit nothing; Ayrshare retries with retryAttempt counting', async () => {
		const host = await activeHost({ ayrshareActions: ['feed'] });
		const forged = await inject({ action: 'feed', signature: 'invalid', retries: 2 });
		expect(forged.deliveries.map((d) => [d.status, d.retryAttempt])).toEqual([
			[401, 0],
			[401, 1],
			[401, 2],
		]);
		expect((await inject({ action: 'feed', signature: 'missing' })).deliveries[0].status).toBe(401);
		expect((await inject({ action: 'feed', timestampOffsetSec: -3600 })).deliveries[0].status).toBe(
			401,
		);
		expect(host.emitted).toEqual([]);
	});

	test('maxTimestampSkew 0 accepts old timestamps', async () => {
		const host = await activeHost({ ayrshareActions: ['feed'], maxTimestampSkew: 0 });
		expect((await inject({ action: 'feed', timestampOffsetSec: -3600 })).deliveries[0].status).toBe(
			200,
		);
		expect(host.emitted).toHaveLength(1);
	});

	test('during a secret rotation the -V2 header carries the new secret and is accepted', async () => {
		const host = await activeHost();
		Object.assign(emu.state.ayrshare.webhooks[0], {
			previousSecret: 'the-old-secret',
			previousSecretUntil: new Date(Date.now() + 3_600_000).toISOString(),
		});
		const { deliveries } = await inject({ action: 'accountActivity', type: 'dm.received' });
		expect(Object.keys(deliveries[0].headers)).toContain('X-Authorization-Content-SHA256-V2');
		expect(deliveries[0].status).toBe(200);
		expect(host.emitted).toHaveLength(1);
	});

	test('without a secret nothing is verified', async () => {
		const host = await activeHost({}, '');
		expect(emu.state.ayrshare.webhooks[0].secret).toBeNull();
		const { deliveries } = await inject({ action: 'accountActivity', type: 'dm.received' });
		expect(deliveries[0].headers).not.toHaveProperty('X-Authorization-Content-SHA256');
		expect(deliveries[0].status).toBe(200);
		expect(host.emitted).toHaveLength(1);
	});

	test('a retry of an accepted hookId is dropped whole; with deduplicate off it runs again', async () => {
		const host = await activeHost({ ayrshareActions: ['social'] });
		await inject({ action: 'social', fields: { hookId: 'HOOK0000000000000001' } });
		await inject({ action: 'social', fields: { hookId: 'HOOK0000000000000001', retryAttempt: 1 } });
		expect(host.emitted).toHaveLength(1);

		// One URL per action and profile: the second trigger takes over once the first is deactivated.
		await remove.call(host.hooks());
		const lax = await activeHost({ ayrshareActions: ['social'], deduplicate: false });
		await inject({ action: 'social', fields: { hookId: 'HOOK0000000000000002' } });
		await inject({ action: 'social', fields: { hookId: 'HOOK0000000000000002', retryAttempt: 1 } });
		expect(lax.emitted).toHaveLength(2);
	});

	test('a retried X event is the same event: dedupe keeps one', async () => {
		const host = await activeHost();
		const { bodies } = await inject({ action: 'accountActivity', type: 'user.followed' });
		await inject({
			action: 'accountActivity',
			type: 'user.followed',
			overrides: {},
			fields: { hookId: bodies[0].hookId, retryAttempt: 1 },
		});
		expect(host.emitted).toHaveLength(1);
	});

	test('the refId filter drops other profiles’ events (a primary-profile webhook sees them all)', async () => {
		const host = await activeHost({ ayrshareActions: ['batch'], ayrshareRefIds: 'someone-else' });
		const { deliveries } = await inject({ action: 'batch' });
		expect(deliveries[0].status).toBe(200);
		expect(host.emitted).toEqual([]);
		await remove.call(host.hooks());
		const mine = await activeHost({
			ayrshareActions: ['batch'],
			ayrshareRefIds: `x, ${client().refId}`,
		});
		await inject({ action: 'batch' });
		expect(mine.emitted).toHaveLength(1);
	});

	test.each([
		['scheduled', 'success', { status: 'success', subAction: null }],
		['scheduled', 'tikTokPublished', { subAction: 'tikTokPublished' }],
		['scheduled', 'error', { status: 'error' }],
		['social', 'link', { type: 'link', source: 'user' }],
		[
			'social',
			'unlink',
			{ type: 'unlink', source: 'system', details: expect.objectContaining({ code: 349 }) },
		],
		['social', 'refresh', { type: 'refresh', refreshBy: expect.any(String) }],
		['messages', 'received', { type: 'received', message: expect.any(String) }],
		['messages', 'sent', { type: 'sent', recipientDetails: expect.any(Object) }],
		['messages', 'read', { type: 'read', read: expect.any(Number) }],
		['messages', 'reaction', { type: 'reaction', subAction: 'reactionCreated' }],
		['messages', 'reactionDeleted', { type: 'reaction', subAction: 'reactionDeleted' }],
		['batch', undefined, { url: expect.stringContaining('batch'), urlExpires: expect.any(String) }],
		['feed', undefined, { data: expect.any(Object) }],
		['mentions', undefined, { action: 'mentions' }],
	])(
		'%s %s is delivered signed and emitted with its fields under ayrshare',
		async (action, type, fields) => {
			const host = await activeHost({ ayrshareActions: [], ayrshareOtherActions: action });
			const { deliveries, bodies } = await inject({ action, type });
			expect(deliveries.map((d) => d.status)).toEqual([200]);
			const event = ['scheduled', 'social', 'messages', 'batch', 'feed'].includes(action)
				? `ayrshare.${action}`
				: 'ayrshare.other';
			expect(host.emitted[0]).toEqual([
				expect.objectContaining({
					event,
					eventId: `hook:${String(bodies[0].hookId)}`,
					forUserId: null,
					ayrshare: expect.objectContaining({ action, refId: client().refId, ...fields }),
				}),
			]);
		},
	);
});
