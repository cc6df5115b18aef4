import { meSchema } from '../schemas/xResponses';
import { type XRequestContext, xApiRequest } from '../transport/xApi';
import { parseResponse } from './parse';

/** The credential's own account: the subscriber of AAA and the `user_id` of XAA filters. */
export async function getAuthenticatedUser(this: XRequestContext) {
	const body = await xApiRequest.call(this, 'user', { method: 'GET', path: '/2/users/me' });
	return parseResponse(this.getNode(), meSchema, body, 'reading the authenticated account').data;
}
