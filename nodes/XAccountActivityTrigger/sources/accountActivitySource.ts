import type { IHookFunctions } from 'n8n-workflow';

import { getAuthenticatedUser } from '../../shared/api/xUsers';
import {
	isUserSubscribed,
	subscribeUser,
	unsubscribeUser,
} from '../../shared/api/xAccountActivity';
import { normalizeAaa } from '../normalize/accountActivity';
import type { TriggerSource } from './triggerSource';
import {
	existingValidWebhook,
	ensureXWebhook,
	hookContext,
	releaseXWebhook,
	webhookStillRegistered,
} from './xWebhookRegistration';
import { xReceiver } from './xReceiver';

/** Account Activity API v2: one webhook, and the credential's account subscribed to it (`/all`). */
export const aaaSource: TriggerSource = {
	async checkExists(this: IHookFunctions) {
		const context = hookContext(this);
		const webhook = await existingValidWebhook.call(this, context);
		if (!webhook) return false;
		if (context.options.subscribeOnActivation === false) return true;
		return await isUserSubscribed.call(this, webhook.id);
	},

	async create(this: IHookFunctions) {
		const context = hookContext(this);
		const { state } = context;
		await ensureXWebhook.call(this, context, async (webhook) => {
			if (context.options.subscribeOnActivation === false) return;
			const me = await getAuthenticatedUser.call(this);
			const outcome = await subscribeUser.call(this, webhook.id);
			// Already subscribed is success, but not ours to remove later, unless we added it before.
			const ours =
				outcome === 'created' ||
				(state.subscriptionCreated === true && state.subscribedUserId === me.id);
			Object.assign(state, { subscribedUserId: me.id, subscriptionCreated: ours });
		});
		return true;
	},

	async delete(this: IHookFunctions) {
		const { state } = hookContext(this);
		const { webhookId, subscribedUserId } = state;
		if (!webhookId) return true;
		if (
			state.subscriptionCreated &&
			subscribedUserId &&
			(await webhookStillRegistered.call(this, webhookId))
		) {
			await unsubscribeUser.call(this, webhookId, subscribedUserId);
		}
		await releaseXWebhook.call(this, state);
		return true;
	},

	...xReceiver((body, state) =>
		normalizeAaa(body, { source: 'aaa', forUserId: state.subscribedUserId ?? null }),
	),
};
