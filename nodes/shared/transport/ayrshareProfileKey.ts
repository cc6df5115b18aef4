/**
 * Which Ayrshare profile a request acts on travels in the `Profile-Key` header. The transport
 * sets it when the operation names a profile, sets it to {@link PRIMARY_PROFILE} when the call
 * must act on the primary profile (creating and listing profiles), and leaves it out otherwise,
 * so the credential can fill in its default profile: the credential alone holds that key.
 */
export const PROFILE_KEY_HEADER = 'Profile-Key';

export const PRIMARY_PROFILE = '';

export function applyProfileKey(
	headers: Record<string, unknown> | undefined,
	credentialProfileKey: unknown,
): Record<string, unknown> {
	const result = { ...headers };
	if (
		result[PROFILE_KEY_HEADER] === undefined &&
		typeof credentialProfileKey === 'string' &&
		credentialProfileKey.trim()
	) {
		result[PROFILE_KEY_HEADER] = credentialProfileKey.trim();
	}
	if (result[PROFILE_KEY_HEADER] === PRIMARY_PROFILE) delete result[PROFILE_KEY_HEADER];
	return result;
}
