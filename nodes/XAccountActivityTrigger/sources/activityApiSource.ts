import { type IHookFunctions, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { getAuthenticatedUser } from '../../shared/api/xUsers';
import { createActivitySubscription, deleteActivitySubscriptions, listActivitySubscriptions } from '../../shared/api/xActivity';
import type { DeleteResult } from '../../shared/api/xActivityDeleteResults';
import { eventRow } from '../../shared/eventCatalog';
import { normalizeXaa } from '../normalize/activityApi';
import { parseXError, xErrorReason } from '../../shared/transport/xErrors';
import type { Item } from '../schemas/item';
import type { XWebhook } from '../../shared/schemas/xResponses';
import type { TriggerState } from '../triggerState';
import type { TriggerSource } from './triggerSource';
import { type PlannedSubscription, findMatching, subscriptionPlan, triggerTag } from './xaaPlan';
import { type HookContext, ensureXWebhook, existingValidWebhook, hookContext, releaseXWebhook } from './xWebhookRegistration';
import { xReceiver } from './xReceiver';

/** X Activity API: the same webhook as AAA, and one subscription per event type the selection needs. */

interface Account {
	id: string;
	username?: string;
}

/**
 * The account is read from the credential on every activation, never taken from static data: when
 * the credential is switched to another account while the webhook stays, the filters must name
 * the new one (X refuses private types for any account but the token's).
 */
async function plan(this: IHookFunctions, context: HookContext, webhook: XWebhook): Promise<{ account: Account; planned: PlannedSubscription[] }> {
	const account: Account = await getAuthenticatedUser.call(this);
	context.state.subscribedUserId = account.id;
	const selected = this.getNodeParameter('events', ['*']) as string[];
	return { account, planned: subscriptionPlan(selected, account.id, webhook.id, triggerTag(context.url)) };
}

const accountName = (account: Account) => (account.username ? `@${account.username} (${account.id})` : account.id);

/** Why X refused, in words that point at what to change (docs/x-activity-api.md, "When X refuses a subscription"). */
function cause(planned: PlannedSubscription, account: Account, error: unknown): string {
	const { info } = planned;
	const api = error instanceof NodeApiError ? error : null;
	const status = Number(api?.httpCode ?? (api?.context.httpStatus as number | undefined));
	const label = eventRow(info.event)?.name ?? info.event;
	const reason = xErrorReason(error);
	const problemType = String((api?.errorResponse as { type?: unknown } | undefined)?.type ?? '');
	const userContext = reason === 'UserNotAuthorized' || reason === 'UserContextRequired' || problemType.endsWith('/unsupported-authentication');
	if (status === 403 && info.privacy !== 'public' && userContext) {
		return (
			`"${info.type}" is a private X event: X creates it only for the account that authorized your app, signed with that account’s own token. ` +
			`The subscription was for ${accountName(account)}, the account of the X OAuth1 User credential. Check that the credential’s Access Token and Secret ` +
			'were generated for that account in your X app (direct message and chat events need the app permission "Read, Write and Direct Messages"; ' +
			'regenerate the token after changing it), then activate the workflow again.'
		);
	}
	if (status === 403) return `Your X app’s access does not include "${info.type}". Deselect “${label}” in Events, or ask X to enable it for your app.`;
	return `Deselect “${label}” in Events, or fix what X named.${api?.description ? ` ${api.description}` : ''}`;
}

/**
 * Names the refused event type, the account and X's own reason in the message, which is what n8n
 * shows for a failed activation: the user must know which selection to drop, or what to fix.
 */
function refusal(this: IHookFunctions, planned: PlannedSubscription, account: Account, error: unknown): NodeOperationError {
	const api = error instanceof NodeApiError ? error : null;
	const said = (api && parseXError(api.errorResponse).detail) ?? api?.message ?? String((error as Error)?.message ?? error);
	return new NodeOperationError(this.getNode(), `X refused the "${planned.request.event_type}" subscription for account ${accountName(account)}: ${said}`, {
		description: `${cause(planned, account, error)} Nothing this activation created was left behind.`,
	});
}

/** An id X no longer knows is as good as deleted; any other failure is reported, naming the ids. */
function failedDeletes(results: readonly DeleteResult[]): DeleteResult[] {
	return results.filter((result) => !result.deleted && result.reason !== 'SubscriptionNotFound');
}

function deleteFailure(this: IHookFunctions, failed: readonly DeleteResult[], what: string): NodeOperationError {
	const list = failed.map((f) => `${f.id}${f.error ? ` (${f.error})` : ''}`).join(', ');
	return new NodeOperationError(this.getNode(), `X did not delete ${failed.length === 1 ? 'a subscription' : `${failed.length} subscriptions`} ${what}: ${list}`, {
		description: 'Delete them with the X Account Activity node (Activity Subscription → Delete); while they exist X bills the events they deliver.',
	});
}

/** Creates what is missing; on any refusal, removes what this call created and fails. */
async function subscribe(this: IHookFunctions, context: HookContext, webhook: XWebhook): Promise<void> {
	const { state } = context;
	const { account, planned } = await plan.call(this, context, webhook);
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
			created.push((await createActivitySubscription.call(this, wanted.request)).subscription_id);
		} catch (error) {
			if (created.length) await deleteActivitySubscriptions.call(this, created).catch(() => undefined);
			throw refusal.call(this, wanted, account, error);
		}
	}
	// Recorded before pruning, so a failure below cannot orphan what this activation created.
	state.activitySubscriptions = [...kept, ...created];
	// Ours from before but no longer selected (or for an account the credential no longer is): they
	// would only deliver, and bill, events the workflow drops.
	const stale = [...owned].filter((id) => !kept.includes(id) && existing.some((s) => s.subscription_id === id));
	if (!stale.length) return;
	const failed = failedDeletes(await deleteActivitySubscriptions.call(this, stale));
	if (failed.length) throw deleteFailure.call(this, failed, 'that the trigger no longer needs');
}

export const xaaSource: TriggerSource = {
	async checkExists(this: IHookFunctions) {
		const context = hookContext(this);
		const webhook = await existingValidWebhook.call(this, context);
		if (!webhook) return false;
		if (context.options.subscribeOnActivation === false) return true;
		const { planned } = await plan.call(this, context, webhook);
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
			const failed = remaining.length ? failedDeletes(await deleteActivitySubscriptions.call(this, remaining.map((s) => s.subscription_id))) : [];
			delete state.activitySubscriptions;
			if (failed.length) throw deleteFailure.call(this, failed, 'on deactivation');
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
