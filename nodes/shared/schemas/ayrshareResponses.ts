import { z } from 'zod';

/** Ayrshare API responses this package reads (docs/ayrshare.md). Unknown fields pass through. */

export const profileCreatedSchema = z
	.object({
		status: z.string().optional(),
		title: z.string().optional(),
		refId: z.string(),
		profileKey: z.string(),
	})
	.passthrough();

export const profileSchema = z
	.object({ title: z.string().optional(), refId: z.string().optional() })
	.passthrough();

export const profilePageSchema = z
	.object({
		profiles: z.array(profileSchema).default([]),
		count: z.number().optional(),
		pagination: z
			.object({ hasMore: z.boolean().optional(), nextCursor: z.string().nullish() })
			.passthrough()
			.optional(),
	})
	.passthrough();

export const statusSchema = z
	.object({ status: z.string().optional(), refId: z.string().optional() })
	.passthrough();

export const linkSchema = z.object({ url: z.string() }).passthrough();

export const webhookRegisteredSchema = z
	.object({
		status: z.string().optional(),
		action: z.string(),
		url: z.string().optional(),
		refId: z.string().optional(),
	})
	.passthrough();

/** Keys of the webhook list that describe the answer, not a registered action. */
const LIST_META_KEYS = new Set([
	'status',
	'updated',
	'created',
	'refId',
	'code',
	'message',
	'count',
]);

const isHttpUrl = (value: string): boolean => /^https?:\/\/\S/i.test(value.trim());

/**
 * The list is an object keyed by action, each holding the URL (or an object with `url`); it
 * becomes one entry per action, which is what a workflow iterates over. Only an http(s) URL makes
 * an action: the answer's other fields (`status`, `lastUpdated`, `nextUpdate`, …) do not.
 */
export const webhookListSchema = z.record(z.unknown()).transform((body) =>
	Object.entries(body).flatMap(([action, value]) => {
		if (LIST_META_KEYS.has(action)) return [];
		if (typeof value === 'string')
			return isHttpUrl(value) ? [{ action, url: value, updated: body.updated ?? null }] : [];
		if (
			value &&
			typeof value === 'object' &&
			typeof (value as { url?: unknown }).url === 'string'
		) {
			return [
				{ action, ...(value as Record<string, unknown>), url: (value as { url: string }).url },
			];
		}
		return [];
	}),
);

/** Field names beyond `platform` are unconfirmed by a published example: accept `id` or `userId`. */
const displayNameSchema = z
	.object({
		platform: z.string(),
		id: z.union([z.string(), z.number()]).optional(),
		userId: z.union([z.string(), z.number()]).optional(),
		username: z.string().optional(),
		displayName: z.string().optional(),
		profileUrl: z.string().optional(),
	})
	.passthrough();

export const userSchema = z
	.object({
		activeSocialAccounts: z.array(z.string()).optional(),
		displayNames: z.array(displayNameSchema).default([]),
	})
	.passthrough();

export type AyrshareProfile = z.infer<typeof profileSchema>;
export type AyrshareWebhookEntry = z.infer<typeof webhookListSchema>[number];
export type AyrshareUser = z.infer<typeof userSchema>;
