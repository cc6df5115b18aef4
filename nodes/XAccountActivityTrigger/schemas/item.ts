import { z } from 'zod';

/**
 * The normalized item every route emits (docs/contract.md, "The normalized item"). Field names are contract.
 * Absent parts are `null`, never missing, so spreadsheet and CRM mappings see stable columns.
 */
export const userRefSchema = z.object({
	id: z.string(),
	username: z.string().nullable(),
	name: z.string().nullable(),
	profileImageUrl: z.string().nullable(),
	followersCount: z.number().nullable(),
	verified: z.boolean().nullable(),
});

export const mediaSchema = z.object({ type: z.string().nullable(), url: z.string().nullable() });

export const postSchema = z.object({
	id: z.string(),
	text: z.string().nullable(),
	url: z.string().nullable(),
	lang: z.string().nullable(),
	authorId: z.string().nullable(),
	inReplyToPostId: z.string().nullable(),
	inReplyToUserId: z.string().nullable(),
	quotedPostId: z.string().nullable(),
	repostedPostId: z.string().nullable(),
	mentions: z.array(z.object({ id: z.string().nullable(), username: z.string().nullable() })),
	hashtags: z.array(z.string()),
	urls: z.array(z.string()),
	media: z.array(mediaSchema),
});

export const messageSchema = z.object({
	id: z.string().nullable(),
	text: z.string().nullable(),
	senderId: z.string().nullable(),
	recipientId: z.string().nullable(),
	direction: z.enum(['received', 'sent']).nullable(),
	urls: z.array(z.string()),
	media: z.array(mediaSchema),
});

export const replaySchema = z.object({
	jobId: z.string().nullable(),
	state: z.string().nullable(),
	description: z.string().nullable(),
});

export const profileChangeSchema = z.object({
	field: z.string(),
	before: z.unknown(),
	after: z.unknown(),
});

export const ayrshareInfoSchema = z
	.object({
		action: z.string().nullable(),
		refId: z.string().nullable(),
		hookId: z.string().nullable(),
		title: z.string().nullable(),
	})
	.passthrough();

export const sourceSchema = z.enum(['aaa', 'xaa', 'ayrshare']);

export const itemSchema = z.object({
	event: z.string(),
	kinds: z.array(z.string()).min(1),
	eventId: z.string(),
	source: sourceSchema,
	forUserId: z.string().nullable(),
	createdAt: z.string().nullable(),
	actor: userRefSchema.nullable(),
	target: userRefSchema.nullable(),
	post: postSchema.nullable(),
	message: messageSchema.nullable(),
	replay: replaySchema.nullable(),
	profile: profileChangeSchema.nullable(),
	ayrshare: ayrshareInfoSchema.nullable(),
	raw: z.unknown().optional(),
});

export type UserRef = z.infer<typeof userRefSchema>;
export type Media = z.infer<typeof mediaSchema>;
export type Post = z.infer<typeof postSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Item = z.infer<typeof itemSchema>;

type ItemCore = Pick<Item, 'event' | 'kinds' | 'eventId' | 'source' | 'forUserId' | 'createdAt'>;

/** Builds an item with every optional part set to `null`, so each normalizer only states what it knows. */
export function makeItem(core: ItemCore, parts: Partial<Omit<Item, keyof ItemCore>> = {}): Item {
	return {
		...core,
		actor: null,
		target: null,
		post: null,
		message: null,
		replay: null,
		profile: null,
		ayrshare: null,
		...parts,
	};
}
