import type { IExecuteFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { AYRSHARE_CREDENTIAL } from './transport/ayrshareApi';
import { X_CREDENTIAL } from './transport/xApi';

/**
 * The app's consumer secret keys both X's CRC answer and its event signatures. It comes from
 * the OAuth1 credential, or from the bearer credential's optional copy (docs/contract.md, "Credentials").
 */
export async function xConsumerSecret(
	this: IWebhookFunctions | IHookFunctions,
): Promise<string | null> {
	for (const type of [X_CREDENTIAL.user, X_CREDENTIAL.app]) {
		try {
			const secret = (await this.getCredentials(type)).consumerSecret;
			if (typeof secret === 'string' && secret) return secret;
		} catch {
			// That credential is not set on this node; try the next one.
		}
	}
	return null;
}

/**
 * The Ayrshare credential's optional webhook secret; `null` when deliveries are not signed. One
 * reader for the trigger (verifies with it) and the action node (registers and rotates it), so
 * what Ayrshare signs with is always what the trigger checks.
 */
export async function ayrshareWebhookSecret(
	this: IWebhookFunctions | IHookFunctions | IExecuteFunctions,
	itemIndex?: number,
): Promise<string | null> {
	const secret = (await this.getCredentials(AYRSHARE_CREDENTIAL, itemIndex)).webhookSecret;
	return typeof secret === 'string' && secret ? secret : null;
}
