/**
 * Missed-event recovery: the replay-window arithmetic on its own, then the trigger against the
 * emulator with X's strict replay rules. "n8n away" is the trigger's URL closed while X delivers;
 * the clock is moved with a spy on Date.now, which the trigger and the in-process emulator share.
 */
import type { IDataObject } from 'n8n-workflow';

import { type Emulator, startEmulator } from '../../emulator/server';
import {
	addSpan,
	nextReplay,
	widenGap,
} from '../../nodes/XAccountActivityTrigger/recovery/replayPlan';
import {
	type TriggerHost,
	activateTrigger,
	emulatorCredentials,
	startTriggerHost,
} from '../helpers/triggerHost';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T = Date.UTC(2026, 4, 2, 12, 0, 0);

describe('replay windows', () => {
	test('a gap is widened by a minute at each end, on whole minutes', () => {
		expect(widenGap(T + 30_000, T + 10 * MINUTE + 1)).toEqual({
			from: T - MINUTE,
			to: T + 12 * MINUTE,
		});
	});

	test('overlapping parts merge', () => {
		expect(
			addSpan([{ from: T, to: T + 10 * MINUTE }], { from: T + 5 * MINUTE, to: T + 20 * MINUTE }),
		).toEqual([{ from: T, to: T + 20 * MINUTE }]);
	});

	test('the part younger than 10 minutes waits; the start must be 31 minutes old', () => {
		const gap = { from: T, to: T + 40 * MINUTE };
		expect(nextReplay([gap], T + 20 * MINUTE)).toEqual({ request: null, pending: [gap], lost: [] });
		expect(nextReplay([gap], T + 40 * MINUTE)).toEqual({
			request: { from: T, to: T + 30 * MINUTE },
			pending: [{ from: T + 30 * MINUTE, to: T + 40 * MINUTE }],
			lost: [],
		});
	});

	test('windows of at most 2 hours, oldest first', () => {
		const step = nextReplay([{ from: T, to: T + 5 * HOUR }], T + 6 * HOUR);
		expect(step.request).toEqual({ from: T, to: T + 2 * HOUR });
		expect(step.pending).toEqual([{ from: T + 2 * HOUR, to: T + 5 * HOUR }]);
	});

	test('what is older than 24 hours is clamped and reported lost', () => {
		const step = nextReplay([{ from: T, to: T + 30 * HOUR }], T + 30 * HOUR);
		expect(step.lost).toEqual([{ from: T, to: T + 6 * HOUR + MINUTE }]);
		expect(step.request).toEqual({ from: T + 6 * HOUR + MINUTE, to: T + 8 * HOUR + MINUTE });
	});
});

