import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { TriggerMemory } from '../dedupe/dedupeStore';
import type { NormalizeResult } from '../normalize/normalizeResult';
import type { TriggerState } from '../triggerState';

/** An answer the trigger sends itself, instead of starting the workflow. */
export interface Rejection {
	status: number;
	body: { error: string };
}

/**
 * One way events reach the trigger (docs/contract.md: `aaa`, `xaa`, `ayrshare`). Each source owns its
 * activation, its request verification and its normalizer; filtering, dedupe and the HTTP
 * answer are common (receive.ts).
 */
export interface TriggerSource {
	checkExists(this: IHookFunctions): Promise<boolean>;
	create(this: IHookFunctions): Promise<boolean>;
	delete(this: IHookFunctions): Promise<boolean>;
	/** `null` when the request is authentic; otherwise what to answer. Works on the raw bytes. */
	verify(this: IWebhookFunctions, rawBody: Buffer): Promise<Rejection | null>;
	/** Answers a GET on the webhook URL (X's CRC), or rejects it. */
	answerGet(this: IWebhookFunctions): Promise<{ status: number; body: Record<string, unknown> }>;
	normalize(body: Record<string, unknown>, state: TriggerState): NormalizeResult;
	/**
	 * Why an authentic delivery should be answered without running the workflow (Ayrshare: another
	 * profile's event, a retry of a delivery already accepted), or `null` to go on. Optional.
	 * `memory` is the trigger's dedupe store, `null` when Deduplicate is off.
	 */
	skip?(
		this: IWebhookFunctions,
		body: Record<string, unknown>,
		state: TriggerState,
		memory: TriggerMemory | null,
	): string | null;
}
