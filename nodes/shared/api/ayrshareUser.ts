import { type AyrshareUser, userSchema } from '../schemas/ayrshareResponses';
import { type AyrshareRequestContext, ayrshareApiRequest } from '../transport/ayrshareApi';
import { parseResponse } from './parse';

export async function getAyrshareUser(
	this: AyrshareRequestContext,
	profileKey?: string,
): Promise<AyrshareUser> {
	const body = await ayrshareApiRequest.call(this, { method: 'GET', path: '/user', profileKey });
	return parseResponse(this.getNode(), userSchema, body, 'reading the profile');
}

/** The X account linked to the profile: the only way to know whom `accountActivity` events are for. */
export function linkedXAccount(user: AyrshareUser): { id: string; username: string | null } | null {
	const entry = user.displayNames.find((d) => d.platform === 'twitter' || d.platform === 'x');
	const id = entry?.id ?? entry?.userId;
	return entry && id !== undefined ? { id: String(id), username: entry.username ?? null } : null;
}
