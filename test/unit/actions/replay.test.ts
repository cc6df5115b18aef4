import { DEFAULT_APP } from '../../../emulator/defaults';
import { toEpochMs } from '../../../nodes/XAccountActivity/actions/replay/dateInput';
import { replayWindowProblem } from '../../../nodes/shared/replayWindow';
import { startReceiver, type Receiver } from '../emulator/helpers/receiver';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

const MINUTE = 60_000;
const compact = (ms: number) => new Date(ms).toISOString().replace(/[-T:]/g, '').slice(0, 12);

describe('replay dates', () => {
	it('reads ISO strings, Dates, Luxon-like DateTimes, epoch values and yyyymmddhhmm', () => {
		const ms = Date.UTC(2026, 4, 1, 10, 30);
		expect(toEpochMs('2026-05-01T10:30:00Z', 'UTC')).toBe(ms);
		expect(toEpochMs('2026-05-01T12:30:00+02:00', 'UTC')).toBe(ms);
		expect(toEpochMs(new Date(ms), 'UTC')).toBe(ms);
		expect(toEpochMs({ toMillis: () => ms, toISO: () => 'ignored' }, 'UTC')).toBe(ms);
		expect(toEpochMs(ms / 1000, 'UTC')).toBe(ms);
		expect(toEpochMs(String(ms), 'UTC')).toBe(ms);
		expect(toEpochMs('202605011030', 'UTC')).toBe(ms);
	});

	it('reads a time without offset in the workflow’s time zone, across DST', () => {
		expect(toEpochMs('2026-05-01T12:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 4, 1, 10, 30));
		expect(toEpochMs('2026-01-15 12:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 15, 11, 30));
		expect(toEpochMs('2026-05-01T10:30:00', 'America/New_York')).toBe(Date.UTC(2026, 4, 1, 14, 30));
	});

	it('rejects what is not a date', () => {
		expect(toEpochMs('yesterday-ish', 'UTC')).toBeUndefined();
		expect(toEpochMs('', 'UTC')).toBeUndefined();
		expect(toEpochMs({}, 'UTC')).toBeUndefined();
	});

	it('checks the documented window on whole minutes and names the accepted range', () => {
		const now = Date.UTC(2026, 4, 2, 12, 0, 30);
		expect(replayWindowProblem(now - 2 * 60 * MINUTE, now - 15 * MINUTE, now)).toBeUndefined();
		expect(replayWindowProblem(now - 25 * 60 * MINUTE, now - 15 * MINUTE, now)).toContain(
			'2026-05-01 12:01 UTC and 2026-05-02 11:29 UTC',
		);
		expect(replayWindowProblem(now - 20 * MINUTE, now - 15 * MINUTE, now)).toBeDefined();
		expect(replayWindowProblem(now - 60 * MINUTE, now - 5 * MINUTE, now)).toContain(
			'To no later than 2026-05-02 11:50 UTC',
		);
		expect(replayWindowProblem(now - 60 * MINUTE, now - 60 * MINUTE, now)).toContain(
			'From before To',
		);
	});
});

describe('action node: replay', () => {
	let env: ActionEnv;
	let receiver: Receiver;
	let webhookId: string;
	const start = async (input = {}) => {
		env = await startActionEnv(input);
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
		webhookId = (await env.run({ resource: 'webhook', operation: 'create', url: receiver.url }))[0]
			.json.id as string;
	};
	afterEach(async () => {
		await env.close();
		await receiver.close();
	});

	const from = () => Date.now() - 2 * 60 * MINUTE;
	const to = () => Date.now() - 15 * MINUTE;

	it('posts the range as yyyymmddhhmm UTC to /2/webhooks/replay', async () => {
		await start();
		const f = from();
		const t = to();
		const [item] = await env.run({
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: new Date(f).toISOString(),
			toDate: { toMillis: () => t },
		});
		const [request] = env.sent();
		expect(request.method).toBe('POST');
		expect(pathOf(request)).toBe('/2/webhooks/replay');
		expect(request.body).toEqual({
			webhook_id: webhookId,
			from_date: compact(f),
			to_date: compact(t),
		});
		expect(item.json).toMatchObject({
			webhook_id: webhookId,
			from_date: compact(f),
			to_date: compact(t),
		});
		expect(item.json.job_id).toMatch(/^\d+$/);
	});

	it('refuses a range outside the window before calling X, unless told to skip the check', async () => {
		await start();
		const params = {
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: new Date(Date.now() - 5 * MINUTE).toISOString(),
			toDate: new Date().toISOString(),
		};
		const error = await runError(env, params);
		expect(error.message).toBe('The replay range is outside the window X accepts');
		expect(error.description).toMatch(/X replays only From between .* UTC and .* UTC/);
		expect(env.sent()).toEqual([]);
		const [item] = await env.run({ ...params, options: { skipWindowCheck: true } });
		expect(item.json.job_id).toBeDefined();
	});

	it('says which value is not a date', async () => {
		await start();
		const error = await runError(env, {
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: 'last tuesday',
			toDate: new Date(to()).toISOString(),
		});
		expect(error.message).toBe('From is not a date: “last tuesday”');
	});

	it('uses the legacy enterprise path with query parameters when asked', async () => {
		await start({ legacyReplay: true });
		const f = from();
		const t = to();
		const [item] = await env.run({
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: new Date(f).toISOString(),
			toDate: new Date(t).toISOString(),
			options: { useLegacyEndpoint: true },
		});
		const url = new URL(env.sent()[0].url);
		expect(url.pathname).toBe(`/2/account_activity/replay/webhooks/${webhookId}/subscriptions/all`);
		expect(Object.fromEntries(url.searchParams)).toEqual({
			from_date: compact(f),
			to_date: compact(t),
		});
		expect(item.json.job_id).toBeDefined();
	});

	it('explains a running job (ReplayConflictError)', async () => {
		await start({ replayDelayMs: 300 });
		const params = {
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: new Date(from()).toISOString(),
			toDate: new Date(to()).toISOString(),
		};
		await env.run(params);
		const error = await runError(env, params);
		expect(error.message).toBe('A replay is already running for this webhook');
	});

	it('explains X’s own refusal of the range (QueryParamInvalid)', async () => {
		await start({ replayWindow: 'strict' });
		const error = await runError(env, {
			resource: 'replay',
			operation: 'create',
			webhookId,
			fromDate: new Date(Date.now() - 5 * MINUTE).toISOString(),
			toDate: new Date().toISOString(),
			options: { skipWindowCheck: true },
		});
		expect(error.message).toBe('X rejected the replay time range');
	});
});
