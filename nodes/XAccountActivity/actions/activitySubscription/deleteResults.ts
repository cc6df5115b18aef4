import type { z } from 'zod';

import type { activitySubscriptionDeletedSchema } from '../../../shared/schemas/xActivityResponses';

type DeleteAnswer = z.infer<typeof activitySubscriptionDeletedSchema>;

export interface DeleteResult {
	id: string;
	deleted: boolean;
	error?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** X names the failed id in a field (`resource_id`, or `value`/`id` in other error shapes) or, failing that, in the text. */
function names(entry: Record<string, unknown>, id: string): boolean {
	const fields = [entry.resource_id, entry.value, entry.id].filter((v) => v !== undefined && v !== null);
	if (fields.length) return fields.some((v) => String(v) === id);
	return new RegExp(`(^|\\D)${escape(id)}(\\D|$)`).test(String(entry.message ?? entry.detail ?? ''));
}

const messageOf = (entry: Record<string, unknown>) => String(entry.message ?? entry.detail ?? entry.title ?? 'X did not delete it');

/**
 * Bulk delete answers one `deleted` flag for the batch plus per-id `errors`. An id with an error
 * was not deleted; when X says nothing was deleted but names no id, every id of the batch failed.
 */
export function perIdResults(ids: readonly string[], answer: DeleteAnswer): DeleteResult[] {
	const errors = answer.errors ?? [];
	const unattributed = answer.data?.deleted === false && !ids.some((id) => errors.some((e) => names(e, id)));
	return ids.map((id) => {
		const entry = errors.find((e) => names(e, id));
		if (entry) return { id, deleted: false, error: messageOf(entry) };
		if (unattributed) return { id, deleted: false, error: errors[0] ? messageOf(errors[0]) : 'X did not delete it and gave no reason' };
		return { id, deleted: true };
	});
}