describe('recovery against the emulator (strict replay rules)', () => {
	let emu: Emulator;
	let shift = 0;
	const realNow = Date.now.bind(Date);
	const hosts: TriggerHost[] = [];

	beforeEach(async () => {
		shift = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
		emu = await startEmulator({
			port: 0,
			replayWindow: 'strict',
			log: process.env.EMU_LOG
				? (line) => process.stderr.write(`[emu] ${line}\n`)
				: () => undefined,
		});
	});
	afterEach(async () => {
		await Promise.all(hosts.splice(0).map((h) => h.close()));
		await emu.close();
		jest.restoreAllMocks();
	});

	const post = async (path: string, body: unknown) =>
		(await (
			await fetch(`${emu.url}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			})
		).json()) as any;
	const inject = (text: string) =>
		post('/_emulator/x/events', { type: 'post.mention', overrides: { text } });
	const host = async (port?: number, staticData?: IDataObject) => {
		const h = await startTriggerHost({
			credentials: emulatorCredentials(emu.url),
			port,
			staticData,
		});
		hosts.push(h);
		return h;
	};
	const texts = (h: TriggerHost) =>
		h.emitted
			.flat()
			.map(
				(item) =>
					(item.post as { text?: string } | null)?.text ??
					`${item.event}:${(item.replay as { jobId?: string } | null)?.jobId}`,
			);
	/** A trigger that received one event, then n8n went away: where the "restarted" one listens, and its static data. */
	async function receiveThenStop(text: string) {
		const first = await host();
		await activateTrigger(first);
		await inject(text);
		await first.close();
		hosts.splice(hosts.indexOf(first), 1);
		return { port: Number(new URL(first.url).port), staticData: first.staticData };
	}
	async function until(check: () => boolean, what: string) {
		for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
		if (!check()) throw new Error(`timed out waiting for ${what}`);
	}

	test('a gap of which part is too recent is recovered in two jobs, the second later; nothing is emitted twice', async () => {
		const first = await host();
		expect(await activateTrigger(first)).toBe('created');
		await inject('before the stop');
		expect(texts(first)).toEqual(['@n8n_user before the stop']);

		// n8n goes away: X's deliveries fail (no answer), X marks them attempted.
		const port = Number(new URL(first.url).port);
		await first.close();
		hosts.splice(hosts.indexOf(first), 1);
		const missed = await Promise.all(['missed 1', 'missed 2'].map(inject));
		expect(
			missed.flatMap((m) => m.deliveries.map((d: { status: number | null }) => d.status)),
		).toEqual([null, null]);

		// 40 minutes later n8n is back (same URL, same static data, a new process).
		shift += 40 * MINUTE;
		const second = await host(port, first.staticData);
		expect(await activateTrigger(second)).toBe('reused');
		// The gap is found at activation and asked for at the first request after it, when n8n answers again.
		expect(emu.state.x.replayJobs).toHaveLength(0);
		await fetch(`${second.url}?crc_token=abc`);
		expect(emu.state.x.replayJobs).toHaveLength(1);
		await until(
			() => texts(second).some((t) => t.startsWith('replay.finished')),
			'the first replay to finish',
		);
		await inject('after the restart');
		expect(texts(second)).toEqual([
			'@n8n_user missed 1',
			'@n8n_user missed 2',
			`replay.finished:${emu.state.x.replayJobs[0].job_id}`,
			'@n8n_user after the restart',
		]);

		// The last 10 minutes before the restart and the time after it were too recent: requested at
		// the first CRC once they are old enough (25 minutes later).
		shift += 25 * MINUTE;
		const crc = await fetch(`${second.url}?crc_token=abc`);
		expect(crc.status).toBe(200);
		expect(emu.state.x.replayJobs).toHaveLength(2);
		const [job1, job2] = emu.state.x.replayJobs;
		expect(job2.from).toBe(job1.to);
		await until(
			() => texts(second).filter((t) => t.startsWith('replay.finished')).length === 2,
			'the second replay to finish',
		);
		// Job 2 re-sent "after the restart"; Deduplicate dropped it.
		expect(emu.state.x.deliveries.filter((d) => d.kind === 'replay').length).toBeGreaterThanOrEqual(
			3,
		);
		expect(texts(second)).toEqual([
			'@n8n_user missed 1',
			'@n8n_user missed 2',
			`replay.finished:${job1.job_id}`,
			'@n8n_user after the restart',
			`replay.finished:${job2.job_id}`,
		]);
	});

	test('a restart with nothing missed starts no job at once and no duplicates later', async () => {
		const { port, staticData } = await receiveThenStop('one');
		shift += 2 * MINUTE;
		const second = await host(port, staticData);
		expect(await activateTrigger(second)).toBe('reused');
		expect(emu.state.x.replayJobs).toHaveLength(0);
		shift += 40 * MINUTE;
		await fetch(`${second.url}?crc_token=abc`);
		expect(emu.state.x.replayJobs).toHaveLength(1);
		await until(
			() => texts(second).some((t) => t.startsWith('replay.finished')),
			'the replay to finish',
		);
		expect(texts(second)).toEqual([`replay.finished:${emu.state.x.replayJobs[0].job_id}`]);
	});

	test('a webhook X marked invalid while n8n was away is re-validated on restart and its events recovered', async () => {
		const { port, staticData } = await receiveThenStop('before');
		const webhookId = emu.state.x.webhooks[0].id;
		// X's periodic CRC finds nobody: invalid, and X stops sending.
		await post(`/_emulator/x/webhooks/${webhookId}/crc`, {});
		expect(emu.state.x.webhooks[0].valid).toBe(false);
		const held = await inject('while invalid');
		expect(held.deliveries).toEqual([expect.objectContaining({ notAttempted: true })]);
		shift += 45 * MINUTE;
		const second = await host(port, staticData);
		expect(await activateTrigger(second)).toBe('reused');
		expect(emu.state.x.webhooks[0].valid).toBe(true);
		await fetch(`${second.url}?crc_token=abc`);
		await until(
			() => texts(second).some((t) => t.startsWith('replay.finished')),
			'the replay to finish',
		);
		expect(texts(second)).toEqual([
			'@n8n_user while invalid',
			`replay.finished:${emu.state.x.replayJobs[0].job_id}`,
		]);
	});

	test('a refused replay does not fail activation: it is reported as a replay.finished item', async () => {
		const { port, staticData } = await receiveThenStop('one');
		shift += 40 * MINUTE;
		await post('/_emulator/fail', {
			method: 'POST',
			path: '/2/webhooks/replay',
			status: 403,
			body: { title: 'Forbidden', detail: 'Your plan does not include replay.' },
		});
		const second = await host(port, staticData);
		expect(await activateTrigger(second)).toBe('reused');
		await inject('two');
		expect(second.emitted.flat()).toEqual([
			expect.objectContaining({ event: 'post.mention' }),
			expect.objectContaining({
				event: 'replay.finished',
				replay: expect.objectContaining({
					jobId: null,
					state: 'Refused',
					description: expect.stringContaining('X refused to replay'),
				}),
			}),
		]);
	});

	test('a test URL (Listen for test event) never replays, at activation or after a silence', async () => {
		const { port, staticData } = await receiveThenStop('one');
		shift += 40 * MINUTE;
		const test = await startTriggerHost({
			credentials: emulatorCredentials(emu.url),
			port,
			staticData,
			mode: 'manual',
		});
		hosts.push(test);
		expect(await activateTrigger(test)).toBe('reused');
		await fetch(`${test.url}?crc_token=abc`);
		shift += 90 * MINUTE;
		await inject('two');
		expect(texts(test)).toEqual(['@n8n_user two']);
		expect(emu.state.x.replayJobs).toHaveLength(0);
	});

	test('Recover Missed Events off: no replay', async () => {
		const first = await startTriggerHost({
			credentials: emulatorCredentials(emu.url),
			parameters: { options: { recoverMissedEvents: false } },
		});
		hosts.push(first);
		await activateTrigger(first);
		await inject('one');
		shift += 60 * MINUTE;
		await fetch(`${first.url}?crc_token=abc`);
		expect(emu.state.x.replayJobs).toHaveLength(0);
	});
});
