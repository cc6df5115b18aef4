/** What a route handler answers. `raw` wins over `body` so a service can choose its own serialisation. */
export interface Reply {
	status: number;
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
}

/** Thrown by handlers to short-circuit with a ready-made error reply (keeps handlers linear). */
export class ReplyError extends Error {
	constructor(public readonly reply: Reply) {
		super(`HTTP ${reply.status}`);
	}
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, body, headers };
}
