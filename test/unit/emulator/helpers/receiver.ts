import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny webhook consumer for tests. It computes HMACs with node:crypto, independently of the
 * emulator's crypto-js, so a wrong signature or CRC token on either side shows up.
 */
export interface ReceivedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export type CrcMode = 'correct' | 'wrong' | 'error' | 'slow';

export interface Receiver {
	url: string;
	requests: ReceivedRequest[];
	crcMode: CrcMode;
	/** Status answered to event POSTs. */
	eventStatus: number;
	posts(): ReceivedRequest[];
	waitFor(
		predicate: (all: ReceivedRequest[]) => boolean,
		timeoutMs?: number,
	): Promise<ReceivedRequest[]>;
	close(): Promise<void>;
}

export function hmacBase64(secret: string, message: string): string {
	return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

export function signatureValid(
	secret: string,
	body: string,
	header: string | string[] | undefined,
): boolean {
	if (typeof header !== 'string') return false;
	const expected = Buffer.from(`sha256=${hmacBase64(secret, body)}`);
	const got = Buffer.from(header);
	return expected.length === got.length && timingSafeEqual(expected, got);
}

export async function startReceiver(secret: string, path = '/hook'): Promise<Receiver> {
	const requests: ReceivedRequest[] = [];
	const receiver = {
		requests,
		crcMode: 'correct' as CrcMode,
		eventStatus: 200,
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://receiver');
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({
				method: req.method ?? '',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body,
			});
			const token = url.searchParams.get('crc_token');
			if (req.method === 'GET' && token) {
				if (receiver.crcMode === 'error') return void res.writeHead(500).end('boom');
				const answer = (): void => {
					const key = receiver.crcMode === 'wrong' ? `${secret}x` : secret;
					res
						.writeHead(200, { 'content-type': 'application/json' })
						.end(JSON.stringify({ response_token: `sha256=${hmacBase64(key, token)}` }));
				};
				if (receiver.crcMode === 'slow') setTimeout(answer, 400);
				else answer();
				return;
			}
			res.writeHead(receiver.eventStatus, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(receiver, {
		url: `http://127.0.0.1:${port}${path}`,
		posts: () => requests.filter((r) => r.method === 'POST'),
		waitFor: async (predicate: (all: ReceivedRequest[]) => boolean, timeoutMs = 3000) => {
			const deadline = Date.now() + timeoutMs;
			while (!predicate(requests)) {
				if (Date.now() > deadline)
					throw new Error(
						`receiver: condition not met within ${timeoutMs} ms (${requests.length} requests seen)`,
					);
				await new Promise((r) => setTimeout(r, 20));
			}
			return requests;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
