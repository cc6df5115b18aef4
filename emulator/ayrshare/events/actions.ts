import { envelopeFields, isoSeconds, type EnvelopeScene } from './envelope';

/**
 * Ayrshare's own webhook actions, shaped after seed 002's examples. `type` picks a documented
 * variant (the example's own `type`/`subAction`); any other action gets the bare envelope.
 */

type Body = Record<string, unknown>;
type Builder = (scene: EnvelopeScene, type: string | undefined) => Body;

const later = (scene: EnvelopeScene, days: number) =>
	isoSeconds(new Date(scene.now.getTime() + days * 86_400_000));
const unixSeconds = (scene: EnvelopeScene) => Math.floor(scene.now.getTime() / 1000);

function scheduled(scene: EnvelopeScene, type: string | undefined): Body {
	const tikTok = type === 'tikTokPublished';
	const failed = type === 'error';
	const platform = tikTok ? 'tiktok' : 'facebook';
	return {
		...envelopeFields('scheduled', scene),
		...(tikTok ? { subAction: 'tikTokPublished' } : {}),
		code: failed ? 400 : 200,
		status: failed ? 'error' : 'success',
		id: 'TBAAAqAMMpoweA9wKHUp',
		errors: failed
			? [{ action: 'post', status: 'error', code: 110, message: 'Post text too long.', platform }]
			: [],
		postIds: failed
			? []
			: [
					{
						postUrl: `https://www.${platform}.com/102775127855689_361718068618052`,
						platform,
						status: 'success',
						id: '102775127855689_361718068618052',
					},
				],
		url: scene.url,
	};
}

function social(scene: EnvelopeScene, type: string | undefined): Body {
	const kind = type ?? 'link';
	return {
		...envelopeFields('social', scene),
		code: 200,
		...(kind === 'unlink'
			? { details: { status: 'error', code: 349, message: 'Account locked' } }
			: {}),
		displayName: 'Instagram Title',
		platform: 'instagram',
		...(kind === 'refresh' ? { refreshBy: later(scene, 30) } : {}),
		source: kind === 'unlink' ? 'system' : 'user',
		type: kind,
		url: scene.url,
	};
}

const MESSAGE_VARIANTS: Record<string, Body> = {
	received: {
		id: 'm_aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDUyMjEyNzA',
		mediaUrls: [],
		message: 'This is an amazing message',
		senderDetails: {
			id: '7270633706358444',
			picture: 'https://scontent.example/v/t51.jpg',
			username: 'SweetMessage',
			name: 'Sweet',
		},
		subAction: 'messageCreated',
		type: 'received',
	},
	sent: {
		id: 'm_sentMessage0000000000000000000000000000000000000000',
		mediaUrls: [],
		message: 'Thanks, we will get back to you',
		recipientDetails: {
			id: '7270633706358444',
			picture: 'https://scontent.example/v/t51.jpg',
			username: 'SweetMessage',
			name: 'Sweet',
		},
		subAction: 'messageCreated',
		type: 'sent',
	},
	read: {
		read: 1717889607802,
		readerDetails: {
			name: 'John Smith',
			id: '7101149746568444',
			picture: 'https://platform-lookaside.fbsbx.com/platform/profilepic',
		},
		subAction: 'messageRead',
		type: 'read',
	},
	reaction: { mediaUrls: [], reaction: '😮', subAction: 'reactionCreated', type: 'reaction' },
	reactionDeleted: {
		mediaUrls: [],
		reaction: '😮',
		subAction: 'reactionDeleted',
		type: 'reaction',
	},
};

function messages(scene: EnvelopeScene, type: string | undefined): Body {
	return {
		...envelopeFields('messages', scene),
		conversationId: 't_10161117434308936',
		platform: 'facebook',
		recipientId: '106638148652329',
		scheduleDate: isoSeconds(scene.now),
		senderId: '7101149746568444',
		timeStamp: unixSeconds(scene),
		...(MESSAGE_VARIANTS[type ?? 'received'] ?? MESSAGE_VARIANTS.received),
		url: scene.url,
	};
}

function batch(scene: EnvelopeScene): Body {
	return {
		...envelopeFields('batch', scene),
		batchType: 'users',
		source: 'user',
		timeStamp: unixSeconds(scene),
		type: 'batch',
		url: `https://storage.googleapis.com/batch.ayrshare.com/users/emu/users-batch-${isoSeconds(scene.now).slice(0, 10)}.json`,
		urlExpires: later(scene, 7),
		userCount: 73,
	};
}

function feed(scene: EnvelopeScene): Body {
	return {
		...envelopeFields('feed', scene),
		code: 200,
		data: {
			title: 'New release',
			link: 'https://example.com/blog/new-release',
			published: isoSeconds(scene.now),
		},
		url: scene.url,
	};
}

const BUILDERS: Record<string, Builder> = { scheduled, social, messages, batch, feed };

export const ACTION_VARIANTS: Record<string, string[]> = {
	scheduled: ['success', 'error', 'tikTokPublished'],
	social: ['link', 'unlink', 'refresh'],
	messages: Object.keys(MESSAGE_VARIANTS),
	batch: [],
	feed: [],
};

export function buildActionBody(action: string, scene: EnvelopeScene, type?: string): Body {
	const builder = BUILDERS[action];
	return builder ? builder(scene, type) : { ...envelopeFields(action, scene), url: scene.url };
}
