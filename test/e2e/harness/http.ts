/** A failed call to n8n, carrying everything needed to diagnose it from a CI log alone. */
export class N8nApiError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
		logTail: string,
	) {
		super(
			`n8n ${method} ${path} → ${status}\n--- response body ---\n${body.slice(0, 4000)}\n--- n8n log (tail) ---\n${logTail}`,
		);
		this.name = 'N8nApiError';
	}
}

export interface RequestOptions {
	headers?: Record<string, string>;
	body?: unknown;
	/** Statuses that are not an error for this call. */
	ok?: number[];
}

export interface JsonResponse<T> {
	status: number;
	headers: Headers;
	body: T;
}

/** JSON over fetch; every unexpected status throws an N8nApiError with the log tail. */
export function jsonClient(baseUrl: string, logTail: () => string) {
	return async function request<T = unknown>(
		method: string,
		path: string,
		options: RequestOptions = {},
	): Promise<JsonResponse<T>> {
		const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		let response: Response;
		try {
			response = await fetch(new URL(path, baseUrl), {
				method,
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
			});
		} catch (error) {
			throw new N8nApiError(
				method,
				path,
				0,
				`request failed: ${String((error as Error).cause ?? error)}`,
				logTail(),
			);
		}
		const text = await response.text();
		const accepted = options.ok ?? [];
		if (!response.ok && !accepted.includes(response.status)) {
			throw new N8nApiError(method, path, response.status, text, logTail());
		}
		let body: unknown = text;
		if (text && (response.headers.get('content-type') ?? '').includes('json')) {
			try {
				body = JSON.parse(text);
			} catch {
				throw new N8nApiError(
					method,
					path,
					response.status,
					`unparseable JSON: ${text}`,
					logTail(),
				);
			}
		}
		return { status: response.status, headers: response.headers, body: body as T };
	};
}
