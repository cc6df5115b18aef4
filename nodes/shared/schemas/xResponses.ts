import { z } from 'zod';

/** X API responses this package reads (API-NOTES §1–2). Unknown fields pass through. */

export const webhookSchema = z
	.object({
		id: z.string(),
		url: z.string(),
		valid: z.boolean().optional(),
		created_at: z.string().optional(),
	})
	.passthrough();

/** An empty list comes as `{"meta":{"result_count":0}}` with no `data`. */
export const webhookListSchema = z.object({ data: z.array(webhookSchema).optional() }).passthrough();

export const webhookCreatedSchema = z.object({ data: webhookSchema }).passthrough();

export const webhookValidatedSchema = z.object({ data: z.object({ valid: z.boolean() }).passthrough() }).passthrough();

export const meSchema = z
	.object({ data: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }).passthrough() })
	.passthrough();

export const subscribedSchema = z.object({ data: z.object({ subscribed: z.boolean() }).passthrough() }).passthrough();

export type XWebhook = z.infer<typeof webhookSchema>;
