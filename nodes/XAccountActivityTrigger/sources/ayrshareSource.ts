import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	AYRSHARE_TIMESTAMP_HEADER,
	DEFAULT_MAX_TIMESTAMP_SKEW_SECONDS,
	timestampProblem,
	verifyAyrshareSignature,
} from '../verify/ayrshareSignature';
import { isRedelivery } from '../dedupe/dedupeStore';
import { normalizeAyrshare } from '../normalize/ayrshareWebhook';
import { ayrshareWebhookSecret } from '../../shared/credentialSecrets';
import type { AyrshareTriggerOptions } from './ayrshareOptions';
import {
	ayrshareActionsInPlace,
	ayrshareHookContext,
	refIdFilter,
	registerAyrshareActions,
	unregisterAyrshareActions,
} from './ayrshareRegistration';
import type { TriggerSource } from './triggerSource';

const BAD_SIGNATURE = {
	error:
		'Missing or invalid X-Authorization-Content-SHA256. The Webhook Secret in the Ayrshare credential must be the secret registered at Ayrshare for this profile.',
};

function optionsOf(context: IWebhookFunctions): AyrshareTriggerOptions {
	return context.getNodeParameter('options', {}) as AyrshareTriggerOptions;
}

/** Ayrshare forwards X account activity (and its own webhook actions); no X Enterprise access needed. */
export const ayrshareSource: TriggerSource = {
	async checkExists(this: IHookFunctions) {
		return await ayrshareActionsInPlace.call(this, ayrshareHookContext(this));
	},

	async create(this: IHookFunctions) {
		await registerAyrshareActions.call(this, ayrshareHookContext(this));
		return true;
	},

	async delete(this: IHookFunctions) {
		await unregisterAyrshareActions.call(this, ayrshareHookContext(this).state);
		return true;
	},

	/** Ayrshare has no CRC: a GET is a person or a monitor checking the URL, answered with what it is for. */
	async answerGet() {
		return {
			status: 200,
			body: {
				status: 'ok',
				source: 'ayrshare',
				message: 'This URL receives Ayrshare webhook deliveries by POST.',
			},
		};
	},

	/** Unsigned deliveries are accepted when no secret is set; the node's notice says so. */
	async verify(this: IWebhookFunctions, rawBody: Buffer) {
		const secret = await ayrshareWebhookSecret.call(this);
		if (!secret) return null;
		const headers = this.getHeaderData() as Record<string, unknown>;
		if (!verifyAyrshareSignature(secret, rawBody, headers))
			return { status: 401, body: BAD_SIGNATURE };
		const maxSkew = optionsOf(this).maxTimestampSkew ?? DEFAULT_MAX_TIMESTAMP_SKEW_SECONDS;
		const stale = timestampProblem(headers[AYRSHARE_TIMESTAMP_HEADER], maxSkew, Date.now());
		return stale
			? {
					status: 401,
					body: {
						error: `${stale} Check n8n’s clock, or raise Max Timestamp Skew (0 turns the check off).`,
					},
				}
			: null;
	},

	/**
	 * A primary-profile webhook receives every profile's events; and a retry of a delivery already
	 * accepted (its answer was lost) must not run the workflow twice, even when its items would pass.
	 */
	skip(this: IWebhookFunctions, body, _state, memory) {
		const options = optionsOf(this);
		const refIds = refIdFilter(options);
		if (refIds.length && !refIds.includes(String(body.refId ?? '')))
			return 'another profile (refId not selected)';
		const { hookId, retryAttempt } = body;
		if (!memory || typeof hookId !== 'string' || !hookId) return null;
		return isRedelivery(
			memory,
			'ayrshare',
			hookId,
			typeof retryAttempt === 'number' && retryAttempt > 0,
		)
			? 'redelivery of an accepted hookId'
			: null;
	},

	normalize(body, state) {
		return normalizeAyrshare(body, { linkedXUserId: state.ayrshareLinkedXUserId ?? null });
	},
};
