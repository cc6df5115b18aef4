import CryptoJS from 'crypto-js';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';
import { ALICE, ME, envelope, payloads, tweet } from '../fixtures/aaaPayloads';
import { fakeContext, fakeResponse } from '../helpers/n8nContext';

const SECRET = 'consumer-secret-for-tests';
const sign = (raw: string, secret = SECRET) =>
	`sha256=${CryptoJS.HmacSHA256(raw, secret).toString(CryptoJS.enc.Base64)}`;
const trigger = new XAccountActivityTrigger();

interface Call {
	webhookName: 'setup' | 'default';
	query?: Record<string, unknown>;
	raw?: string;
	headers?: Record<string, unknown>;
	parameters?: Record<string, unknown>;
	staticData?: IDataObject;
	credentials?: Record<string, Record<string, string>>;
}

async function call(input: Call) {
	const { res, sent } = fakeResponse();
	const base = fakeContext({
		parameters: { events: ['*'], options: {}, ...input.parameters },
		staticData: input.staticData,
		credentials: input.credentials ?? {
			xOAuth1UserApi: { consumerSecret: SECRET },
			xBearerApi: { bearerToken: 'b' },
		},
	});
	let rawReads = 0;
	const request = {
		rawBody: undefined as Buffer | undefined,
		async readRawBody() {
			rawReads++;
			request.rawBody = Buffer.from(input.raw ?? '');
		},
	};
	const context = {
		...base,
		getWebhookName: () => input.webhookName,
		getQueryData: () => input.query ?? {},
		getHeaderData: () => input.headers ?? {},
		getRequestObject: () => request,
		getResponseObject: () => res,
	} as unknown as IWebhookFunctions;
	const result = await trigger.webhook.call(context);
	return { result, sent, rawReads, staticData: base.staticData };
}

const post = (body: unknown, extra: Partial<Call> = {}) => {
	const raw = JSON.stringify(body);
	return call({
		webhookName: 'default',
		raw,
		headers: { 'x-twitter-webhooks-signature': sign(raw) },
		...extra,
	});
};

const emitted = (result: Awaited<ReturnType<typeof call>>['result']) =>
	(result.workflowData?.[0] ?? []).map((entry) => entry.json);

describe('CRC (setup webhook)', () => {
	test('answers with the HMAC of the token under the consumer secret', async () => {
		const { result, sent } = await call({ webhookName: 'setup', query: { crc_token: 'abc123' } });
		expect(result.noWebhookResponse).toBe(true);
		expect(sent).toEqual({ status: 200, body: { response_token: sign('abc123') } });
	});

	test('falls back to the bearer credential’s consumer secret', async () => {
		const { sent } = await call({
			webhookName: 'setup',
			query: { crc_token: 'abc' },
			credentials: { xBearerApi: { bearerToken: 'b', consumerSecret: 'other' } },
		});
		expect(sent.body).toEqual({ response_token: sign('abc', 'other') });
	});

	test.each([{}, { crc_token: '' }, { crc_token: '{"a":1}' }, { crc_token: 'x'.repeat(300) }])(
		'rejects %p with 400',
		async (query) => {
			const { sent } = await call({ webhookName: 'setup', query });
			expect(sent.status).toBe(400);
			expect(JSON.stringify(sent.body)).not.toContain('sha256=');
		},
	);

	test('without any consumer secret it answers 500 and says which credential to fix, never a secret', async () => {
		const { sent } = await call({
			webhookName: 'setup',
			query: { crc_token: 'abc' },
			credentials: { xBearerApi: { bearerToken: 'top-secret-bearer' } },
		});
		expect(sent.status).toBe(500);
		expect(JSON.stringify(sent.body)).toMatch(/OAuth1 User credential/);
		expect(JSON.stringify(sent.body)).not.toContain('top-secret-bearer');
	});
});

