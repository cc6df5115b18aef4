import { type IHookFunctions, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { getAuthenticatedUser } from '../../shared/api/xUsers';
import { createActivitySubscription, deleteActivitySubscriptions, listActivitySubscriptions } from '../../shared/api/xActivity';
import { normalizeXaa } from '../normalize/activityApi';
import { parseXError } from '../../shared/transport/xErrors';
import type { Item } from '../schemas/item';
import type { XWebhook } from '../../shared/schemas/xResponses';
import { xaaEventType } from '../../shared/xaaEventTypes';
import type { TriggerState } from '../triggerState';
import type { TriggerSource } from './triggerSource';
import { type PlannedSubscription, findMatching, subscriptionPlan, triggerTag } from './xaaPlan';
import { type HookContext, ensureXWebhook, existingValidWebhook, hookContext, releaseXWebhook } from './xWebhookRegistration';
import { xReceiver } from './xReceiver';

/** X Activity API: the same webhook as AAA, and one subscription per event type the selection needs. */

async function plan(this: IHookFunctions, context: HookContext, webhook: XWebhook): Promise<PlannedSubscription[]> {
	const userId = context.state.subscribedUserId ?? (await getAuthenticatedUser.call(this)).id;
	context.state.subscribedUserId = userId;
	const selected = this.getNodeParameter('events', ['*']) as string[];
	return subscriptionPlan(selected, userId, webhook.id, triggerTag(context.url));
}

/**
 * Names the refused event type and X's own reason in the message, which is what n8n shows for a
 * failed activation: the user must know which selection to drop.
 */
function refusal(this: IHookFunctions, planned: PlannedSubscription, error: unknown): NodeOperationError {
	const type = planned.request.event_type;
	const api = error instanceof NodeApiError ? error : null;
	const reason = (api && parseXError(api.errorResponse).detail) ?? api?.message ?? String((error as Error)?.message ?? error);
	return new NodeOperationError(this.getNode(), `X refused the "${type}" subscription: ${reason}`, {
		description: `Deselect the event "${xaaEventType(type).event}" or ask X to enable "${type}" for the account; nothing this activation created was left behind.${api?.description ? ` ${api.description}` : ''}`,
	});
}

/** Creates what is missing; on any refusal, removes what this call created and fails. */
async function subscribe(this: IHookFunctions, context: HookContext, webhook: XWebhook): Promise<void> {
	const { state } = context;
	const planned = await plan.call(this, context, webhook);
	const existing = await listActivitySubscriptions.call(this);
	const owned = new Set(state.activitySubscriptions ?? []);
	const kept: string[] = [];
	const created: string[] = [];
	for (const wanted of planned) {
		const match = findMatching(existing, wanted);
		if (match) {
			// Reused, not created: removed later only if this node created it in an earlier activation.
			if (owned.has(match.subscription_id)) kept.push(match.subscription_id);
			continue;
		}
		try {
			created.push((await createActivitySubscription.call(this, wanted.auth, wanted.request)).subscription_id);
		} catch (error) {
			if (created.length) await deleteActivitySubscriptions.call(this, created).catch(() => undefined);
			throw refusal.call(this, wanted, error);
		}
	}
	// Recorded before pruning, so a failure below cannot orphan what this activation created.
	state.activitySubscriptions = [...kept, ...created];
	// Ours from before but no longer selected: they would only deliver events the workflow drops.
	const stale = [...owned].filter((id) => !kept.includes(id) && existing.some((s) => s.subscription_id === id));
	if (stale.length) await deleteActivitySubscriptions.call(this, stale);
}

export const xaaSource: TriggerSource = {
	async checkExists(this: IHookFunctions) {
		const context = hookContext(this);
		const webhook = await existingValidWebhook.call(this, context);
		if (!webhook) return false;
		if (context.options.subscribeOnActivation === false) return true;
		const planned = await plan.call(this, context, webhook);
		const existing = await listActivitySubscriptions.call(this);
		return planned.every((wanted) => findMatching(existing, wanted));
	},

	async create(this: IHookFunctions) {
		const context = hookContext(this);
		await ensureXWebhook.call(this, context, async (webhook) => {
			if (context.options.subscribeOnActivation !== false) await subscribe.call(this, context, webhook);
		});
		return true;
	},

	async delete(this: IHookFunctions) {
		const { state } = hookContext(this);
		if (!state.webhookId) return true;
		// X does not document whether XAA subscriptions die with their webhook, so they go first and
		// regardless of it; only ids X still lists, so one deleted by hand cannot block deactivation.
		const stored = new Set(state.activitySubscriptions ?? []);
		try {
			const remaining = stored.size ? (await listActivitySubscriptions.call(this)).filter((s) => stored.has(s.subscription_id)) : [];
			if (remaining.length) await deleteActivitySubscriptions.call(this, remaining.map((s) => s.subscription_id));
			delete state.activitySubscriptions;
		} finally {
			// The webhook (the only one on pay-per-use plans) is released even if a subscription could not be.
			await releaseXWebhook.call(this, state);
		}
		return true;
	},

	...xReceiver((body, state: TriggerState) => {
		const result = normalizeXaa(body, { forUserId: state.subscribedUserId ?? null });
		// X's oauth.revoke subscription cannot be filtered by user: every revoke of the app arrives.
		const others = (item: Item) => item.event === 'app.revoked' && !!state.subscribedUserId && item.forUserId !== state.subscribedUserId;
		return { ...result, items: result.items.filter((item) => !others(item)) };
	}),
};
