import { z } from 'zod';

import { idLike, opt } from './zodHelpers';

/**
 * Ayrshare webhook deliveries (docs/ayrshare.md). The envelope is common to every action;
 * each documented action has a schema of its own fields, which is exactly what the item carries
 * under `ayrshare` (unknown keys are stripped there and kept in `raw`).
 */

export const ayrshareEnvelopeSchema = z
	.object({
		action: z.string().min(1),
		hookId: opt(z.string()),
		refId: opt(z.string()),
		title: opt(z.string()),
		created: opt(z.string()),
		/** 0 on the first attempt; Ayrshare counts its retries here. */
		retryAttempt: opt(z.number()),
	})
	.passthrough();

export type AyrshareEnvelope = z.infer<typeof ayrshareEnvelopeSchema>;

/**
 * A documented field: `null` when absent, and also when its type is not the documented one, so a
 * surprising value never drops the whole event (the original stays in `raw`).
 */
const field = <T extends z.ZodTypeAny>(schema: T) =>
	schema
		.nullish()
		.transform((value): z.output<T> | null => value ?? null)
		.catch(null);

const text = field(z.string());
const id = field(idLike.transform(String));
const number = field(z.number());
const anything = field(z.unknown());
const list = field(z.array(z.unknown()));

/** The common part of every item's `ayrshare` (docs/contract.md: `{action, refId, hookId, title, …}`). */
export const ayrshareCommonSchema = z.object({
	action: text,
	refId: text,
	hookId: text,
	title: text,
});

export type AyrshareCommon = z.infer<typeof ayrshareCommonSchema>;

export const AYRSHARE_ACTION_SCHEMAS = {
	/** A scheduled post was processed; `subAction: "tikTokPublished"` once TikTok made it public. */
	scheduled: z.object({
		subAction: text,
		status: text,
		code: number,
		id,
		errors: list,
		postIds: list,
	}),
	/** A profile linked, unlinked or must refresh a social network; `source` is `system` or `user`. */
	social: z.object({
		type: text,
		platform: text,
		displayName: text,
		source: text,
		details: anything,
		refreshBy: text,
		code: number,
	}),
	/** Messaging add-on: `type` received / sent / read / reaction (`subAction` says created or deleted). */
	messages: z.object({
		type: text,
		subAction: text,
		platform: text,
		conversationId: text,
		id,
		message: text,
		mediaUrls: list,
		senderId: id,
		recipientId: id,
		senderDetails: anything,
		recipientDetails: anything,
		readerDetails: anything,
		read: number,
		reaction: text,
		timeStamp: number,
	}),
	/** A batch file is ready: `url` is the pre-signed file URL (not the webhook's), valid until `urlExpires`. */
	batch: z.object({
		type: text,
		batchType: text,
		source: text,
		url: text,
		urlExpires: text,
		userCount: number,
		timeStamp: number,
	}),
	/** A new RSS item; `data` is the item as Ayrshare read it. */
	feed: z.object({ code: number, data: anything }),
} as const;

export type AyrshareDocumentedAction = keyof typeof AYRSHARE_ACTION_SCHEMAS;

export function isDocumentedAction(action: string): action is AyrshareDocumentedAction {
	return Object.prototype.hasOwnProperty.call(AYRSHARE_ACTION_SCHEMAS, action);
}
