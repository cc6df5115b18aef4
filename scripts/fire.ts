/**
 * `npm run fire -- <event type> [--source aaa|xaa|ayrshare] [--count N]`: fires an event at the
 * running `npm run demo` and shows the execution it started. The type is one the source's
 * emulator injection knows (`npm run fire -- --list [--source …]` lists them): e.g. `dm.received`,
 * `post.mention`; for xaa X Activity API names such as `post.mention.create`.
 */
import { DEMO_STATE_FILE, readDemoState } from './demoState';
import { type DemoSource, SOURCE_NAMES, SOURCES, eventTypesPath, fireEvent } from './demoFire';

interface Execution {
	id: string;
	status: string;
	data?: {
		resultData?: {
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
		};
	};
}

function option(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	return index >= 0 ? args[index + 1] : undefined;
}

async function executions(
	n8nUrl: string,
	apiKey: string,
	workflowId: string,
	includeData = false,
): Promise<Execution[]> {
	const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: '250' });
	const response = await fetch(`${n8nUrl}api/v1/executions?${query}`, {
		headers: { 'X-N8N-API-KEY': apiKey },
	});
	if (!response.ok) throw new Error(`n8n answered ${response.status} listing executions`);
	return ((await response.json()) as { data: Execution[] }).data;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const source = (option(args, '--source') ?? 'aaa') as DemoSource;
	if (!SOURCES.includes(source)) throw new Error(`--source must be one of ${SOURCES.join(', ')}`);
	const state = readDemoState();
	if (!state)
		throw new Error(
			`no demo is running (${DEMO_STATE_FILE} is missing or its process ended): start one with \`npm run demo\` and keep it running`,
		);

	if (args.includes('--list')) {
		const { types } = (await (
			await fetch(`${state.emulatorUrl}${eventTypesPath(source)}`)
		).json()) as { types: unknown };
		console.log(`${SOURCE_NAMES[source]} event types: ${JSON.stringify(types)}`);
		return;
	}
	const type = args.find(
		(arg, i) => !arg.startsWith('--') && !['--source', '--count'].includes(args[i - 1] ?? ''),
	);
	if (!type)
		throw new Error(
			'name the event type, e.g. `npm run fire -- dm.received` (`npm run fire -- --list` lists them)',
		);
	const count = Math.max(1, Number(option(args, '--count') ?? 1) || 1);

	const workflowId = state.workflows[source];
	const before = new Set(
		(await executions(state.n8nUrl, state.apiKey, workflowId)).map((e) => String(e.id)),
	);
	for (let i = 0; i < count; i++) {
		const { statuses, note } = await fireEvent(state.emulatorUrl, source, type);
		if (!statuses.includes(200))
			throw new Error(
				`${type} was not accepted by the ${SOURCE_NAMES[source]} workflow: ${note ?? `deliveries answered ${statuses.join(', ')}`}`,
			);
		console.log(
			`fired ${type} (${SOURCE_NAMES[source]}): delivered, n8n answered ${statuses.join(', ')}`,
		);
	}
	const deadline = Date.now() + 30_000;
	for (;;) {
		const fresh = (await executions(state.n8nUrl, state.apiKey, workflowId, true)).filter(
			(e) => !before.has(String(e.id)) && e.status !== 'running' && e.status !== 'new',
		);
		if (fresh.length >= count) {
			for (const execution of fresh.slice(0, count)) {
				const item =
					execution.data?.resultData?.runData?.['X Account Activity Trigger']?.[0]?.data
						?.main?.[0]?.[0]?.json ?? {};
				const actor = (item.actor as { username?: string } | null)?.username;
				console.log(
					`n8n execution ${execution.id} (${execution.status}): ${String(item.event)} from @${actor ?? '?'} — ${state.n8nUrl}workflow/${workflowId}/executions/${execution.id}`,
				);
			}
			return;
		}
		if (Date.now() > deadline)
			throw new Error(
				`the event was delivered, but no new execution of workflow ${workflowId} appeared within 30 s`,
			);
		await new Promise((r) => setTimeout(r, 250));
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
