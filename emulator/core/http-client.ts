import http from 'node:http';
import https from 'node:https';

export interface OutgoingRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string;
	timeoutMs: number;
}

/** `status` is null when no HTTP answer arrived (refused, reset, timed out); `error` says why. */
export interface OutgoingResult {
	status: number | null;
	headers: http.IncomingHttpHeaders;
	body: string;
	error?: string;
}

/** Minimal client for calls the emulator makes to webhook URLs (CRC checks, deliveries). Never throws. */
export function sendRequest(req: OutgoingRequest): Promise<OutgoingResult> {
	return new Promise((resolve) => {
		let url: URL;
		try {
			url = new URL(req.url);
		} catch {
			resolve({ status: null, headers: {}, body: '', error: 'invalid URL' });
			return;
		}
		const client = url.protocol === 'https:' ? https : http;
		const payload = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
		const headers = {
			...req.headers,
			...(payload ? { 'content-length': String(payload.length) } : {}),
		};
		const outgoing = client.request(url, { method: req.method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? null,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
			res.on('error', (e) => resolve({ status: null, headers: {}, body: '', error: e.message }));
		});
		outgoing.setTimeout(req.timeoutMs, () =>
			outgoing.destroy(new Error(`timed out after ${req.timeoutMs} ms`)),
		);
		outgoing.on('error', (e) => resolve({ status: null, headers: {}, body: '', error: e.message }));
		outgoing.end(payload);
	});
}
