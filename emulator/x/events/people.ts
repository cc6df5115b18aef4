import type { XUser } from '../../options';

/**
 * The users events are built from. Unknown ids or @names get a plausible stand-in, so overrides like
 * `actorId` or a mention in a custom text never fail.
 */
export class People {
	constructor(private readonly users: XUser[]) {}

	byId(id: string): XUser {
		return this.users.find((u) => u.id === id) ?? this.standIn(id, `user${id.slice(-6)}`);
	}

	byName(screenName: string): XUser {
		const found = this.users.find((u) => u.username.toLowerCase() === screenName.toLowerCase());
		// A stable id per name keeps repeated mentions of the same stranger consistent.
		return (
			found ?? this.standIn(String(1700000000000000000n + BigInt(hashName(screenName))), screenName)
		);
	}

	/** The first known user that is not `excludeId`: the default other party of an interaction. */
	other(excludeId: string): XUser {
		return this.users.find((u) => u.id !== excludeId) ?? this.standIn('1234567890', 'someone');
	}

	private standIn(id: string, username: string): XUser {
		return {
			id,
			username,
			name: username,
			profileImageUrl: `https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png`,
			followersCount: 0,
			friendsCount: 0,
			statusesCount: 1,
			verified: false,
			description: '',
			location: '',
			createdAt: '2020-01-01T00:00:00.000Z',
		};
	}
}

function hashName(name: string): number {
	let h = 0;
	for (const c of name.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
	return h;
}
