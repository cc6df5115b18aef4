import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { dedupeKey } from './dedupe/dedupeKey';
import { type TriggerMemory, noteAnswered, triggerMemory } from './dedupe/dedupeStore';
import { parseDeliveryBody } from './deliveryBody';
import { afterCrc, afterDelivery } from './recovery/onRequest';
import { matchesSelection } from '../shared/eventCatalog';
import type { Item } from './schemas/item';
import { SOURCES, type SourceName } from './sources';
import type { TriggerState } from './triggerState';

interface TriggerOptions {
	simplify?: boolean;
	deduplicate?: boolean;
	ignoreOwnActions?: boolean;
}

const sourceName = (context: IWebhookFunctions) =>
	context.getNodeParameter('source', 'aaa') as SourceName;

function source(this: IWebhookFunctions) {
	return SOURCES[sourceName(this)];
}

/**
 * Answers on our own terms (status code and JSON body), also when an execution starts: with
 * `workflowData`, n8n's `onReceived` answer ignores `webhookResponse` (it sends the description's
 * `responseData`, by default the literal text `firstEntryJson`; n8n's
 * webhook-on-received-response-extractor.ts), and only with `noWebhookResponse` does n8n save
 * static data before it starts the execution, which n8n 2.41 otherwise loses (webhook-helpers.ts).
 */
function reply(
	this: IWebhookFunctions,
	status: number,
	body: IDataObject,
	workflowData?: INodeExecutionData[][],
): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
}

export async function answerGet(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { status, body } = await source.call(this).answerGet.call(this);
	const state = this.getWorkflowStaticData('node') as TriggerState;
	if (status !== 200 || !('response_token' in body))
		return reply.call(this, status, body as IDataObject);
	triggerMemory(this, state);
	const answered = reply.call(this, status, body as IDataObject);
	// A CRC X sent is a receipt, and after a silence the chance to recover; both after X has its answer.
	// Not while activation is still registering (no webhook id yet): activation saves the whole static
	// data after this request read it.
	if (state.webhookId) {
		const now = Date.now();
		await afterCrc.call(this, state, now);
		noteAnswered(this, state, null, now);
	}
	return answered;
}

async function rawBodyOf(this: IWebhookFunctions): Promise<Buffer> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

/**
 * Selection, own-action and duplicate filters, in that order, then `raw` removed unless asked for.
 * Synchronous from the first dedupe check to the last record: no other delivery can interleave.
 */
function selectItems(
	this: IWebhookFunctions,
	items: Item[],
	options: TriggerOptions,
	memory: TriggerMemory | null,
	now: number,
): Item[] {
	const selected = this.getNodeParameter('events', ['*']) as string[];
	return items
		.filter((item) => matchesSelection(item.kinds, selected))
		.filter((item) => !(options.ignoreOwnActions && item.actor && item.actor.id === item.forUserId))
		.filter((item) => !memory || memory.firstSighting(dedupeKey(item), now))
		.map((item) => {
			if (options.simplify === false) return item;
			// xaa.other (chat, Spaces, news…) has no normalized fields: its raw payload is the content (docs/contract.md).
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
	const body = parseDeliveryBody(raw);
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
	let items: Item[];
	let selected: Item[];
	try {
		const normalized = from.normalize(body, state);
		for (const { key, reason } of normalized.ignored)
			this.logger.debug(`X Account Activity Trigger ignored ${key}: ${reason}`);
		items = normalized.items;
		selected = selectItems.call(this, items, options, memory, now);
	} catch (error) {
		// A bug must not become a 500 and an error execution for a body someone else chose.
		this.logger.error(
			`X Account Activity Trigger could not read a delivery: ${(error as Error).message}`,
		);
		return reply.call(this, 400, { error: 'The delivery could not be read.' });
	}
	const answer = { received: items.length, emitted: selected.length };

	// Recovery reads the last receipt before this delivery is noted as one.
	if (sourceName(this) !== 'ayrshare') {
		const reports = await afterDelivery.call(this, state, now, items, () =>
			this.getResponseObject().status(200).json(answer),
		);
		if (reports) {
			noteAnswered(this, state, memory, now);
			// Answered already; the replay outcomes join this delivery's execution.
			const all = [...selected, ...selectItems.call(this, reports, options, memory, now)];
			return {
				noWebhookResponse: true,
				...(all.length
					? { workflowData: [this.helpers.returnJsonArray(all as unknown as IDataObject[])] }
					: {}),
			};
		}
	}
	noteAnswered(this, state, memory, now);
	if (!selected.length) return reply.call(this, 200, answer);
	return reply.call(this, 200, answer, [
		this.helpers.returnJsonArray(selected as unknown as IDataObject[]),
	]);
}
