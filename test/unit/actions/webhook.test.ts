import { DEFAULT_APP } from '../../../emulator/defaults';
import { XAccountActivity } from '../../../nodes/XAccountActivity/XAccountActivity.node';
import { startReceiver, type Receiver } from '../emulator/helpers/receiver';
import { pathOf, runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: webhook', () => {
	let env: ActionEnv;
	let receiver: Receiver;
	beforeEach(async () => {
		env = await startActionEnv();
		receiver = await startReceiver(DEFAULT_APP.consumerSecret);
	});
	afterEach(async () => {
		await env.close();
		await receiver.close();
	});

	const create = () => env.run({ resource: 'webhook', operation: 'create', url: receiver.url });

	it('create registers the URL with the app bearer token after X ran its CRC', async () => {
		const [item] = await create();
		expect(item.json).toMatchObject({ url: receiver.url, valid: true });
		expect(item.json.id).toMatch(/^\d+$/);
		expect(item.pairedItem).toEqual({ item: 0 });
		const [request] = env.sent();
		expect(request.method).toBe('POST');
		expect(pathOf(request)).toBe('/2/webhooks');
		expect(request.headers.Authorization).toBe(`Bearer ${DEFAULT_APP.bearerToken}`);
		expect(request.body).toEqual({ url: receiver.url });
		expect(receiver.requests.some((r) => r.method === 'GET' && r.query.has('crc_token'))).toBe(
			true,
		);
	});

	it('create explains a failed CRC', async () => {
		receiver.crcMode = 'wrong';
		const error = await runError(env, {
			resource: 'webhook',
			operation: 'create',
			url: receiver.url,
		});
		expect(error.message).toBe('X could not reach or validate your webhook URL');
		expect(error.description).toContain('WEBHOOK_URL');
		expect(error.httpCode).toBe('400');
	});

	it('create names a duplicate URL', async () => {
		await create();
		const error = await runError(env, {
			resource: 'webhook',
			operation: 'create',
			url: receiver.url,
		});
		expect(error.message).toBe('This webhook URL is already registered with your X app');
	});

	it('getAll returns one item per webhook, and nothing when X has none', async () => {
		expect(await env.run({ resource: 'webhook', operation: 'getAll' })).toEqual([]);
		const [created] = await create();
		const items = await env.run({ resource: 'webhook', operation: 'getAll' });
		expect(items.map((i) => i.json.id)).toEqual([created.json.id]);
		expect(env.sent()[0]).toMatchObject({ method: 'GET' });
	});

	it('validate re-runs the CRC with PUT and reports the outcome', async () => {
		const [created] = await create();
		const id = created.json.id as string;
		const [ok] = await env.run({ resource: 'webhook', operation: 'validate', webhookId: id });
		expect(ok.json).toEqual({ id, valid: true });
		expect(env.sent()[0].method).toBe('PUT');
		expect(pathOf(env.sent()[0])).toBe(`/2/webhooks/${id}`);
		receiver.crcMode = 'wrong';
		const [failed] = await env.run({ resource: 'webhook', operation: 'validate', webhookId: id });
		expect(failed.json).toEqual({ id, valid: false });
	});

	it('delete removes the webhook; a second delete reports deleted: false', async () => {
		const [created] = await create();
		const id = created.json.id as string;
		const [first] = await env.run({ resource: 'webhook', operation: 'delete', webhookId: id });
		expect(first.json).toEqual({ id, deleted: true });
		expect(env.sent()[0].method).toBe('DELETE');
		const [second] = await env.run({ resource: 'webhook', operation: 'delete', webhookId: id });
		expect(second.json).toEqual({ id, deleted: false });
	});

	it('delete says in the editor that an unknown ID gives deleted: false', () => {
		const { properties } = new XAccountActivity().description;
		const forDelete = (p: (typeof properties)[number]) =>
			p.displayOptions?.show?.resource?.includes('webhook') &&
			p.displayOptions.show.operation?.includes('delete');
		const idField = properties.find((p) => p.name === 'webhookId' && forDelete(p));
		expect(idField?.description).toMatch(/WebhookIdInvalid.*deleted: false/);
		const operation = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('webhook'),
		);
		const option = (operation?.options as Array<{ value: string; description?: string }>).find(
			(o) => o.value === 'delete',
		);
		expect(option?.description).toContain('deleted: false');
	});

	it('a 429 says when X allows the next request', async () => {
		const reset = Math.floor(Date.now() / 1000) + 120;
		await env.control('POST', '/_emulator/fail', {
			method: 'GET',
			path: '/2/webhooks',
			status: 429,
			headers: { 'x-rate-limit-reset': String(reset) },
		});
		const error = await runError(env, { resource: 'webhook', operation: 'getAll' });
		expect(error.message).toBe('X rate limit reached');
		expect(error.description).toContain(new Date(reset * 1000).toISOString());
	});

	it('a wrong bearer token is a credential error that does not repeat the token', async () => {
		const credentials = {
			...env.credentials,
			xBearerApi: { ...env.credentials.xBearerApi, bearerToken: 'not-the-token' },
		};
		const error = await runError(
			env,
			{ resource: 'webhook', operation: 'getAll' },
			{ credentials },
		);
		expect(error.message).toBe('X did not accept the credentials');
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('not-the-token');
	});
});
