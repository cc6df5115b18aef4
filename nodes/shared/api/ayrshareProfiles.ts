import type { IDataObject } from 'n8n-workflow';

import {
	type AyrshareProfile,
	linkSchema,
	profileCreatedSchema,
	profilePageSchema,
	statusSchema,
} from '../schemas/ayrshareResponses';
import { type AyrshareRequestContext, ayrshareApiRequest } from '../transport/ayrshareApi';
import { PRIMARY_PROFILE } from '../transport/ayrshareProfileKey';
import { parseResponse } from './parse';

/** Ayrshare User Profiles (docs/ayrshare.md). Creating and listing act on the primary profile. */

export const X_ACCOUNT_ACTIVITY_HINT =
	'X Account Activity must first be enabled for your account by Ayrshare (ask your account representative), and an "accountActivity" webhook must be registered for the profile (Ayrshare Webhook → Register).';

export async function createProfile(this: AyrshareRequestContext, fields: IDataObject) {
	const body = await ayrshareApiRequest.call(this, {
		method: 'POST',
		path: '/profiles',
		body: fields,
		profileKey: PRIMARY_PROFILE,
	});
	return parseResponse(this.getNode(), profileCreatedSchema, body, 'creating the profile');
}

/**
 * Follows `nextCursor` until `limit` profiles are collected (no limit: every page). An empty page
 * or a cursor seen before ends the list, so a service that keeps answering with a cursor cannot
 * keep the execution paging forever.
 */
export async function listProfiles(
	this: AyrshareRequestContext,
	filters: IDataObject,
	limit?: number,
): Promise<AyrshareProfile[]> {
	const profiles: AyrshareProfile[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	do {
		const qs: IDataObject = {
			...filters,
			...(cursor ? { cursor } : {}),
			...(limit ? { limit: Math.min(limit - profiles.length, 100) } : {}),
		};
		const body = await ayrshareApiRequest.call(this, {
			method: 'GET',
			path: '/profiles',
			qs,
			profileKey: PRIMARY_PROFILE,
		});
		const page = parseResponse(this.getNode(), profilePageSchema, body, 'listing profiles');
		profiles.push(...page.profiles);
		if (cursor) seen.add(cursor);
		const next =
			page.pagination?.hasMore === false || page.profiles.length === 0
				? undefined
				: (page.pagination?.nextCursor ?? undefined);
		cursor = next && !seen.has(next) ? next : undefined;
	} while (cursor && (!limit || profiles.length < limit));
	return limit ? profiles.slice(0, limit) : profiles;
}

export async function updateProfile(
	this: AyrshareRequestContext,
	profileKey: string | undefined,
	fields: IDataObject,
) {
	const hint = 'xAccountActivityActive' in fields ? X_ACCOUNT_ACTIVITY_HINT : undefined;
	const body = await ayrshareApiRequest.call(this, {
		method: 'PATCH',
		path: '/profiles',
		body: fields,
		profileKey,
		hint,
	});
	return parseResponse(this.getNode(), statusSchema, body, 'updating the profile');
}

export async function deleteProfile(this: AyrshareRequestContext, profileKey: string) {
	const body = await ayrshareApiRequest.call(this, {
		method: 'DELETE',
		path: '/profiles',
		profileKey,
	});
	return parseResponse(this.getNode(), statusSchema, body, 'deleting the profile');
}

/** A single sign-on link (JWT) that lets the profile's owner connect social accounts. */
export async function generateProfileLink(this: AyrshareRequestContext, fields: IDataObject) {
	const body = await ayrshareApiRequest.call(this, {
		method: 'POST',
		path: '/profiles/generateJWT',
		body: fields,
		// The profile travels in the body here; a header naming another profile would contradict it.
		profileKey: PRIMARY_PROFILE,
		hint: 'The Private Key and Domain (set in the Ayrshare credential) come from Ayrshare’s onboarding for your Business plan (the "Social Accounts Linking" page).',
	});
	return parseResponse(this.getNode(), linkSchema, body, 'generating the link');
}
