import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { crcResponseToken, verifyXSignature, X_SIGNATURE_HEADER } from '../verify/xSignature';
import { xConsumerSecret } from '../../shared/credentialSecrets';
import type { TriggerSource } from './triggerSource';

const MISSING_SECRET = {
	error:
		'The trigger has no X API Key Secret (consumer secret) to verify requests with. Set it in the X OAuth1 User credential.',
};

/** What X's two routes share on the receiving side: CRC on GET, `x-twitter-webhooks-signature` on POST. */
export function xReceiver(
	normalize: TriggerSource['normalize'],
): Pick<TriggerSource, 'verify' | 'answerGet' | 'normalize'> {
	return {
		async answerGet(this: IWebhookFunctions) {
			const secret = await xConsumerSecret.call(this);
			if (!secret) return { status: 500, body: MISSING_SECRET };
			const token = crcResponseToken(secret, (this.getQueryData() as IDataObject).crc_token);
			if (!token)
				return { status: 400, body: { error: 'Expected a crc_token query parameter from X.' } };
			return { status: 200, body: { response_token: token } };
		},

		async verify(this: IWebhookFunctions, rawBody: Buffer) {
			const secret = await xConsumerSecret.call(this);
			if (!secret) return { status: 500, body: MISSING_SECRET };
			if (!verifyXSignature(secret, rawBody, this.getHeaderData()[X_SIGNATURE_HEADER])) {
				return { status: 401, body: { error: 'Missing or invalid x-twitter-webhooks-signature.' } };
			}
			return null;
		},

		normalize,
	};
}
