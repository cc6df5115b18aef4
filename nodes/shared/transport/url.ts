import type { IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_X_BASE_URL = 'https://api.x.com';

/**
 * The absolute URL a request will hit. Credentials resolve it themselves because OAuth 1.0a
 * signs the full URL, and because the base URL lives in the credential (proxies, the emulator).
 */
export function resolveRequestUrl(options: IHttpRequestOptions, credentialBaseUrl: unknown): string {
	if (/^https?:\/\//i.test(options.url)) return options.url;
	const configured = typeof options.baseURL === 'string' && !options.baseURL.startsWith('=') ? options.baseURL : undefined;
	const base = String(configured || credentialBaseUrl || DEFAULT_X_BASE_URL).replace(/\/+$/, '');
	return `${base}/${options.url.replace(/^\/+/, '')}`;
}
