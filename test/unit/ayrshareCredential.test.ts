import type { IHttpRequestOptions } from 'n8n-workflow';

import { AyrshareApi } from '../../credentials/AyrshareApi.credentials';
import { PRIMARY_PROFILE } from '../../nodes/shared/transport/ayrshareProfileKey';

describe('Ayrshare API credential', () => {
	const credential = new AyrshareApi();
	const sign = (credentials: Record<string, string>, options: Partial<IHttpRequestOptions> = {}) =>
		credential.authenticate({ apiKey: 'k', ...credentials }, {
			url: '/user',
			...options,
		} as IHttpRequestOptions);

	it('adds the bearer key and resolves the base URL, defaulting to Ayrshare’s', async () => {
		expect(await sign({})).toMatchObject({
			url: 'https://api.ayrshare.com/api/user',
			headers: { Authorization: 'Bearer k' },
		});
		expect((await sign({ baseUrl: 'http://127.0.0.1:1/api/' })).url).toBe(
			'http://127.0.0.1:1/api/user',
		);
	});

	it('adds its Profile Key unless the request names one or asks for the primary profile', async () => {
		expect((await sign({ profileKey: 'cred' })).headers).toEqual({
			Authorization: 'Bearer k',
			'Profile-Key': 'cred',
		});
		expect(
			(await sign({ profileKey: 'cred' }, { headers: { 'Profile-Key': 'op' } })).headers,
		).toMatchObject({ 'Profile-Key': 'op' });
		expect(
			(await sign({ profileKey: 'cred' }, { headers: { 'Profile-Key': PRIMARY_PROFILE } })).headers,
		).toEqual({ Authorization: 'Bearer k' });
	});

	it('tests with GET /user', () => {
		expect(credential.test.request.url).toBe('/user');
		expect(credential.name).toBe('ayrshareApi');
		expect(credential.properties.map((p) => p.name)).toEqual([
			'apiKey',
			'profileKey',
			'webhookSecret',
			'domain',
			'privateKey',
			'xApiKey',
			'xApiKeySecret',
			'baseUrl',
		]);
		const field = (name: string) => credential.properties.find((p) => p.name === name);
		expect(field('privateKey')?.typeOptions?.password).toBe(true);
		expect([field('domain')?.required, field('privateKey')?.required]).toEqual([
			undefined,
			undefined,
		]);
		expect([
			field('xApiKey')?.required,
			field('xApiKeySecret')?.required,
			field('xApiKeySecret')?.typeOptions?.password,
		]).toEqual([undefined, undefined, true]);
	});

	it('sends the bring-your-own X keys on every call when they are set, and nothing of them otherwise', async () => {
		const keys = { xApiKey: 'x-key ', xApiKeySecret: 'x-secret' };
		expect((await sign(keys)).headers).toEqual({
			Authorization: 'Bearer k',
			'X-Twitter-OAuth1-Api-Key': 'x-key',
			'X-Twitter-OAuth1-Api-Secret': 'x-secret',
		});
		expect(
			(await sign(keys, { url: '/hook/webhook', method: 'POST', headers: { 'Profile-Key': 'op' } }))
				.headers,
		).toEqual({
			Authorization: 'Bearer k',
			'Profile-Key': 'op',
			'X-Twitter-OAuth1-Api-Key': 'x-key',
			'X-Twitter-OAuth1-Api-Secret': 'x-secret',
		});
		expect((await sign({ xApiKey: '', xApiKeySecret: '' })).headers).toEqual({
			Authorization: 'Bearer k',
		});
	});
});
