import type { z } from 'zod';

import type { directMessageEventSchema } from '../schemas/accountActivityPayload';
import type { Message, Post } from '../schemas/item';
import { expandedUrls, mediaFromEntities } from './legacyObjects';
import { idOf, postUrl, strOrNull } from './values';

/**
 * Item parts whose source shape is the same on every X route: Account Activity and the X Activity
 * API both deliver DMs as legacy `message_create` events and deleted posts as bare ids.
 */

type DirectMessageEvent = z.infer<typeof directMessageEventSchema>;

export function messageFromDm(event: DirectMessageEvent, direction: Message['direction']): Message {
	const create = event.message_create;
	const data = create.message_data;
	return {
		id: idOf(event.id),
		text: strOrNull(data?.text),
		senderId: idOf(create.sender_id),
		recipientId: idOf(create.target.recipient_id),
		direction,
		urls: expandedUrls(data?.entities),
		media: data?.attachment?.media ? mediaFromEntities([data.attachment.media]) : [],
	};
}

/** `dm.read` says only up to which message the conversation was read. */
export function readMarker(lastReadId: string | null): Message {
	return {
		id: lastReadId,
		text: null,
		senderId: null,
		recipientId: null,
		direction: null,
		urls: [],
		media: [],
	};
}

/** A post known only by its id and author (a deleted post, a liked post X did not include). */
export function postStub(id: string, authorId: string | null): Post {
	return {
		id,
		text: null,
		url: postUrl(id, null),
		lang: null,
		authorId,
		inReplyToPostId: null,
		inReplyToUserId: null,
		quotedPostId: null,
		repostedPostId: null,
		mentions: [],
		hashtags: [],
		urls: [],
		media: [],
	};
}
