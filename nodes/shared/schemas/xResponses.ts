import { z } from 'zod';

/** X API responses this package reads (docs/x-webhooks-and-account-activity.md). Unknown fields pass through. */

export const webhookSchema = z
	.object({
		id: z.string(),
		url: z.string(),
		valid: z.boolean().optional(),
		created_at: z.string().optional(),
	})
	.passthrough();

/** An empty list comes as `{"meta":{"result_count":0}}` with no `data`. */
export const webhookListSchema = z
	.object({ data: z.array(webhookSchema).optional() })
	.passthrough();

export const webhookCreatedSchema = z.object({ data: webhookSchema }).passthrough();

export const webhookValidatedSchema = z
	.object({ data: z.object({ valid: z.boolean() }).passthrough() })
	.passthrough();

export const meSchema = z
	.object({
		data: z
			.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() })
			.passthrough(),
	})
	.passthrough();

export const subscribedSchema = z
	.object({ data: z.object({ subscribed: z.boolean() }).passthrough() })
	.passthrough();

export type XWebhook = z.infer<typeof webhookSchema>;

/** X sends counts as strings ("15"); numbers are what a workflow compares and sums. */
const countSchema = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);

export const subscriptionListSchema = z
	.object({
		data: z
			.object({
				application_id: z.string().optional(),
				webhook_id: z.string().optional(),
				webhook_url: z.string().optional(),
				subscriptions: z.array(z.object({ user_id: z.string() }).passthrough()).default([]),
			})
			.passthrough(),
	})
	.passthrough();

export const subscriptionCountSchema = z
	.object({
		data: z
			.object({
				account_name: z.string().optional(),
				provisioned_count: countSchema.optional(),
				subscriptions_count_all: countSchema.optional(),
				subscriptions_count_direct_messages: countSchema.optional(),
			})
			.passthrough(),
	})
	.passthrough();

const replayJobSchema = z
	.object({ job_id: z.string(), created_at: z.string().optional() })
	.passthrough();

/** `POST /2/webhooks/replay` wraps the job in `data`; the retired enterprise path answered it flat. */
export const replayJobCreatedSchema = z.union([
	z.object({ data: replayJobSchema }).transform((body) => body.data),
	replayJobSchema,
]);

export type XSubscriptionList = z.infer<typeof subscriptionListSchema>['data'];
export type XSubscriptionCount = z.infer<typeof subscriptionCountSchema>['data'];
export type XReplayJob = z.infer<typeof replayJobCreatedSchema>;

/** `POST /oauth2/token` (developer.x.com "POST oauth2/token"): `{"token_type":"bearer","access_token":"…"}`. */
export const appTokenSchema = z
	.object({ token_type: z.string().optional(), access_token: z.string().min(1) })
	.passthrough();
