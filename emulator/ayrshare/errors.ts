import { ReplyError } from '../core/reply';

/**
 * Ayrshare's error body: `{status: "error", code, message}`. Some failures come with HTTP 200
 * (the body's status is what says it failed), which is why `status` is a parameter here.
 * Codes are the emulator's own: Ayrshare documents their shape, not a full table.
 */
export function ayrshareErrorBody(code: number, message: string): Record<string, unknown> {
	return { action: 'request', status: 'error', code, message };
}

export function ayrshareError(status: number, code: number, message: string): ReplyError {
	return new ReplyError({ status, body: ayrshareErrorBody(code, message) });
}

export const DEFAULT_MESSAGES: Record<number, string> = {
	400: 'Bad request.',
	401: 'API Key not valid. Check the Authorization header.',
	403: 'Access denied.',
	404: 'Not found.',
	429: 'Too many requests. Please wait before sending more requests.',
	500: 'Internal server error.',
	503: 'Service unavailable.',
};
