import type { ActivitySubscriptionsDeleted } from '../schemas/xActivityResponses';

/** What became of one id of a bulk delete. */
export interface DeleteResult {
	id: string;
	deleted: boolean;
	error?: string;
	/** X's machine-readable reason, e.g. `SubscriptionNotFound`, when it gave one. */
	reason?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * X names the failed id in a field (`subscription_id` in openapi.json; `resource_id`, `value` or
 * `id` in other error shapes) or, failing that, in the text.
 */
function names(entry: Record<string, unknown>, id: string): boolean {
	const fields = [entry.subscription_id, entry.resource_id, entry.value, entry.id].filter((v) => v !== undefined && v !== null);
	if (fields.length) return fields.some((v) => String(v) === id);
	return new RegExp(`(^|\\D)${escape(id)}(\\D|$)`).test(String(entry.message ?? entry.detail ?? ''));
}

const messageOf = (entry: Record<string, unknown>) => String(entry.message ?? entry.detail ?? entry.title ?? 'X did not delete it');

function reasonOf(entry: Record<string, unknown>): string | undefined {
	if (typeof entry.reason === 'string' && entry.reason) return entry.reason;
	return /^([A-Z][A-Za-z]+):/.exec(messageOf(entry))?.[1];
}

function failure(id: string, entry: Record<string, unknown>): DeleteResult {
	const reason = reasonOf(entry);
	return { id, deleted: false, error: messageOf(entry), ...(reason ? { reason } : {}) };
}

/**
 * One result per id asked for, from either form of X's answer. An id with an error entry was not
 * deleted. In the spec's per-id form an id is deleted when its entry says so; in the older form
 * one `deleted` flag covers the batch, and when it is false but no id is named, every id failed.
 */
export function perIdResults(ids: readonly string[], answer: ActivitySubscriptionsDeleted): DeleteResult[] {
	const errors = answer.errors ?? [];
	const data = answer.data;
	if (Array.isArray(data)) {
		return ids.map((id) => {
			const entry = errors.find((e) => names(e, id));
			if (entry) return failure(id, entry);
			const reported = data.find((d) => d.subscription_id !== undefined && d.subscription_id !== null && String(d.subscription_id) === id);
			if (reported?.deleted) return { id, deleted: true };
			return { id, deleted: false, error: reported ? 'X answered deleted: false and gave no reason' : 'X did not report this id' };
		});
	}
	const unattributed = data?.deleted === false && !ids.some((id) => errors.some((e) => names(e, id)));
	return ids.map((id) => {
		const entry = errors.find((e) => names(e, id));
		if (entry) return failure(id, entry);
		if (unattributed) return errors[0] ? failure(id, errors[0]) : { id, deleted: false, error: 'X did not delete it and gave no reason' };
		return { id, deleted: true };
	});
}
