import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { dedupeKey, firstSighting } from './dedupe';
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

const sourceName = (context: IWebhookFunctions) => context.getNodeParameter('source', 'aaa') as SourceName;

function source(this: IWebhookFunctions) {
	return SOURCES[sourceName(this)];
}

/** Answers on our own terms (status code and JSON body), which n8n's `webhookResponse` cannot do. */
function reply(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

export async function answerGet(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { status, body } = await source.call(this).answerGet.call(this);
	const answered = reply.call(this, status, body as IDataObject);
	// A CRC X sent is a receipt, and after a silence the chance to recover; both after X has its answer.
	if (status === 200 && sourceName(this) !== 'ayrshare') await afterCrc.call(this, this.getWorkflowStaticData('node') as TriggerState, Date.now());
	return answered;
}

async function rawBodyOf(this: IWebhookFunctions): Promise<Buffer> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

/** Selection, own-action and duplicate filters, in that order, then `raw` removed unless asked for. */
function selectItems(this: IWebhookFunctions, items: Item[], state: TriggerState): Item[] {
	const selected = this.getNodeParameter('events', ['*']) as string[];
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	return items
		.filter((item) => matchesSelection(item.kinds, selected))
		.filter((item) => !(options.ignoreOwnActions && item.actor && item.actor.id === item.forUserId))
		.filter((item) => options.deduplicate === false || firstSighting(state, dedupeKey(item)))
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
	const body = parseDeliveryBody(raw);
	if (!body) return reply.call(this, 400, { error: 'Expected a JSON object.' });

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const skipped = from.skip?.call(this, body, state) ?? null;
	if (skipped) return { webhookResponse: { received: 0, emitted: 0, skipped } };
	let items: Item[];
	let selected: Item[];
	try {
		const normalized = from.normalize(body, state);
		for (const { key, reason } of normalized.ignored) this.logger.debug(`X Account Activity Trigger ignored ${key}: ${reason}`);
		items = normalized.items;
		selected = selectItems.call(this, items, state);
	} catch (error) {
		// A bug must not become a 500 and an error execution for a body someone else chose.
		this.logger.error(`X Account Activity Trigger could not read a delivery: ${(error as Error).message}`);
		return reply.call(this, 400, { error: 'The delivery could not be read.' });
	}
	const answer = { received: items.length, emitted: selected.length };

	if (sourceName(this) !== 'ayrshare') {
		const reports = await afterDelivery.call(this, state, Date.now(), items, () => reply.call(this, 200, answer));
		if (reports) {
			// Answered already; the replay outcomes join this delivery's execution.
			const all = [...selected, ...selectItems.call(this, reports, state)];
			return { noWebhookResponse: true, ...(all.length ? { workflowData: [this.helpers.returnJsonArray(all as unknown as IDataObject[])] } : {}) };
		}
	}
	if (!selected.length) return { webhookResponse: answer };
	const data: INodeExecutionData[] = this.helpers.returnJsonArray(selected as unknown as IDataObject[]);
	return { webhookResponse: answer, workflowData: [data] };
}
