import { DEFAULT_APP } from '../../../emulator/defaults';
import { startEmulator, type Emulator, type EmulatorInput } from '../../../emulator/server';
import { formatReplayDate } from '../../../emulator/x/replay/window';
import { apiClient, registerAndSubscribe, type ApiClient } from './helpers/api';
import { signatureValid, startReceiver, type Receiver } from './helpers/receiver';

const MINUTE = 60_000;
/** A window that covers everything delivered so far and passes the relaxed checks. */
const openWindow = (): { from_date: string; to_date: string } => ({
	from_date: formatReplayDate(Date.now() - 5 * MINUTE),
	// floor(now + 1 min) is always after every delivery so far and never more than a minute ahead.
	to_date: formatReplayDate(Date.now() + MINUTE),
});

describe('emulator: replay', () => {
	let emu: Emulator;
	let api: ApiClient;
	let receiver: Receiver;
	let webhookId: string;

	const start = async (options: EmulatorInput = {}): Promise<void> => {
		emu = await startEmulator(options);
		api = apiClient(emu);
		webhookId = await registerAndSubscribe(api, receiver.url);
	};
	beforeEach(async () => {
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	});
	afterEach(async () => {
		await emu.close();
		await receiver.close();
	});

	it('re-delivers earlier events, then a signed replay_job_status', async () => {
		await start();
		await api.control('POST', '/_emulator/x/events', { type: 'post.mention' });
		await api.control('POST', '/_emulator/x/events', { type: 'dm.received' });
		const originals = receiver.posts().map((p) => p.body);

		const res = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			...openWindow(),
		});
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual({
			job_id: expect.stringMatching(/^\d+$/),
			created_at: expect.any(String),
		});

		await receiver.waitFor(() =>
			receiver.posts().some((p) => p.body.includes('replay_job_status')),
		);
		const posts = receiver.posts();
		expect(posts.slice(2, 4).map((p) => p.body)).toEqual(originals);
		const status = posts[4];
		expect(
			signatureValid(
				DEFAULT_APP.consumerSecret,
				status.body,
				status.headers['x-twitter-webhooks-signature'],
			),
		).toBe(true);
		expect(JSON.parse(status.body)).toEqual({
			replay_job_status: {
				webhook_id: webhookId,
				job_state: 'Complete',
				job_state_description: 'Job completed successfully',
				job_id: res.json.data.job_id,
			},
		});
		expect(emu.state.x.replayJobs[0]).toMatchObject({ state: 'Complete', redelivered: 2 });
	});

	it('replays only what falls inside [from, to)', async () => {
		await start();
		await api.control('POST', '/_emulator/x/events', { type: 'post.mention' });
		const past = formatReplayDate(Date.now() - 10 * MINUTE);
		await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			from_date: past,
			to_date: past,
		});
		await receiver.waitFor(() =>
			receiver.posts().some((p) => p.body.includes('replay_job_status')),
		);
		expect(receiver.posts()).toHaveLength(2);
	});

	it('refuses a second job while one runs (ReplayConflictError)', async () => {
		await start({ replayDelayMs: 300 });
		expect(
			(await api.bearer('POST', '/2/webhooks/replay', { webhook_id: webhookId, ...openWindow() }))
				.status,
		).toBe(200);
		const second = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			...openWindow(),
		});
		expect(second.status).toBe(400);
		expect(second.json.errors[0].message).toMatch(/^ReplayConflictError: /);
		await receiver.waitFor(() =>
			receiver.posts().some((p) => p.body.includes('replay_job_status')),
		);
		expect(
			(await api.bearer('POST', '/2/webhooks/replay', { webhook_id: webhookId, ...openWindow() }))
				.status,
		).toBe(200);
	});

	it.each([
		[
			'bad format',
			{ from_date: '2024-01-01', to_date: '202401010000' },
			'not in the correct format',
		],
		[
			'from after to',
			{
				from_date: formatReplayDate(Date.now() - MINUTE),
				to_date: formatReplayDate(Date.now() - 5 * MINUTE),
			},
			'from_date is more recent than to_date',
		],
		[
			'to in the future',
			{
				from_date: formatReplayDate(Date.now() - MINUTE),
				to_date: formatReplayDate(Date.now() + 10 * MINUTE),
			},
			'to_date is in the future',
		],
		[
			'from in the future',
			{
				from_date: formatReplayDate(Date.now() + 10 * MINUTE),
				to_date: formatReplayDate(Date.now() + 20 * MINUTE),
			},
			'from_date is in the future',
		],
	])('validates the window in relaxed mode: %s', async (_name, window, reason) => {
		await start();
		const res = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			...window,
		});
		expect(res.status).toBe(400);
		expect(res.json.errors[0].message).toMatch(/^QueryParamInvalid: /);
		expect(res.json.errors[0].message).toContain(reason);
	});

	it.each([
		['older than 24 h', 25 * 60, 20, 'older than 24 hours'],
		['from less than 31 min ago', 20, 15, '31 minutes'],
		['to less than 10 min ago', 60, 5, '10 minutes'],
	])('enforces X rules in strict mode: %s', async (_name, fromAgoMin, toAgoMin, reason) => {
		await start({ replayWindow: 'strict' });
		const res = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			from_date: formatReplayDate(Date.now() - fromAgoMin * MINUTE),
			to_date: formatReplayDate(Date.now() - toAgoMin * MINUTE),
		});
		expect(res.json.errors[0].message).toContain(reason);
		const ok = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: webhookId,
			from_date: formatReplayDate(Date.now() - 120 * MINUTE),
			to_date: formatReplayDate(Date.now() - 60 * MINUTE),
		});
		expect(ok.status).toBe(200);
	});

	it('needs the bearer token and a known webhook', async () => {
		await start();
		expect(
			(await api.user('POST', '/2/webhooks/replay', { webhook_id: webhookId, ...openWindow() }))
				.status,
		).toBe(403);
		const unknown = await api.bearer('POST', '/2/webhooks/replay', {
			webhook_id: '123',
			...openWindow(),
		});
		expect(unknown.json.errors[0].message).toMatch(/^WebhookIdInvalid: /);
	});

	it('answers 404 on the retired AAA replay path unless legacyReplay is on', async () => {
		await start();
		const path = (w: ReturnType<typeof openWindow>): string =>
			`/2/account_activity/replay/webhooks/${webhookId}/subscriptions/all?from_date=${w.from_date}&to_date=${w.to_date}`;
		const retired = await api.bearer('POST', path(openWindow()));
		expect(retired.status).toBe(404);
		expect(retired.json).toEqual({
			title: 'Not Found',
			type: 'about:blank',
			status: 404,
			detail: 'Not Found',
		});

		await emu.close();
		await start({ legacyReplay: true });
		const legacy = await api.bearer('POST', path(openWindow()));
		expect(legacy.status).toBe(200);
		expect(legacy.json.data.job_id).toBeDefined();
	});
});
