import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Ayrshare's bring-your-own X keys (Ayrshare, "Set Up Your Own X API Key"): since 2026-03-31 X
 * operations through Ayrshare need the customer's own X app keys, passed as "the same two headers on
 * every request". Which calls count as X operations is not listed, so they go on every call.
 */
const BYO_X_HEADERS = [
	['X-Twitter-OAuth1-Api-Key', 'xApiKey'],
	['X-Twitter-OAuth1-Api-Secret', 'xApiKeySecret'],
] as const;

/** The headers for the credential's X API Key and X API Key Secret, each only when it is set. */
export function byoXKeyHeaders(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [header, field] of BYO_X_HEADERS) {
		const value = credentials[field];
		if (typeof value === 'string' && value.trim()) headers[header] = value.trim();
	}
	return headers;
}
