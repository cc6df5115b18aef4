import { type IHookFunctions, NodeOperationError } from 'n8n-workflow';

import { getAyrshareUser, linkedXAccount } from '../../shared/api/ayrshareUser';
import {
	listAyrshareWebhooks,
	registerAyrshareWebhook,
	unregisterAyrshareWebhook,
} from '../../shared/api/ayrshareWebhooks';
import { sameWebhookUrl } from '../../shared/transport/url';
import { toList } from '../../shared/lists';
import { ACCOUNT_ACTIVITY } from '../normalize/ayrshareWebhook';
import { asNodeError } from '../../shared/transport/nodeError';
import { ayrshareWebhookSecret } from '../../shared/credentialSecrets';
import type { TriggerState } from '../triggerState';
import type { AyrshareTriggerOptions } from './ayrshareOptions';

/**
 * The Ayrshare side of activation: one webhook registration per action for the credential's
 * profile. Ayrshare keeps one URL per action and profile, and has no ids: ownership is the list
 * of actions this node registered itself.
 */

const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,49}$/;

interface AyrshareHookContext {
	url: string;
	state: TriggerState;
	actions: string[];
}

export function refIdFilter(options: AyrshareTriggerOptions): string[] {
	return toList(options.ayrshareRefIds);
}

export function ayrshareHookContext(hooks: IHookFunctions): AyrshareHookContext {
	const url = hooks.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			hooks.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	const options = hooks.getNodeParameter('options', {}) as AyrshareTriggerOptions;
	const actions = [
		...new Set([
			...(options.ayrshareActions ?? [ACCOUNT_ACTIVITY]),
			...toList(options.ayrshareOtherActions),
		]),
	];
	const invalid = actions.filter((action) => !ACTION_NAME.test(action));
	if (invalid.length) {
		throw new NodeOperationError(
			hooks.getNode(),
			`“${invalid.join('”, “')}” is not an Ayrshare webhook action name`,
			{
				description:
					'Action names are single words such as accountActivity or mentions. Fix “Other Ayrshare Actions” in the options.',
			},
		);
	}
	if (!actions.length)
		throw new NodeOperationError(
			hooks.getNode(),
			'Select at least one Ayrshare action in the options',
		);
	return { url, state: hooks.getWorkflowStaticData('node') as TriggerState, actions };
}

async function registeredUrls(this: IHookFunctions): Promise<Map<string, string>> {
	return new Map((await listAyrshareWebhooks.call(this)).map((entry) => [entry.action, entry.url]));
}

/** True only when every selected action already points at this URL, as this node registered it. */
export async function ayrshareActionsInPlace(
	this: IHookFunctions,
	{ url, state, actions }: AyrshareHookContext,
): Promise<boolean> {
	if (state.ayrshareUrl !== url) return false;
	const current = await registeredUrls.call(this);
	return actions.every((action) => sameWebhookUrl(current.get(action) ?? '', url));
}

/**
 * Registering an action that points elsewhere would silently take its events away from whatever
 * receives them now (another workflow, the customer's app): refuse, and say what to do.
 */
function conflictError(hooks: IHookFunctions, conflicts: Array<[string, string]>) {
	const list = conflicts.map(([action, other]) => `“${action}” → ${other}`).join('; ');
	return new NodeOperationError(hooks.getNode(), `This Ayrshare profile already sends ${list}`, {
		description:
			'Ayrshare allows one URL per action and profile, so activating would redirect those events away from where they go now. ' +
			'If that URL is no longer used, unregister the action (X Account Activity node → Ayrshare Webhook → Unregister, or the Ayrshare dashboard) and activate again; ' +
			'otherwise use another User Profile (Profile Key in the credential) or deselect the action.',
	});
}

export async function registerAyrshareActions(
	this: IHookFunctions,
	{ url, state, actions }: AyrshareHookContext,
): Promise<void> {
	const current = await registeredUrls.call(this);
	const conflicts = actions.flatMap((action): Array<[string, string]> => {
		const other = current.get(action);
		return other !== undefined && !sameWebhookUrl(other, url) ? [[action, other]] : [];
	});
	if (conflicts.length) throw conflictError(this, conflicts);

	// Actions this node registered in an earlier activation stay its own to remove.
	const ownedBefore = state.ayrshareUrl === url ? (state.ayrshareActionsCreated ?? []) : [];
	const reused = actions.filter((action) => current.has(action) && !ownedBefore.includes(action));
	const created = actions.filter((action) => current.has(action) && ownedBefore.includes(action));
	const secret = (await ayrshareWebhookSecret.call(this)) ?? undefined;
	const registeredNow: string[] = [];
	try {
		for (const action of actions.filter((a) => !current.has(a))) {
			await registerAyrshareWebhook.call(this, { action, url, secret });
			registeredNow.push(action);
		}
	} catch (error) {
		// A half-done activation would leave registrations nobody removes.
		for (const action of registeredNow)
			await unregisterAyrshareWebhook.call(this, action).catch(() => undefined);
		throw asNodeError(this.getNode(), error);
	}
	Object.assign(state, {
		ayrshareUrl: url,
		ayrshareActionsCreated: [...created, ...registeredNow],
		ayrshareActionsReused: reused,
	});
	if (actions.includes(ACCOUNT_ACTIVITY)) await rememberLinkedXAccount.call(this, state);
}

/**
 * Ayrshare never says whom an accountActivity event is for; the profile's linked X account does
 * (docs/contract.md). Without it, items still flow with `forUserId: null`, so this warns instead of failing.
 */
async function rememberLinkedXAccount(this: IHookFunctions, state: TriggerState): Promise<void> {
	let problem: string | undefined;
	try {
		const linked = linkedXAccount(await getAyrshareUser.call(this));
		state.ayrshareLinkedXUserId = linked?.id ?? null;
		if (!linked)
			problem =
				'the profile has no linked X account in Ayrshare’s GET /user (displayNames has no twitter entry); link X to the profile';
	} catch (error) {
		state.ayrshareLinkedXUserId = null;
		problem = `Ayrshare’s GET /user failed: ${(error as Error).message}`;
	}
	if (problem) {
		state.ayrshareLinkedXProblem = `forUserId will be null, so own posts, sent messages and mentions cannot be told apart: ${problem}. Deactivate and activate again once fixed.`;
		this.logger.warn(`X Account Activity Trigger (Ayrshare): ${state.ayrshareLinkedXProblem}`);
	} else delete state.ayrshareLinkedXProblem;
}

/** Unregisters only the actions this node registered, and only while they still point here. */
export async function unregisterAyrshareActions(
	this: IHookFunctions,
	state: TriggerState,
): Promise<void> {
	const ours = state.ayrshareActionsCreated ?? [];
	if (ours.length && state.ayrshareUrl) {
		const current = await registeredUrls.call(this);
		for (const action of ours) {
			if (sameWebhookUrl(current.get(action) ?? '', state.ayrshareUrl))
				await unregisterAyrshareWebhook.call(this, action);
		}
	}
	for (const key of [
		'ayrshareUrl',
		'ayrshareActionsCreated',
		'ayrshareActionsReused',
		'ayrshareLinkedXUserId',
		'ayrshareLinkedXProblem',
	] as const) {
		delete state[key];
	}
}
