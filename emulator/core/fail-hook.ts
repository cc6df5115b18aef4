import { matchPath, parseJsonBody, type Handler } from './router';
import { json, type Reply } from './reply';

/** A canned answer for the next `times` requests matching method + path (path uses the router's `:param` syntax). */
export interface FailRule {
	method: string;
	path: string;
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	times: number;
}

/** Consumes one use of the first matching rule; the caller builds the reply so each service can add its own defaults. */
export function takeFailRule(
	rules: FailRule[],
	method: string,
	path: string,
): FailRule | undefined {
	const index = rules.findIndex(
		(r) => (r.method === '*' || r.method === method.toUpperCase()) && matchPath(r.path, path),
	);
	if (index < 0) return undefined;
	const rule = rules[index];
	rule.times--;
	if (rule.times <= 0) rules.splice(index, 1);
	return { ...rule };
}

export function addFailRuleHandler(rules: FailRule[]): Handler {
	return (req): Reply => {
		const input = parseJsonBody<Partial<FailRule>>(req);
		if (!input || typeof input.path !== 'string' || typeof input.status !== 'number') {
			return json(400, { error: 'expected {method, path, status, body?, headers?, times?}' });
		}
		const rule: FailRule = {
			method: (input.method ?? '*').toUpperCase(),
			path: input.path.split('?')[0],
			status: input.status,
			body: input.body,
			headers: input.headers,
			times: input.times ?? 1,
		};
		rules.push(rule);
		return json(200, { rule });
	};
}
