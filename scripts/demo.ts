/**
 * `npm run demo`: the X emulator and a real n8n with this package installed from its tarball,
 * a demo workflow (trigger → "Edit Fields" row for a spreadsheet), one event of every type
 * fired through X's signed delivery, and a summary of what each execution received.
 * Interactive runs keep n8n up until Ctrl+C so the editor can be explored; `--once` or CI stop.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { startEmulator } from '../emulator/server';
import { OWNER, nodeOutput, packPackage, startN8n } from '../test/e2e/harness';
import { TRIGGER_NODE, createXCredentials, triggerWorkflow } from '../test/e2e/support/triggerWorkflow';

const ROW_NODE = 'Spreadsheet Row';

function spreadsheetRowNode() {
	const field = (name: string, value: string) => ({ id: randomUUID(), name, type: 'string', value });
	return {
		id: randomUUID(),
		name: ROW_NODE,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [260, 0],
		parameters: {
			mode: 'manual',
			includeOtherFields: false,
			assignments: {
				assignments: [
					field('event', '={{ $json.event }}'),
					field('who', '={{ $json.actor?.username ? "@" + $json.actor.username : ($json.actor?.id ?? "") }}'),
					field('whom', '={{ $json.target?.username ? "@" + $json.target.username : ($json.target?.id ?? "") }}'),
					field('text', '={{ $json.post?.text ?? $json.message?.text ?? $json.replay?.state ?? "" }}'),
					field('link', '={{ $json.post?.url ?? "" }}'),
				],
			},
			options: {},
		},
	};
}

async function main() {
	const once = process.argv.includes('--once') || !!process.env.CI || !process.stdin.isTTY;
	const tarball = await packPackage(resolve(__dirname, '..'));
	const emu = await startEmulator({ port: 0, log: () => undefined });
	const n8n = await startN8n({ tarball });
	const stop = async () => {
		await n8n.stop();
		await emu.close();
	};

	try {
		const credentials = await createXCredentials(n8n, emu.url);
		const { workflow } = triggerWorkflow('X Account Activity demo', credentials);
		workflow.nodes.push(spreadsheetRowNode());
		workflow.connections = { [TRIGGER_NODE]: { main: [[{ node: ROW_NODE, type: 'main', index: 0 }]] } };
		const { id } = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		console.log(`\nEmulated X at ${emu.url}: webhook registered (${emu.state.x.webhooks[0]?.url}), CRC passed, @n8n_user subscribed.`);

		const types = ((await (await fetch(`${emu.url}/_emulator/x/event-types`)).json()) as { types: string[] }).types;
		for (const type of types) {
			await fetch(`${emu.url}/_emulator/x/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) });
		}
		const executions = await n8n.waitForExecutions(id, types.length, 60_000);

		console.log(`\nn8n editor: ${n8n.baseUrl}workflow/${id}   (log in as ${OWNER.email} / ${OWNER.password})`);
		if (!once) console.log('n8n and the emulator keep running: press Ctrl+C to stop them.');
		console.log(`\nFired ${types.length} events; the workflow ran ${executions.length} times and received:\n`);
		const rows = executions.map((execution, index) => {
			const [item] = nodeOutput(execution, TRIGGER_NODE);
			const [row] = nodeOutput(execution, ROW_NODE);
			return { fired: types[index], event: item.event, kinds: (item.kinds as string[]).join(','), who: row.who, whom: row.whom, text: String(row.text).slice(0, 48) };
		});
		console.table(rows);
		const [sample] = nodeOutput(executions.find((e) => nodeOutput(e, TRIGGER_NODE)[0].event === 'post.reply') ?? executions[0], TRIGGER_NODE);
		console.log('\nOne full item (post.reply):\n' + JSON.stringify(sample, null, 2));
		if (rows.length !== types.length) throw new Error(`expected ${types.length} executions, got ${rows.length}`);
	} catch (error) {
		await stop();
		throw error;
	}

	if (once) {
		await stop();
		return;
	}
	await new Promise<void>((done) => process.once('SIGINT', done));
	await stop();
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
