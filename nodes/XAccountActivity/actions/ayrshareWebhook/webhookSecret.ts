import type { IExecuteFunctions } from 'n8n-workflow';

import { AYRSHARE_CREDENTIAL } from '../../../shared/transport/ayrshareApi';

/**
 * The Webhook Secret of the Ayrshare credential, read exactly as the trigger reads it (so the
 * signatures Ayrshare makes with it verify there); `undefined` when the credential has none.
 * Secrets live in the credential, encrypted, never in node parameters.
 */
export async function credentialWebhookSecret(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const secret = (await this.getCredentials(AYRSHARE_CREDENTIAL, itemIndex)).webhookSecret;
	return typeof secret === 'string' && secret ? secret : undefined;
}
