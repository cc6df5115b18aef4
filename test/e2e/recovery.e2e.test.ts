/**
 * Missed-event recovery inside a real n8n: n8n is stopped while X delivers, started again later,
 * and the trigger replays the gap by itself. Time: X's replay window wants events 31 minutes old, so
 * the test moves the clock instead of waiting — the emulator by its `clockOffsetMs`, n8n by the
 * same amount through libfaketime (Debian's `libfaketime`, preloaded into the n8n process; n8n's
 * timers use the monotonic clock, which is left alone). Nothing in the package knows about it.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type Emulator, startEmulator } from '../../emulator/server';
import { type N8nInstance, nodeOutput, packPackage, startN8n } from './harness';
import { ensureDebianPackages } from './harness/debianPackages';
import { emulatorClient } from './support/stack';
import {
	TRIGGER_NODE,
	createXCredentials,
	productionUrl,
	triggerWorkflow,
} from './support/triggerWorkflow';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const MINUTE = 60_000;

let emu: Emulator;
let n8n: N8nInstance;
let workflowId: string;
let url: string;
const clockFile = join(mkdtempSync(join(tmpdir(), 'n8n-clock-')), 'offset');
const emulator = emulatorClient(() => emu);

/** Moves X (the emulator) and n8n forward together. */
function advanceClocks(ms: number) {
	emu.options.clockOffsetMs += ms;
	writeFileSync(clockFile, `+${Math.round(emu.options.clockOffsetMs / 1000)}s`);
}

const inject = (text: string) =>
	emulator<{ deliveries: Array<{ status: number | null; notAttempted?: boolean }> }>(
		'POST',
		'/_emulator/x/events',
		{ type: 'post.mention', overrides: { text } },
	);

async function emittedTexts(): Promise<string[]> {
	const runs = await n8n.waitForExecutions(
		workflowId,
		(await n8n.listExecutions(workflowId)).length,
	);
	return runs
		.flatMap((run) => nodeOutput(run, TRIGGER_NODE))
		.map((item) => (item.post as { text?: string } | null)?.text ?? String(item.event));
}

/** n8n answers its readiness probe before it has activated the workflows: X's hourly CRC, sent until the replay job it should start appears. */
async function crcUntilJobs(count: number) {
	for (let i = 0; i < 60 && emu.state.x.replayJobs.length < count; i++) {
		await fetch(`${url}?crc_token=hourly${i}`);
		await new Promise((r) => setTimeout(r, 2000));
	}
	expect(emu.state.x.replayJobs).toHaveLength(count);
}

async function settle() {
	await new Promise((r) => setTimeout(r, 3000));
}

beforeAll(async () => {
	await ensureDebianPackages(
		['libfaketime'],
		'Missed-event recovery tests (n8n runs under a shifted clock)',
		() => existsSync(LIBFAKETIME),
	);
	writeFileSync(clockFile, '+0s');
	const tarball = await packPackage(resolve(__dirname, '../..'));
	emu = await startEmulator({ port: 0, replayWindow: 'strict', log: () => undefined });
	n8n = await startN8n({
		tarball,
		env: {
			LD_PRELOAD: LIBFAKETIME,
			FAKETIME_TIMESTAMP_FILE: clockFile,
			FAKETIME_CACHE_DURATION: '1',
			FAKETIME_DONT_FAKE_MONOTONIC: '1',
		},
	});
	process.stderr.write(
		`[recovery e2e] n8n ${n8n.version} at ${n8n.baseUrl}, emulator at ${emu.url}\n`,
	);
	const credentials = await createXCredentials(n8n, emu.url);
	const { workflow, webhookId } = triggerWorkflow('Recovery e2e', credentials);
	workflowId = (await n8n.createWorkflow(workflow)).id;
	url = productionUrl(n8n, webhookId);
	await n8n.activateWorkflow(workflowId);
	for (let i = 0; i < 100 && !emu.state.x.subscriptions.length; i++)
		await new Promise((r) => setTimeout(r, 200));
}, 15 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await emu?.close();
});

test(
	'stop n8n, 20 events while it is down, start it 40 minutes later: the 20 arrive exactly once, nothing from before again',
	async () => {
		for (const n of [1, 2, 3]) await inject(`before ${n}`);
		await n8n.waitForExecutions(workflowId, 3);

		await n8n.halt();
		const missed = Array.from({ length: 20 }, (_, i) => `missed ${i + 1}`);
		for (const text of missed)
			expect((await inject(text)).deliveries.map((d) => d.status)).toEqual([null]);
		advanceClocks(40 * MINUTE);
		await n8n.resume();

		await crcUntilJobs(1);
		expect(emu.state.x.replayJobs[0].state).not.toBe('Incomplete');
		await n8n.waitForExecutions(workflowId, 3 + 20 + 1, 120_000);
		await settle();
		const texts = await emittedTexts();
		expect(texts).toHaveLength(24);
		expect(texts.filter((t) => t.includes('missed')).sort()).toEqual(
			missed.map((t) => `@n8n_user ${t}`).sort(),
		);
		expect(texts.filter((t) => t.includes('before'))).toHaveLength(3);
		expect(texts.filter((t) => t === 'replay.finished')).toHaveLength(1);
	},
	10 * 60_000,
);

test(
	'a restart with nothing missed starts no more than one replay job and emits no duplicates',
	async () => {
		const before = (await emittedTexts()).length;
		await n8n.halt();
		await n8n.resume();
		for (let i = 0; i < 10; i++)
			expect((await fetch(`${url}?crc_token=soon${i}`)).status).toBe(200);
		expect(emu.state.x.replayJobs).toHaveLength(1); // too recent to replay yet
		advanceClocks(40 * MINUTE);
		// X's hourly check: the first chance once the gap is old enough.
		await crcUntilJobs(2);
		await n8n.waitForExecutions(workflowId, before + 1, 60_000);
		await settle();
		const texts = await emittedTexts();
		expect(texts.slice(before)).toEqual(['replay.finished']);
	},
	10 * 60_000,
);

test(
	'a webhook X marked invalid while n8n was down is re-validated after restart and its events recovered',
	async () => {
		const before = (await emittedTexts()).length;
		const jobs = emu.state.x.replayJobs.length;
		await n8n.halt();
		const webhookId = emu.state.x.webhooks[0].id;
		await emulator('POST', `/_emulator/x/webhooks/${webhookId}/crc`, {});
		expect(emu.state.x.webhooks[0].valid).toBe(false);
		for (const text of ['held 1', 'held 2'])
			expect((await inject(text)).deliveries).toEqual([
				expect.objectContaining({ notAttempted: true }),
			]);
		advanceClocks(45 * MINUTE);
		await n8n.resume();

		await crcUntilJobs(jobs + 1);
		expect(emu.state.x.webhooks[0].valid).toBe(true);
		await n8n.waitForExecutions(workflowId, before + 3, 120_000);
		await settle();
		const texts = (await emittedTexts()).slice(before);
		expect(texts.sort()).toEqual(
			['@n8n_user held 1', '@n8n_user held 2', 'replay.finished'].sort(),
		);
	},
	10 * 60_000,
);
