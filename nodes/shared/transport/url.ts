import type { IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

export const DEFAULT_X_BASE_URL = 'https://api.x.com';

export const DEFAULT_AYRSHARE_BASE_URL = 'https://api.ayrshare.com/api';

/**
 * The absolute URL a request will hit. Credentials resolve it themselves because OAuth 1.0a
 * signs the full URL, and because the base URL lives in the credential (proxies, the emulator).
 * `defaultBaseUrl` applies when the credential has none (credentials saved before the field existed).
 */
export function resolveRequestUrl(
	options: IHttpRequestOptions,
	credentialBaseUrl: unknown,
	defaultBaseUrl = DEFAULT_X_BASE_URL,
): string {
	if (/^https?:\/\//i.test(options.url)) return options.url;
	const configured =
		typeof options.baseURL === 'string' && !options.baseURL.startsWith('=')
			? options.baseURL
			: undefined;
	const base = String(configured || credentialBaseUrl || defaultBaseUrl).replace(/\/+$/, '');
	return `${base}/${options.url.replace(/^\/+/, '')}`;
}

/** Every credential's Base URL field: the service's URL by default, changed only for proxies and tests. */
export function baseUrlProperty(defaultBaseUrl: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: defaultBaseUrl,
		description: 'Change only to go through a proxy or a test server',
	};
}

/** X matches URLs exactly, but a trailing slash or letter case of the host must not cause a second webhook. */
export function sameWebhookUrl(a: string, b: string): boolean {
	const normalize = (url: string) => {
		try {
			const parsed = new URL(url);
			return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
		} catch {
			return url;
		}
	};
	return normalize(a) === normalize(b);
}
