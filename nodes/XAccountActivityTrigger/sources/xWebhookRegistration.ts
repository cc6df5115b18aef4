import { type IHookFunctions, NodeOperationError } from 'n8n-workflow';

import {
	deleteWebhook,
	listWebhooks,
	registerWebhook,
	revalidateWebhook,
} from '../../shared/api/xWebhooks';
import type { XWebhook } from '../../shared/schemas/xResponses';
import { asNodeError } from '../../shared/transport/nodeError';
import { sameWebhookUrl } from '../../shared/transport/url';
import { xApiError } from '../../shared/transport/xErrors';
import { readCheckpoint } from '../dedupe/checkpoint';
import { recoverMissedEvents, stopRecovery } from '../recovery/missedEvents';
import { type TriggerState, clearRegistration } from '../triggerState';

/**
 * The X webhook part of activation, shared by the Account Activity API and the X Activity API
 * routes (both deliver to `/2/webhooks` registrations). n8n calls `checkExists` first and
 * `create` only when it says false, so `ensureXWebhook` must also finish half-done activations.
 */

export interface HookContext {
	url: string;
	state: TriggerState;
	options: { subscribeOnActivation?: boolean };
}

export function hookContext(hooks: IHookFunctions): HookContext {
	const url = hooks.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			hooks.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	return {
		url,
		state: hooks.getWorkflowStaticData('node') as TriggerState,
		options: hooks.getNodeParameter('options', {}) as HookContext['options'],
	};
}

async function findWebhook(this: IHookFunctions, url: string): Promise<XWebhook | undefined> {
	return (await listWebhooks.call(this)).find((webhook) => sameWebhookUrl(webhook.url, url));
}

/** Ownership survives only if it is the very webhook this node registered earlier. */
function adopt(state: TriggerState, webhook: XWebhook, url: string, created: boolean) {
	const ours = created || (state.webhookCreated === true && state.webhookId === webhook.id);
	if (state.webhookId !== webhook.id) {
		delete state.subscribedUserId;
		delete state.subscriptionCreated;
		delete state.activitySubscriptions;
	}
	Object.assign(state, { webhookId: webhook.id, webhookUrl: url, webhookCreated: ours });
}

/** The registered, valid webhook for this URL, or `undefined` when there is none that passes X's check. */
export async function existingValidWebhook(
	this: IHookFunctions,
	{ url, state }: HookContext,
): Promise<XWebhook | undefined> {
	// Read before any X call: the CRC of a re-validation below is itself a receipt.
	const lastReceipt = readCheckpoint(state).at;
	const webhook = await findWebhook.call(this, url);
	if (!webhook) {
		clearRegistration(state);
		return undefined;
	}
	adopt(state, webhook, url, false);
	if (webhook.valid === false && !(await revalidateWebhook.call(this, webhook.id)))
		return undefined;
	// n8n calls checkExists on every restart (2.8): the time n8n was away is a gap.
	await recoverGap.call(this, state, webhook.id, lastReceipt);
	return webhook;
}

function recoverGap(
	this: IHookFunctions,
	state: TriggerState,
	webhookId: string,
	lastReceipt: number | null,
): Promise<void> {
	return recoverMissedEvents.call(this, {
		webhookId,
		staticData: state,
		now: Date.now(),
		lastReceipt,
		occasion: 'activation',
		persist: true,
	});
}

/**
 * Registers the URL (or reuses its registration, re-validating it when X marked it invalid),
 * then runs `subscribe`. A webhook registered here is removed again if `subscribe` fails:
 * without its subscriptions it would only use up the plan's webhook limit.
 */
export async function ensureXWebhook(
	this: IHookFunctions,
	context: HookContext,
	subscribe: (webhook: XWebhook) => Promise<void>,
): Promise<void> {
	const { url, state } = context;
	const lastReceipt = readCheckpoint(state).at;
	let webhook = await findWebhook.call(this, url);
	const createdNow = !webhook;
	if (!webhook) webhook = await registerWebhook.call(this, url);
	adopt(state, webhook, url, createdNow);
	try {
		if (
			!createdNow &&
			webhook.valid === false &&
			!(await revalidateWebhook.call(this, webhook.id))
		) {
			throw xApiError(this.getNode(), {
				statusCode: 400,
				body: {
					errors: [
						{ message: 'CrcValidationFailed: the webhook is registered but X marks it invalid' },
					],
				},
			});
		}
		await subscribe(webhook);
		// A webhook registered just now has nothing to replay; a reused one may have missed events.
		if (!createdNow) await recoverGap.call(this, state, webhook.id, lastReceipt);
	} catch (error) {
		if (createdNow) {
			await deleteWebhook.call(this, webhook.id).catch(() => undefined);
			clearRegistration(state);
		}
		throw asNodeError(this.getNode(), error);
	}
}

/** Deletes the webhook only if this node registered it; a reused one stays. */
export async function releaseXWebhook(this: IHookFunctions, state: TriggerState): Promise<void> {
	stopRecovery(this, state);
	if (state.webhookCreated && state.webhookId) await deleteWebhook.call(this, state.webhookId);
	clearRegistration(state);
}

/** A webhook X already forgot takes its subscriptions with it: nothing left to remove. */
export async function webhookStillRegistered(
	this: IHookFunctions,
	webhookId: string,
): Promise<boolean> {
	return (await listWebhooks.call(this)).some((webhook) => webhook.id === webhookId);
}
