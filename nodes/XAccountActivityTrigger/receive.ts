import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { dedupeKey, firstSighting } from './dedupe';
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

/** Answers on our own terms (status code and JSON body), which n8n's `webhookResponse` cannot do. */
function reply(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

export async function answerGet(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { status, body } = await source.call(this).answerGet.call(this);
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
	const body = parseJsonObject(raw);
	if (!body) return reply.call(this, 400, { error: 'Expected a JSON object.' });

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const skipped = from.skip?.call(this, body, state) ?? null;
	if (skipped) return { webhookResponse: { received: 0, emitted: 0, skipped } };
	const { items, ignored } = from.normalize(body, state);
	for (const { key, reason } of ignored) this.logger.debug(`X Account Activity Trigger ignored ${key}: ${reason}`);

	const selected = selectItems.call(this, items, state);
	if (!selected.length) return { webhookResponse: { received: items.length, emitted: 0 } };
	const data: INodeExecutionData[] = this.helpers.returnJsonArray(selected as unknown as IDataObject[]);
	return { webhookResponse: { received: items.length, emitted: selected.length }, workflowData: [data] };
}
