import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';

export interface RequestContext {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: string;
	params: Record<string, string>;
	/** Scheme + Host header as the client addressed us; OAuth 1.0a signs this, not our bind address. */
	origin: string;
}

export type Handler = (req: RequestContext) => Reply | Promise<Reply>;

interface Route {
	method: string;
	pattern: string;
	handler: Handler;
}

/**
 * Matches `/a/:id/b` style patterns segment by segment. Shared by the router and the fail hook so
 * both understand the same path syntax.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
	const want = pattern.split('/').filter(Boolean);
	const got = path.split('/').filter(Boolean);
	if (want.length !== got.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		if (want[i].startsWith(':')) {
			try {
				params[want[i].slice(1)] = decodeURIComponent(got[i]);
			} catch {
				return undefined; // malformed %-escape: treat as no match rather than a 500
			}
		} else if (want[i] !== got[i]) return undefined;
	}
	return params;
}

/** First match wins, so register specific paths (`/2/webhooks/replay`) before parameterised ones. */
export class Router {
	private readonly routes: Route[] = [];
	private readonly fallbacks: Array<{ prefix: string; handler: Handler }> = [];

	add(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method: method.toUpperCase(), pattern, handler });
		return this;
	}

	/** Answers unmatched paths under `prefix` in that service's own not-found shape. */
	fallback(prefix: string, handler: Handler): this {
		this.fallbacks.push({ prefix, handler });
		this.fallbacks.sort((a, b) => b.prefix.length - a.prefix.length);
		return this;
	}

	resolve(
		method: string,
		path: string,
	): { handler: Handler; params: Record<string, string> } | undefined {
		for (const route of this.routes) {
			if (route.method !== method.toUpperCase()) continue;
			const params = matchPath(route.pattern, path);
			if (params) return { handler: route.handler, params };
		}
		const fallback = this.fallbacks.find((f) => path.startsWith(f.prefix));
		return fallback ? { handler: fallback.handler, params: {} } : undefined;
	}
}

export function parseJsonBody<T>(req: RequestContext): T | undefined {
	if (!req.rawBody.trim()) return undefined;
	try {
		return JSON.parse(req.rawBody) as T;
	} catch {
		return undefined;
	}
}
