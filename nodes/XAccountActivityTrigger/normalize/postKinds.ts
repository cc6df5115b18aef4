import type { EventName } from '../../shared/eventCatalog';

/**
 * Which kinds a post is, from the subscriber's point of view (SPEC "Normalized items").
 * Route-independent: AAA, XAA and Ayrshare each extract these facts from their own shapes.
 */
export interface PostFacts {
	forUserId: string | null;
	authorId: string | null;
	/** Author of the reposted post, when this post is a repost. */
	repostOf: { userId: string | null } | null;
	/** Author of the quoted post, when this post is a quote. */
	quoteOf: { userId: string | null } | null;
	/** User replied to, when this post is a reply. */
	replyTo: { userId: string | null } | null;
	mentionIds: readonly string[];
}

const PRECEDENCE: readonly EventName[] = ['post.repost', 'post.quote', 'post.reply', 'post.mention', 'post.created'];

export interface PostClassification {
	event: EventName;
	kinds: EventName[];
}

/**
 * A kind applies only when the subscriber is involved (by or of the subscriber). Without a
 * known subscriber every structural kind applies, so no event is silently lost.
 */
export function classifyPost(facts: PostFacts): PostClassification | null {
	const me = facts.forUserId;
	const involves = (userId: string | null | undefined) => me === null || facts.authorId === me || userId === me;
	const kinds = new Set<EventName>();

	if (facts.repostOf && involves(facts.repostOf.userId)) kinds.add('post.repost');
	if (facts.quoteOf && involves(facts.quoteOf.userId)) kinds.add('post.quote');
	if (facts.replyTo && involves(facts.replyTo.userId)) kinds.add('post.reply');
	// A repost's "RT @user" text is not a mention; nor is mentioning yourself.
	if (!facts.repostOf && me !== null && facts.authorId !== me && facts.mentionIds.includes(me)) kinds.add('post.mention');
	if (me !== null && facts.authorId === me) kinds.add('post.created');
	if (me === null && kinds.size === 0) kinds.add('post.created');

	const ordered = PRECEDENCE.filter((kind) => kinds.has(kind));
	return ordered.length ? { event: ordered[0], kinds: ordered } : null;
}
