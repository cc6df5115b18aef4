import { DEFAULT_APP, DEFAULT_USERS } from '../../../../emulator/defaults';
import type { XUser } from '../../../../emulator/options';
import type { Emulator } from '../../../../emulator/server';
import { oauth1Header } from '../../../../emulator/x/auth/oauth1Verifier';

export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	text: string;
	json: T;
}

export const SUBSCRIBER = DEFAULT_USERS[0];
export const ALICE = DEFAULT_USERS[1];

/** HTTP helpers against a running emulator: app-only (bearer), user context (OAuth 1.0a) and the open control API. */
export function apiClient(emu: Emulator) {
	const call = async <T>(
		method: string,
		path: string,
		body: unknown,
		authorization?: string,
	): Promise<ApiResponse<T>> => {
		const headers: Record<string, string> = {};
		if (authorization) headers.authorization = authorization;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${emu.url}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json: json as T };
	};
	const userAuth = (method: string, path: string, user: XUser = SUBSCRIBER): string =>
		oauth1Header(method, `${emu.url}${path}`, {
			consumerKey: DEFAULT_APP.consumerKey,
			consumerSecret: DEFAULT_APP.consumerSecret,
			token: user.accessToken ?? '',
			tokenSecret: user.accessTokenSecret ?? '',
		});
	return {
		call,
		userAuth,
		bearer: <T = any>(
			method: string,
			path: string,
			body?: unknown,
			token = DEFAULT_APP.bearerToken,
		) => call<T>(method, path, body, `Bearer ${token}`),
		user: <T = any>(method: string, path: string, body?: unknown, user: XUser = SUBSCRIBER) =>
			call<T>(method, path, body, userAuth(method, path, user)),
		control: <T = any>(method: string, path: string, body?: unknown) => call<T>(method, path, body),
	};
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Registers `url` and subscribes `users` to it; returns the webhook id. */
export async function registerAndSubscribe(
	api: ApiClient,
	url: string,
	users: XUser[] = [SUBSCRIBER],
): Promise<string> {
	const reg = await api.bearer('POST', '/2/webhooks', { url });
	if (reg.status !== 200) throw new Error(`register failed: ${reg.text}`);
	for (const user of users) {
		const sub = await api.user(
			'POST',
			`/2/account_activity/webhooks/${reg.json.data.id}/subscriptions/all`,
			undefined,
			user,
		);
		if (sub.status !== 200) throw new Error(`subscribe failed: ${sub.text}`);
	}
	return reg.json.data.id as string;
}
