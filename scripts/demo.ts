/**
 * `npm run demo`: a real n8n with this package and the X emulator, one demo workflow per source,
 * one event of every type fired through X's signed delivery, and what each execution received.
 * Interactive runs keep n8n up until Ctrl+C so the editor can be explored and more events fired
 * (`npm run fire`); `--once`, CI or no terminal stop at the end, `--keep-running` never does.
 * Whatever goes wrong, everything the demo started is stopped and the cause is printed in two lines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { DEFAULT_USERS } from '../emulator/defaults';
import { N8N_CACHE_DIR, N8N_VERSION, OWNER, nodeOutput } from '../test/e2e/harness';
import { TRIGGER_NODE } from '../test/e2e/support/triggerWorkflow';
import { Cleanup, type DemoEnvironment, ROW_NODE, startDemoEnvironment } from './demoEnvironment';
import { type DemoSource, SOURCE_NAMES, fireCommands } from './demoFire';
import { removeDemoState, writeDemoState } from './demoState';
import { summarizeFailure } from './failureSummary';
import { formatTable } from './table';

const FAILURE_LOG = resolve(__dirname, '../.tmp/demo-failure.log');
const SUBSCRIBER = DEFAULT_USERS[0];

function handle(value: unknown): string {
	return typeof value === 'string' && value ? value : '';
}

/** Fires every Account Activity event type, `app.revoked` last, and tabulates what the workflow received. */
async function fireEveryType(
	demo: DemoEnvironment,
): Promise<{ table: string; replyItem: Record<string, unknown>; fired: number }> {
	const all = await demo.eventTypes();
	const types = [
		...all.filter((type) => type !== 'app.revoked'),
		...all.filter((type) => type === 'app.revoked'),
	];
	for (const type of types) await demo.fire(type);
	const executions = await demo.n8n.waitForExecutions(demo.workflowId, types.length, 90_000);
	const rows = executions.map((execution, index) => {
		const [item] = nodeOutput(execution, TRIGGER_NODE);
		const [row] = nodeOutput(execution, ROW_NODE);
		return {
			fired: types[index],
			event: String(item.event),
			kinds: (item.kinds as string[]).join(','),
			who: handle(row.who),
			whom: handle(row.whom),
			text: String(row.text ?? '').replace(/\s+/g, ' '),
		};
	});
	const reply =
		executions.find((e) => nodeOutput(e, TRIGGER_NODE)[0].event === 'post.reply') ?? executions[0];
	return {
		table: formatTable(rows, 120),
		replyItem: nodeOutput(reply, TRIGGER_NODE)[0],
		fired: types.length,
	};
}

/** One event through another source's route, and the item its workflow received. */
async function fireOne(demo: DemoEnvironment, source: DemoSource, type: string): Promise<string> {
	const { statuses, note } = await demo.fire(type, source);
	if (!statuses.includes(200))
		throw new Error(
			`the ${SOURCE_NAMES[source]} workflow did not accept ${type}: ${note ?? `deliveries answered ${statuses.join(', ')}`}`,
		);
	const [execution] = await demo.n8n.waitForExecutions(demo.workflows[source], 1, 60_000);
	const [item] = nodeOutput(execution, TRIGGER_NODE);
	const actor = (item.actor as { username?: string } | null)?.username;
	return `  ${SOURCE_NAMES[source].padEnd(23)} fired ${type} → item ${String(item.event)} from @${actor ?? '?'} (source "${String(item.source)}")`;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const keepRunning =
		args.includes('--keep-running') ||
		(!args.includes('--once') && !process.env.CI && process.stdin.isTTY === true);
	const cleanup = new Cleanup();
	cleanup.add('the demo state file', async () => removeDemoState());
	let ready = false;
	let stopping = false;
	const stopOnSignal = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the emulator…`);
		void cleanup.run().finally(() => process.exit(ready ? 0 : 130));
	};
	process.on('SIGINT', stopOnSignal);
	process.on('SIGTERM', stopOnSignal);

	try {
		console.log(
			`Starting the demo: n8n ${N8N_VERSION} with this package, and the X/Ayrshare emulator. The first run installs n8n into ${N8N_CACHE_DIR}\n` +
				'(about 4 minutes and 2.4 GB; later runs start in seconds). Ctrl+C stops everything.\n',
		);
		const demo = await startDemoEnvironment(cleanup);
		const { emu, n8n } = demo;
		const webhook = emu.state.x.webhooks.find((w) =>
			emu.state.x.subscriptions.some((s) => s.webhookId === w.id),
		);
		console.log(
			`\nEmulated X at ${emu.url}: webhook registered, CRC passed, @${SUBSCRIBER.username} subscribed, with only the X OAuth1 User credential.`,
		);
		console.log(`  webhook URL: ${webhook?.url}`);

		const { table, replyItem, fired } = await fireEveryType(demo);
		// X deletes the account's subscription when it revokes the app (app.revoked, fired last):
		// activating the workflow again subscribes it anew, so the demo stays ready for more events.
		await demo.reactivate('aaa');
		// n8n ≥2.36 activates in the background: give it a moment.
		const deadline = Date.now() + 30_000;
		while (!emu.state.x.subscriptions.some((s) => s.userId === SUBSCRIBER.id)) {
			if (Date.now() > deadline)
				throw new Error(
					're-activating the workflow after app.revoked did not subscribe the account again',
				);
			await new Promise((r) => setTimeout(r, 200));
		}
		const others = [
			await fireOne(demo, 'xaa', 'dm.received'),
			await fireOne(demo, 'ayrshare', 'dm.received'),
		];

		writeDemoState({
			pid: process.pid,
			emulatorUrl: emu.url,
			n8nUrl: n8n.baseUrl,
			apiKey: n8n.apiKey,
			workflows: demo.workflows,
		});
		ready = true;

		console.log(
			`\nFired ${fired} events at the ${SOURCE_NAMES.aaa} workflow; it ran ${fired} times and received:\n`,
		);
		console.log(table);
		console.log(`\nThe other routes, same items:\n${others.join('\n')}`);
		console.log(`\nOne full item (post.reply):\n${JSON.stringify(replyItem, null, 2)}`);
		console.log(
			`\napp.revoked deleted @${SUBSCRIBER.username}'s subscription, as X does; the demo activated the workflow again, so it is subscribed once more.`,
		);
		console.log(`\nn8n editor: ${n8n.baseUrl}   log in as ${OWNER.email} / ${OWNER.password}`);
		for (const [source, id] of Object.entries(demo.workflows))
			console.log(
				`  ${SOURCE_NAMES[source as DemoSource].padEnd(23)} ${n8n.baseUrl}workflow/${id}`,
			);
		if (keepRunning) {
			console.log(
				'\nFire another event at the running demo (from another terminal, in this folder), for each source:',
			);
			console.log(fireCommands(emu.url).join('\n'));
			console.log(
				`\nn8n and the emulator keep running: press Ctrl+C to stop them (the demo's n8n data is temporary and is deleted).`,
			);
			await new Promise<void>(() => undefined); // until a signal stops the demo
		}
		await cleanup.run();
	} catch (error) {
		if (stopping) return;
		stopping = true;
		const full = error instanceof Error ? `${error.stack ?? error.message}` : String(error);
		mkdirSync(dirname(FAILURE_LOG), { recursive: true });
		writeFileSync(FAILURE_LOG, `${new Date().toISOString()} npm run demo failed\n\n${full}\n`);
		await cleanup.run();
		console.error(
			`\nThe demo failed and stopped everything it had started: ${summarizeFailure(error, FAILURE_LOG)}`,
		);
		process.exit(1);
	}
}

void main();
