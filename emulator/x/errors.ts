import { ReplyError } from '../core/reply';

/**
 * X's v2 error bodies. 400s carry the reason as a `Reason: details` message prefix, which is what
 * clients are told to match on.
 */
export function invalidRequest(reason: string, details: string): ReplyError {
	return new ReplyError({
		status: 400,
		body: {
			errors: [{ message: `${reason}: ${details}` }],
			title: 'Invalid Request',
			detail: 'One or more parameters to your request was invalid.',
			type: 'https://api.twitter.com/2/problems/invalid-request',
		},
	});
}

const STATUS_TITLES: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

/** The `about:blank` problem shape X uses for plain HTTP failures. */
export function problemBody(status: number): Record<string, unknown> {
	const title = STATUS_TITLES[status] ?? 'Error';
	return { title, type: 'about:blank', status, detail: title };
}

export function problem(status: number): ReplyError {
	return new ReplyError({ status, body: problemBody(status) });
}

const AUTH_TYPE_NAMES = {
	app: 'OAuth 2.0 Application-Only',
	user: 'OAuth 1.0a User Context',
} as const;

/** X's answer when the credentials are valid but of a kind the endpoint does not accept. */
export function unsupportedAuthentication(
	used: 'app' | 'user',
	accepted: ReadonlyArray<'app' | 'user'>,
): ReplyError {
	// X lists OAuth 2.0 User Context too wherever OAuth 1.0a user context is accepted.
	const names = accepted.flatMap((k) =>
		k === 'user' ? [AUTH_TYPE_NAMES.user, 'OAuth 2.0 User Context'] : [AUTH_TYPE_NAMES.app],
	);
	return new ReplyError({
		status: 403,
		body: {
			title: 'Unsupported Authentication',
			detail: `Authenticating with ${AUTH_TYPE_NAMES[used]} is forbidden for this endpoint.  Supported authentication types are [${names.join(', ')}].`,
			type: 'https://api.twitter.com/2/problems/unsupported-authentication',
			status: 403,
		},
	});
}
