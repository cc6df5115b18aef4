import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_APP, DEFAULT_AYRSHARE } from '../../../emulator/defaults';
import { startEmulator, type Emulator, type EmulatorInput } from '../../../emulator/server';
import { XAccountActivity } from '../../../nodes/XAccountActivity/XAccountActivity.node';
import { fakeExecuteContext, type ExecuteContextOptions } from '../../helpers/executeContext';
import { requestLog, type LoggedRequest } from '../../helpers/n8nContext';
import { emulatorCredentials } from '../../helpers/triggerHost';

/** An emulator plus credentials pointing at it, and a way to run the action node once. */
export interface ActionEnv {
	emu: Emulator;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	run(
		parameters: ExecuteContextOptions['parameters'],
		extra?: Partial<ExecuteContextOptions>,
	): Promise<INodeExecutionData[]>;
	/** Requests the node sent since the last `run`. */
	sent(): LoggedRequest[];
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

export async function startActionEnv(input: EmulatorInput = {}): Promise<ActionEnv> {
	const emu = await startEmulator(input);
	const credentials = {
		...emulatorCredentials(emu.url),
		// With bring-your-own X keys, which Ayrshare needs for X operations since 2026-03-31.
		ayrshareApi: {
			apiKey: DEFAULT_AYRSHARE.apiKey,
			profileKey: '',
			webhookSecret: '',
			xApiKey: DEFAULT_APP.consumerKey,
			xApiKeySecret: DEFAULT_APP.consumerSecret,
			baseUrl: `${emu.url}/api`,
		},
	};
	let mark = 0;
	return {
		emu,
		credentials,
		async run(parameters, extra = {}) {
			mark = requestLog.length;
			const context = fakeExecuteContext({
				parameters,
				credentials: extra.credentials ?? credentials,
				...extra,
			});
			return (await new XAccountActivity().execute.call(context))[0];
		},
		sent: () => requestLog.slice(mark),
		async control(method, path, body) {
			const res = await fetch(`${emu.url}${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return (await res.json()) as any;
		},
		close: () => emu.close(),
	};
}

/** The error a run threw, for asserting on its message and advice. */
export async function runError(
	env: ActionEnv,
	parameters: ExecuteContextOptions['parameters'],
	extra?: Partial<ExecuteContextOptions>,
): Promise<any> {
	try {
		await env.run(parameters, extra);
	} catch (error) {
		return error;
	}
	throw new Error('expected the node to fail');
}

export const pathOf = (request: LoggedRequest): string => new URL(request.url).pathname;
