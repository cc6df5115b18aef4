import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { dedupeKey } from './dedupe/dedupeKey';
import { type TriggerMemory, noteAnswered, triggerMemory } from './dedupe/dedupeStore';
import { matchesSelection } from '../shared/eventCatalog';
import type { Item } from './schemas/item';
import { SOURCES, type SourceName } from './sources';
import type { TriggerState } from './triggerState';

interface TriggerOptions {
	simplify?: boolean;
	deduplicate?: boolean;
	ignoreOwnActions?: boolean;
}

function source(this: IWebhookFunctions) {
	return SOURCES[this.getNodeParameter('source', 'aaa') as SourceName];
}

/**
 * Answers on our own terms (status code and JSON body), also when an execution starts: with
 * `workflowData`, n8n's `onReceived` answer ignores `webhookResponse` (it sends the description's
 * `responseData`, by default the literal text `firstEntryJson`; n8n's
 * webhook-on-received-response-extractor.ts), and only with `noWebhookResponse` does n8n save
 * static data before it starts the execution, which n8n 2.41 otherwise loses (webhook-helpers.ts).
 */
function reply(this: IWebhookFunctions, status: number, body: IDataObject, workflowData?: INodeExecutionData[][]): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
}

export async function answerGet(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { status, body } = await source.call(this).answerGet.call(this);
	const state = this.getWorkflowStaticData('node') as TriggerState;
	// A CRC answered proves X can reach the trigger. Not while activation is still registering
	// (no webhook id yet): activation saves the whole static data after this request read it.
	if (status === 200 && 'response_token' in body) {
		triggerMemory(this, state);
		if (state.webhookId) noteAnswered(this, state, null, Date.now());
	}
	return reply.call(this, status, body as IDataObject);
}

async function rawBodyOf(this: IWebhookFunctions): Promise<Buffer> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

function parseJsonObject(raw: Buffer): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(raw.toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/**
 * Selection, own-action and duplicate filters, in that order, then `raw` removed unless asked for.
 * Synchronous from the first dedupe check to the last record: no other delivery can interleave.
 */
function selectItems(this: IWebhookFunctions, items: Item[], options: TriggerOptions, memory: TriggerMemory | null, now: number): Item[] {
	const selected = this.getNodeParameter('events', ['*']) as string[];
	return items
		.filter((item) => matchesSelection(item.kinds, selected))
		.filter((item) => !(options.ignoreOwnActions && item.actor && item.actor.id === item.forUserId))
		.filter((item) => !memory || memory.firstSighting(dedupeKey(item), now))
		.map((item) => {
			if (options.simplify === false) return item;
			// xaa.other (chat, Spaces, news…) has no normalized fields: its raw payload is the content (SPEC).
			if (item.event === 'xaa.other') return item;
			const simplified = { ...item };
			delete simplified.raw;
			return simplified;
		});
}

/** An event POST: verify over the exact bytes received, then normalize and filter. */
export async function receiveEvents(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const from = source.call(this);
	const raw = await rawBodyOf.call(this);
	const rejection = await from.verify.call(this, raw);
	if (rejection) return reply.call(this, rejection.status, rejection.body);
	const body = parseJsonObject(raw);
	if (!body) return reply.call(this, 400, { error: 'Expected a JSON object.' });

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const now = Date.now();
	// Created even with Deduplicate off: it also tells whether this process has seen the trigger (knownInProcess).
	const known = triggerMemory(this, state);
	const memory = options.deduplicate === false ? null : known;
	const skipped = from.skip?.call(this, body, state, memory) ?? null;
	if (skipped) {
		noteAnswered(this, state, memory, now);
		return reply.call(this, 200, { received: 0, emitted: 0, skipped });
	}
	const { items, ignored } = from.normalize(body, state);
	for (const { key, reason } of ignored) this.logger.debug(`X Account Activity Trigger ignored ${key}: ${reason}`);

	const selected = selectItems.call(this, items, options, memory, now);
	noteAnswered(this, state, memory, now);
	const answer = { received: items.length, emitted: selected.length };
	if (!selected.length) return reply.call(this, 200, answer);
	return reply.call(this, 200, answer, [this.helpers.returnJsonArray(selected as unknown as IDataObject[])]);
}
