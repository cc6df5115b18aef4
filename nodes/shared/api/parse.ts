import { type INode, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/** Validates a service's answer against its schema, failing with what was expected rather than a crash later. */
export function parseResponse<T extends z.ZodTypeAny>(
	node: INode,
	schema: T,
	body: unknown,
	what: string,
): z.infer<T> {
	const parsed = schema.safeParse(body);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new NodeOperationError(node, `Unexpected answer from the service for ${what}`, {
		description: `Field “${issue?.path.join('.') || '(root)'}”: ${issue?.message ?? 'invalid'}. Check the Base URL in the credential points at the real API.`,
	});
}
