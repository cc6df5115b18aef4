import CryptoJS from 'crypto-js';

import type { AyrshareProfile } from '../state';

/** Envelope fields every Ayrshare delivery carries (seed 002). */
export interface EnvelopeScene {
	profile: AyrshareProfile;
	url: string;
	now: Date;
	hookId?: string;
}

/** Ayrshare's 20-character delivery ids, e.g. `JC6IgqFjvDliTJ8MLqzE`. */
export function newHookId(): string {
	return CryptoJS.lib.WordArray.random(15)
		.toString(CryptoJS.enc.Base64)
		.replace(/[+/=]/g, 'x')
		.slice(0, 20);
}

export function isoSeconds(date: Date): string {
	return `${date.toISOString().slice(0, 19)}Z`;
}

export function envelopeFields(action: string, scene: EnvelopeScene): Record<string, unknown> {
	return {
		action,
		created: isoSeconds(scene.now),
		hookId: scene.hookId ?? newHookId(),
		refId: scene.profile.refId,
		title: scene.profile.title,
	};
}