describe('events (default webhook)', () => {
	test('a valid delivery with two events gives one execution with two items, raw read from the request', async () => {
		const body = envelope({
			tweet_create_events: [
				tweet(ME),
				tweet(ALICE, { id_str: '77', entities: { user_mentions: [{ id_str: ME.id_str }] } }),
			],
		});
		const { result, rawReads } = await post(body);
		expect(rawReads).toBe(1);
		expect(result.workflowData).toHaveLength(1);
		expect(emitted(result).map((i) => i.event)).toEqual(['post.created', 'post.mention']);
		expect(emitted(result)[0]).not.toHaveProperty('raw');
	});

	test.each([
		['missing', undefined],
		['forged', sign('something else')],
		['wrong secret', 'WRONG'],
	])('%s signature → 401 and nothing emitted', async (_label, signature) => {
		const raw = JSON.stringify(payloads.ownPost);
		const wrongSecret = signature === 'WRONG' ? sign(raw, 'not-the-secret') : signature;
		const { result, sent } = await call({
			webhookName: 'default',
			raw,
			headers: wrongSecret ? { 'x-twitter-webhooks-signature': wrongSecret } : {},
		});
		expect(sent.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	test('signature is checked over the raw bytes (X escapes slashes)', async () => {
		const raw = JSON.stringify(payloads.ownPost).replace(/\//g, '\\/');
		const { result } = await call({
			webhookName: 'default',
			raw,
			headers: { 'x-twitter-webhooks-signature': sign(raw) },
		});
		expect(emitted(result)).toHaveLength(1);
	});

	test('signed but not a JSON object → 400', async () => {
		for (const raw of ['not json', '[1,2]']) {
			const { sent, result } = await call({
				webhookName: 'default',
				raw,
				headers: { 'x-twitter-webhooks-signature': sign(raw) },
			});
			expect(sent.status).toBe(400);
			expect(result.workflowData).toBeUndefined();
		}
	});

	test('unknown event array: 200, no execution', async () => {
		const { result, sent } = await post(envelope({ spaces_events: [{}] }));
		expect(sent).toEqual({ status: 200, body: { received: 0, emitted: 0 } });
		expect(result.workflowData).toBeUndefined();
	});

	test('the events filter matches any kind', async () => {
		const onlyMentions = { events: ['post.mention'] };
		expect(
			emitted((await post(payloads.replyToMe, { parameters: onlyMentions })).result),
		).toHaveLength(1);
		expect(
			(await post(payloads.ownPost, { parameters: onlyMentions })).result.workflowData,
		).toBeUndefined();
	});

	test('ignoreOwnActions drops the subscriber’s own actions', async () => {
		const parameters = { options: { ignoreOwnActions: true } };
		expect((await post(payloads.dmSent, { parameters })).result.workflowData).toBeUndefined();
		expect(emitted((await post(payloads.dmReceived, { parameters })).result)).toHaveLength(1);
	});

	test('deduplicate drops a redelivery, per node, and can be turned off', async () => {
		const staticData = {};
		expect(emitted((await post(payloads.liked, { staticData })).result)).toHaveLength(1);
		expect((await post(payloads.liked, { staticData })).result.workflowData).toBeUndefined();
		expect(emitted((await post(payloads.liked, {})).result)).toHaveLength(1);
		const off = { options: { deduplicate: false } };
		expect(
			emitted((await post(payloads.liked, { staticData, parameters: off })).result),
		).toHaveLength(1);
	});

	test('a delivery that starts an execution is answered with JSON counts, by the node itself', async () => {
		const body = envelope({ tweet_create_events: [tweet(ME), tweet(ME, { id_str: '78' })] });
		const { result, sent } = await post(body, { parameters: { events: ['post.created'] } });
		expect(result.noWebhookResponse).toBe(true);
		expect(emitted(result)).toHaveLength(2);
		expect(sent).toEqual({ status: 200, body: { received: 2, emitted: 2 } });
		const again = await post(body, { staticData: {}, parameters: { events: ['post.mention'] } });
		expect(again.sent).toEqual({ status: 200, body: { received: 2, emitted: 0 } });
	});

	// Replaces "dedupe memory is bounded" (2,000 keys in static data): the memory is in the process now (dedupeStore.test.ts).
	test('dedupe keeps static data small: 2,100 events leave it under 2 KB and the first is still remembered', async () => {
		const staticData: IDataObject = {};
		const deleted = (i: number) =>
			envelope({ tweet_delete_events: [{ status: { id: String(i), user_id: ME.id_str } }] });
		for (let i = 0; i < 2100; i++)
			expect(emitted((await post(deleted(i), { staticData })).result)).toHaveLength(1);
		expect(JSON.stringify(staticData).length).toBeLessThan(2048);
		expect(staticData).not.toHaveProperty('seenEvents');
		expect((await post(deleted(0), { staticData })).result.workflowData).toBeUndefined();
	});

	test('simplify=false adds the original event and envelope under raw', async () => {
		const [item] = emitted(
			(await post(payloads.dmReceived, { parameters: { options: { simplify: false } } })).result,
		);
		expect(item.raw).toMatchObject({
			key: 'direct_message_events',
			envelope: { for_user_id: ME.id_str, apps: {} },
		});
	});

	test('the stored subscriber id classifies events that lack for_user_id', async () => {
		const body = {
			tweet_create_events: [tweet(ALICE, { entities: { user_mentions: [{ id_str: ME.id_str }] } })],
		};
		const [item] = emitted(
			(await post(body, { staticData: { subscribedUserId: ME.id_str } })).result,
		);
		expect(item).toMatchObject({ event: 'post.mention', forUserId: ME.id_str });
	});
});
