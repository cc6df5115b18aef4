import { NodeHelpers } from 'n8n-workflow';
import { SEEDED_PROFILE_KEY } from '../../../emulator/ayrshare/state';
import { XAccountActivity } from '../../../nodes/XAccountActivity/XAccountActivity.node';
import { runError, startActionEnv, type ActionEnv } from './helpers';

describe('action node: items, Continue On Fail and the description', () => {
	let env: ActionEnv;
	beforeEach(async () => {
		env = await startActionEnv();
	});
	afterEach(() => env.close());

	const check = (profileKey: string) => ({ resource: 'ayrshareWebhook', operation: 'getAll', profileKey });

	it('runs once per input item and pairs every output item with its input', async () => {
		await env.run({ resource: 'ayrshareWebhook', operation: 'register', action: 'feed', url: 'https://example.com/a' });
		await env.run({ resource: 'ayrshareWebhook', operation: 'register', action: 'social', url: 'https://example.com/b' });
		const items = await env.run([check(''), check('')]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	it('with Continue On Fail, a failing item carries the error and the others go on', async () => {
		const items = await env.run([check('no-such-profile'), check(SEEDED_PROFILE_KEY)], { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0]).toEqual({
			json: { error: 'Ayrshare could not find what this request names', description: expect.stringContaining('Profile Key'), httpCode: '404' },
			pairedItem: { item: 0 },
		});
		const withResult = await env.run(
			[{ resource: 'ayrshareProfile', operation: 'delete', profileKey: 'nope' }, { resource: 'ayrshareProfile', operation: 'delete', profileKey: SEEDED_PROFILE_KEY }],
			{ continueOnFail: true },
		);
		expect(withResult.map((i) => [i.pairedItem, i.json.error ?? i.json.status])).toEqual([
			[{ item: 0 }, 'Ayrshare could not find what this request names'],
			[{ item: 1 }, 'success'],
		]);
	});

	it('without it, the error names the failing item', async () => {
		const error = await runError(env, [check(SEEDED_PROFILE_KEY), check('no-such-profile')]);
		expect(error.context.itemIndex).toBe(1);
	});

	it('refuses an unknown operation', async () => {
		const error = await runError(env, { resource: 'webhook', operation: 'description' });
		expect(error.message).toBe('The operation "description" is not supported for "webhook"');
	});

	it('is usable as a tool and asks for the X OAuth1 credential on every X operation, the bearer token only where it can replace it', () => {
		const { description } = new XAccountActivity();
		expect(description.usableAsTool).toBe(true);
		// n8n's own visibility rule, as the editor and the activation check apply it.
		const shown = (resource: string, operation: string, eventType?: string) =>
			(description.credentials ?? [])
				.filter((credential) =>
					NodeHelpers.displayParameter({ resource, operation, ...(eventType ? { eventType } : {}) }, credential, { typeVersion: 1 }, description),
				)
				.map((c) => c.name);
		const both = ['xOAuth1UserApi', 'xBearerApi'];
		expect(shown('webhook', 'create')).toEqual(both);
		expect(shown('subscription', 'subscribe')).toEqual(['xOAuth1UserApi']);
		expect(shown('subscription', 'check')).toEqual(['xOAuth1UserApi']);
		expect(shown('subscription', 'count')).toEqual(both);
		expect(shown('replay', 'create')).toEqual(both);
		expect(shown('ayrshareWebhook', 'register')).toEqual(['ayrshareApi']);
		expect(shown('ayrshareProfile', 'update')).toEqual(['ayrshareApi']);
		expect(shown('activitySubscription', 'create', 'post.create')).toEqual(both);
		// Private at X (x-api/activity/introduction.mdx): the account's own token only.
		expect(shown('activitySubscription', 'create', 'post.mention.create')).toEqual(['xOAuth1UserApi']);
		expect(shown('activitySubscription', 'create', 'follow.follow')).toEqual(['xOAuth1UserApi']);
		expect(shown('activitySubscription', 'create', 'dm.received')).toEqual(['xOAuth1UserApi']);
		expect(shown('activitySubscription', 'create', 'news.new')).toEqual(both);
		expect(shown('activitySubscription', 'create', 'other')).toEqual(both);
		for (const operation of ['getAll', 'update', 'delete']) expect(shown('activitySubscription', operation)).toEqual(both);
		// One X credential is enough: the bearer token is never required.
		const required = (description.credentials ?? []).filter((c) => c.required).map((c) => c.name);
		expect(required).toEqual(['xOAuth1UserApi', 'ayrshareApi']);
	});

	it('offers every contract operation', () => {
		const { properties } = new XAccountActivity().description;
		const operations = (resource: string) =>
			properties
				.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value))
				.sort();
		expect(operations('webhook')).toEqual(['create', 'delete', 'getAll', 'validate']);
		expect(operations('subscription')).toEqual(['check', 'count', 'getAll', 'subscribe', 'unsubscribe']);
		expect(operations('activitySubscription')).toEqual(['create', 'delete', 'getAll', 'update']);
		expect(operations('replay')).toEqual(['create']);
		expect(operations('ayrshareProfile')).toEqual(['create', 'delete', 'generateLink', 'getAll', 'update']);
		expect(operations('ayrshareWebhook')).toEqual(['getAll', 'register', 'rotateSecret', 'unregister']);
	});
});
