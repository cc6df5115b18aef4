import { type IHookFunctions, NodeOperationError } from 'n8n-workflow';

import { getAuthenticatedUser, isUserSubscribed, subscribeUser, unsubscribeUser } from '../shared/api/xAccountActivity';
import { deleteWebhook, listWebhooks, registerWebhook, revalidateWebhook, sameWebhookUrl } from '../shared/api/xWebhooks';
import type { XWebhook } from '../shared/schemas/xResponses';
import { asNodeError, xApiError } from '../shared/transport/xErrors';
import { type TriggerState, clearRegistration } from './state';

/**
 * Activation and deactivation for the Account Activity API route. n8n calls `checkExists`
 * first and `create` only when it says false, so `create` must also cope with half-finished
 * earlier activations (webhook there, subscription missing).
 */

function context(hooks: IHookFunctions) {
	const url = hooks.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(hooks.getNode(), 'n8n did not provide a webhook URL for this trigger');
	const options = hooks.getNodeParameter('options', {}) as { subscribeOnActivation?: boolean };
	return {
		url,
		state: hooks.getWorkflowStaticData('node') as TriggerState,
		subscribe: options.subscribeOnActivation !== false,
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
	}
	Object.assign(state, { webhookId: webhook.id, webhookUrl: url, webhookCreated: ours });
}

export async function aaaCheckExists(this: IHookFunctions): Promise<boolean> {
	const { url, state, subscribe } = context(this);
	const webhook = await findWebhook.call(this, url);
	if (!webhook) {
		clearRegistration(state);
		return false;
	}
	adopt(state, webhook, url, false);
	if (webhook.valid === false && !(await revalidateWebhook.call(this, webhook.id))) return false;
	if (!subscribe) return true;
	return await isUserSubscribed.call(this, webhook.id);
}

export async function aaaCreate(this: IHookFunctions): Promise<boolean> {
	const { url, state, subscribe } = context(this);
	let webhook = await findWebhook.call(this, url);
	const createdNow = !webhook;
	if (!webhook) webhook = await registerWebhook.call(this, url);
	adopt(state, webhook, url, createdNow);

	try {
		if (!createdNow && webhook.valid === false && !(await revalidateWebhook.call(this, webhook.id))) {
			throw xApiError(this.getNode(), {
				statusCode: 400,
				body: { errors: [{ message: 'CrcValidationFailed: the webhook is registered but X marks it invalid' }] },
			});
		}
		if (subscribe) {
			const me = await getAuthenticatedUser.call(this);
			const outcome = await subscribeUser.call(this, webhook.id);
			const ours = outcome === 'created' || (state.subscriptionCreated === true && state.subscribedUserId === me.id);
			Object.assign(state, { subscribedUserId: me.id, subscriptionCreated: ours });
		}
	} catch (error) {
		// Leave nothing half-registered behind: a webhook without its subscription only uses up the plan's limit.
		if (createdNow) {
			await deleteWebhook.call(this, webhook.id).catch(() => undefined);
			clearRegistration(state);
		}
		throw asNodeError(this.getNode(), error);
	}
	return true;
}

export async function aaaDelete(this: IHookFunctions): Promise<boolean> {
	const { state } = context(this);
	const { webhookId, subscribedUserId } = state;
	if (!webhookId) return true;
	// A webhook X already forgot takes its subscriptions with it: nothing left to remove.
	const webhookGone = async () => (await listWebhooks.call(this)).every((webhook) => webhook.id !== webhookId);

	if (state.subscriptionCreated && subscribedUserId && !(await webhookGone())) {
		await unsubscribeUser.call(this, webhookId, subscribedUserId);
	}
	delete state.subscribedUserId;
	delete state.subscriptionCreated;

	if (state.webhookCreated) await deleteWebhook.call(this, webhookId);
	clearRegistration(state);
	return true;
}
