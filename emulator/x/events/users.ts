import type { XUser } from '../../options';
import { twitterDate } from './time';

/** The three user shapes AAA payloads carry, all derived from one emulator user. */

/** Fields the full and the reduced legacy user shapes share, with the same values. */
function legacyCore(u: XUser): Record<string, unknown> {
	return {
		name: u.name,
		screen_name: u.username,
		location: u.location || null,
		url: null,
		description: u.description,
		protected: false,
		verified: u.verified,
		followers_count: u.followersCount,
		friends_count: u.friendsCount,
		listed_count: 0,
		favourites_count: 0,
		statuses_count: u.statusesCount,
		created_at: twitterDate(new Date(u.createdAt)),
		geo_enabled: false,
		lang: null,
		profile_image_url: u.profileImageUrl.replace(/^https:/, 'http:'),
		profile_image_url_https: u.profileImageUrl,
		default_profile_image: false,
	};
}

/** Full v1.1 user, as embedded in Tweet objects and favorite events: numeric `id` plus `id_str`. */
export function v1User(u: XUser): Record<string, unknown> {
	return {
		id: BigInt(u.id),
		id_str: u.id,
		...legacyCore(u),
		translator_type: 'none',
		contributors_enabled: false,
		is_translator: false,
		default_profile: true,
		following: null,
		follow_request_sent: null,
		notifications: null,
		withheld_in_countries: [],
	};
}

/** Reduced legacy user of follow/block/mute events: `id` is a string and there is no `id_str`. */
export function activityUser(u: XUser): Record<string, unknown> {
	return { id: u.id, ...legacyCore(u), utc_offset: null, time_zone: null };
}

/** Entry of the `users` map on DM events, keyed by id. */
export function dmUser(u: XUser): Record<string, unknown> {
	return {
		id: u.id,
		created_timestamp: String(Date.parse(u.createdAt)),
		name: u.name,
		screen_name: u.username,
		location: u.location || undefined,
		description: u.description,
		protected: false,
		verified: u.verified,
		followers_count: u.followersCount,
		friends_count: u.friendsCount,
		statuses_count: u.statusesCount,
		profile_image_url: u.profileImageUrl.replace(/^https:/, 'http:'),
		profile_image_url_https: u.profileImageUrl,
	};
}
