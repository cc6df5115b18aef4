import { z } from 'zod';

/**
 * X Activity API subscription answers (API-NOTES §3). X's docs and its OpenAPI spec disagree on
 * the wrapping (`data.subscription`, `data[]` or a flat `data`) and on the id's name, so every
 * documented variant parses into one shape.
 */

const subscriptionFields = z
	.object({
		subscription_id: z.union([z.string(), z.number()]).optional(),
		id: z.union([z.string(), z.number()]).optional(),
		event_type: z.string(),
		filter: z.record(z.unknown()).nullish(),
		tag: z.string().nullish(),
		webhook_id: z.union([z.string(), z.number()]).nullish(),
		created_at: z.string().optional(),
		updated_at: z.string().optional(),
	})
	.passthrough();

export const activitySubscriptionSchema = subscriptionFields
	.refine((s) => s.subscription_id !== undefined || s.id !== undefined, { message: 'subscription without an id' })
	.transform(({ subscription_id: subscriptionId, id, webhook_id: webhookId, filter, tag, ...rest }) => ({
		...rest,
		subscription_id: String(subscriptionId ?? id),
		filter: filter ?? {},
		tag: tag ?? null,
		webhook_id: webhookId === null || webhookId === undefined ? null : String(webhookId),
	}));

export type ActivitySubscription = z.infer<typeof activitySubscriptionSchema>;

export const activitySubscriptionCreatedSchema = z
	.object({
		data: z.union([
			z.object({ subscription: activitySubscriptionSchema }).transform((data) => data.subscription),
			z.array(activitySubscriptionSchema).min(1).transform((list) => list[0]),
			activitySubscriptionSchema,
		]),
	})
	.transform((body) => body.data);

export const activitySubscriptionPageSchema = z
	.object({
		data: z.array(activitySubscriptionSchema).nullish(),
		meta: z
			.object({
				next_token: z.string().nullish(),
				result_count: z.number().nullish(),
				total_subscriptions: z.number().nullish(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

/**
 * Bulk delete (`DELETE /2/activity/subscriptions?ids=`). openapi.json (v2.167) answers one entry
 * per id, `{data: [{deleted, subscription_id}], errors: [{message, reason, subscription_id}],
 * meta: {total_subscriptions}}`; an older rendered page shows one `{data: {deleted}}` for the
 * batch with per-id `errors`. Both parse.
 */
export const activitySubscriptionsDeletedSchema = z
	.object({
		data: z
			.union([
				z.array(z.object({ deleted: z.boolean().nullish(), subscription_id: z.union([z.string(), z.number()]).nullish() }).passthrough()),
				z.object({ deleted: z.boolean() }).passthrough(),
			])
			.nullish(),
		errors: z.array(z.record(z.unknown())).nullish(),
		meta: z.record(z.unknown()).nullish(),
	})
	.passthrough();

export type ActivitySubscriptionsDeleted = z.infer<typeof activitySubscriptionsDeletedSchema>;
