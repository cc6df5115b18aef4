import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A round-robin HTTP proxy in front of n8n's webhook processes, as a load balancer without
 * sticky sessions would be: request n goes to target n mod k. Bodies and headers are passed
 * through byte for byte (signatures are over the raw body).
 */
export interface RoundRobinProxy {
	url: string;
	/** Requests forwarded to each target, in target order. */
	counts: number[];
	/** The processes behind it (known only once they run, while the proxy's URL is needed before). */
	setTargets(urls: string[]): void;
	/** Round robin over all targets (default), or every request to one target. */
	route(mode: 'round-robin' | number): void;
	close(): Promise<void>;
}

export async function startRoundRobinProxy(
	initialTargets: string[] = [],
): Promise<RoundRobinProxy> {
	// No keep-alive: n8n closes idle sockets after 5 s, and a request sent on one being closed fails
	// with "socket hang up" (measured); a connection per request costs little here.
	const agent = new Agent({ keepAlive: false, maxSockets: 64 });
	let targets = [...initialTargets];
	const counts = targets.map(() => 0);
	let mode: 'round-robin' | number = 'round-robin';
	let next = 0;

	const forward = (req: IncomingMessage, res: ServerResponse) => {
		if (!targets.length) {
			res
				.writeHead(503, { 'content-type': 'application/json' })
				.end(JSON.stringify({ error: 'proxy: no webhook process yet' }));
			return;
		}
		const index = mode === 'round-robin' ? next++ % targets.length : mode;
		counts[index] += 1;
		const target = new URL(req.url ?? '/', targets[index]);
		const upstream = request(
			target,
			{ method: req.method, headers: req.headers, agent },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: `proxy: ${error.message}` }));
		});
		req.pipe(upstream);
	};

	const server = createServer(forward);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		counts,
		setTargets(urls) {
			targets = [...urls];
			counts.splice(0, counts.length, ...urls.map(() => 0));
			next = 0;
		},
		route(to) {
			if (to !== 'round-robin' && !(to >= 0 && to < targets.length))
				throw new Error(`no target ${to}`);
			mode = to;
		},
		async close() {
			agent.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
