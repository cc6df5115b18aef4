import { invalidRequest } from '../errors';

/**
 * X's URL rules for webhooks. Always: a parseable http(s) URL of at most 200 characters. Strict mode
 * adds what real X enforces and a local setup cannot satisfy: HTTPS, no port, no query string.
 */
export function validateWebhookUrl(url: unknown, strict: boolean): string {
	if (typeof url !== 'string' || url.length === 0)
		throw invalidRequest('UrlValidationFailed', 'The `url` field is required.');
	if (url.length > 200)
		throw invalidRequest('UrlValidationFailed', 'The `url` must be at most 200 characters.');
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw invalidRequest('UrlValidationFailed', `The url ${url} is not a valid URL.`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		throw invalidRequest('UrlValidationFailed', 'The url must use https.');
	if (strict) {
		if (parsed.protocol !== 'https:')
			throw invalidRequest('UrlValidationFailed', 'The url must use https.');
		if (parsed.port)
			throw invalidRequest('UrlValidationFailed', 'The url must not contain a port.');
		if (parsed.search)
			throw invalidRequest('UrlValidationFailed', 'The url must not contain a query string.');
	}
	return url;
}
