import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { crcResponseToken, verifyXSignature, X_SIGNATURE_HEADER } from '../shared/crypto/xSignature';
import { dedupeKey, firstSighting } from '../shared/dedupe';
import { matchesSelection } from '../shared/events';
import { normalizeAaa } from '../shared/normalize/aaa';
import type { Item } from '../shared/schemas/item';
import { xConsumerSecret } from './secrets';
import type { TriggerState } from './state';

interface TriggerOptions {
	simplify?: boolean;
	deduplicate?: boolean;
	ignoreOwnActions?: boolean;
}

/** Answers on our own terms (status code and JSON body), which n8n's `webhookResponse` cannot do. */
function reply(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

const MISSING_SECRET = {
	error: 'The trigger has no X API Key Secret (consumer secret) to verify requests with. Set it in the X OAuth1 User credential.',
};

/** X's challenge-response check (CRC): GET ?crc_token=… → HMAC of the token under the consumer secret. */
export async function answerCrc(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await xConsumerSecret.call(this);
	if (!secret) return reply.call(this, 500, MISSING_SECRET);
	const token = crcResponseToken(secret, (this.getQueryData() as IDataObject).crc_token);
	if (!token) return reply.call(this, 400, { error: 'Expected a crc_token query parameter from X.' });
	return reply.call(this, 200, { response_token: token });
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
			const simplified = { ...item };
			delete simplified.raw;
			return simplified;
		});
}

/** An event POST: verify the signature over the exact bytes X sent, then normalize and filter. */
export async function receiveEvents(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await xConsumerSecret.call(this);
	if (!secret) return reply.call(this, 500, MISSING_SECRET);
	const raw = await rawBodyOf.call(this);
	if (!verifyXSignature(secret, raw, this.getHeaderData()[X_SIGNATURE_HEADER])) {
		return reply.call(this, 401, { error: 'Missing or invalid x-twitter-webhooks-signature.' });
	}
	const body = parseJsonObject(raw);
	if (!body) return reply.call(this, 400, { error: 'Expected a JSON object.' });

	const state = this.getWorkflowStaticData('node') as TriggerState;
	const { items, ignored } = normalizeAaa(body, { source: 'aaa', forUserId: state.subscribedUserId ?? null });
	for (const { key, reason } of ignored) this.logger.debug(`X Account Activity Trigger ignored ${key}: ${reason}`);

	const selected = selectItems.call(this, items, state);
	if (!selected.length) return { webhookResponse: { received: items.length, emitted: 0 } };
	const data: INodeExecutionData[] = this.helpers.returnJsonArray(selected as unknown as IDataObject[]);
	return { webhookResponse: { received: items.length, emitted: selected.length }, workflowData: [data] };
}
