import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEFAULT_AYRSHARE } from '../../emulator/defaults';
import { SEEDED_PROFILE_KEY } from '../../emulator/ayrshare/state';

export const AYRSHARE_TEST_SECRET = 'ayrshare-webhook-secret-1';

/** The Ayrshare credential against the emulator, acting on its seeded User Profile. */
export function ayrshareCredentials(
	emulatorUrl: string,
	webhookSecret: string = AYRSHARE_TEST_SECRET,
	profileKey: string = SEEDED_PROFILE_KEY,
): Record<string, ICredentialDataDecryptedObject> {
	return {
		ayrshareApi: {
			apiKey: DEFAULT_AYRSHARE.apiKey,
			profileKey,
			webhookSecret,
			baseUrl: `${emulatorUrl}/api`,
		},
	};
}
