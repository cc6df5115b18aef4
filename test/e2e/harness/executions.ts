/** The parts of a public-API execution the tests read; n8n returns much more. */
export interface N8nExecution {
	id: number | string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			error?: { message: string; [key: string]: unknown };
			lastNodeExecuted?: string;
			runData: Record<string, NodeRun[]>;
		};
	};
}

export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	error?: { message: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; [key: string]: unknown }> | null> };
}

/** Statuses after which n8n will not touch the execution again. */
export const DONE_STATUSES = ['success', 'error', 'crashed', 'canceled'];

/**
 * The `json` of the items node `nodeName` emitted on `output` in run `run`. Throws (with
 * the nodes that did run) if it did not run, so a wrong wiring is obvious in the test output.
 */
export function nodeOutput(
	execution: N8nExecution,
	nodeName: string,
	{ run = 0, output = 0 }: { run?: number; output?: number } = {},
): Array<Record<string, unknown>> {
	const runData = execution.data?.resultData.runData;
	if (!runData) {
		throw new Error(`execution ${execution.id} has no data; list it with includeData: true`);
	}
	const runs = runData[nodeName];
	if (!runs?.[run]) {
		const error = execution.data?.resultData.error?.message;
		throw new Error(
			`node "${nodeName}" has no run ${run} in execution ${execution.id} (status ${execution.status}); ` +
				`nodes that ran: ${Object.keys(runData).join(', ') || 'none'}${error ? `; error: ${error}` : ''}`,
		);
	}
	if (runs[run].error) {
		throw new Error(
			`node "${nodeName}" failed in execution ${execution.id}: ${JSON.stringify(runs[run].error)}`,
		);
	}
	return (runs[run].data?.main?.[output] ?? []).map((item) => item.json);
}
