/**
 * `npm run demo`: the X emulator and a real n8n with this package, a demo workflow, one event of
 * every type fired through X's signed delivery, and a summary of what each execution received.
 * Interactive runs keep n8n up until Ctrl+C so the editor can be explored; `--once` or CI stop.
 */
import { OWNER, nodeOutput } from '../test/e2e/harness';
import { TRIGGER_NODE } from '../test/e2e/support/triggerWorkflow';
import { ROW_NODE, startDemoEnvironment } from './demoEnvironment';

async function main() {
	const once = process.argv.includes('--once') || !!process.env.CI || !process.stdin.isTTY;
	const demo = await startDemoEnvironment();
	const { emu, n8n, workflowId } = demo;
	try {
		console.log(`\nEmulated X at ${emu.url}: webhook registered (${emu.state.x.webhooks[0]?.url}), CRC passed, @n8n_user subscribed.`);
		const types = await demo.eventTypes();
		for (const type of types) await demo.fire(type);
		const executions = await n8n.waitForExecutions(workflowId, types.length, 60_000);

		console.log(`\nn8n editor: ${n8n.baseUrl}workflow/${workflowId}   (log in as ${OWNER.email} / ${OWNER.password})`);
		if (!once) console.log('n8n and the emulator keep running: press Ctrl+C to stop them.');
		console.log(`\nFired ${types.length} events; the workflow ran ${executions.length} times and received:\n`);
		const rows = executions.map((execution, index) => {
			const [item] = nodeOutput(execution, TRIGGER_NODE);
			const [row] = nodeOutput(execution, ROW_NODE);
			return { fired: types[index], event: item.event, kinds: (item.kinds as string[]).join(','), who: row.who, whom: row.whom, text: String(row.text).slice(0, 48) };
		});
		console.table(rows);
		const reply = executions.find((e) => nodeOutput(e, TRIGGER_NODE)[0].event === 'post.reply') ?? executions[0];
		console.log('\nOne full item (post.reply):\n' + JSON.stringify(nodeOutput(reply, TRIGGER_NODE)[0], null, 2));
		if (rows.length !== types.length) throw new Error(`expected ${types.length} executions, got ${rows.length}`);
	} catch (error) {
		await demo.stop();
		throw error;
	}
	if (!once) await new Promise<void>((done) => process.once('SIGINT', done));
	await demo.stop();
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
