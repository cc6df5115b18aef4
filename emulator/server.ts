import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerControlRoutes } from './core/control-routes';
import { stringifyJson } from './core/json';
import { ReplyError, type Reply } from './core/reply';
import { Router, type RequestContext } from './core/router';
import { resolveOptions, type EmulatorInput, type EmulatorOptions } from './options';
import { createState, type EmulatorState } from './state';
import { registerAyrshare } from './ayrshare';
import { registerX } from './x';

export type { EmulatorInput, EmulatorOptions } from './options';
export type { EmulatorState } from './state';

export interface Emulator {
	url: string;
	port: number;
	state: EmulatorState;
	options: EmulatorOptions;
	close(): Promise<void>;
}

/** Starts the emulator on `host:port` (port 0 picks a free one). */
export async function startEmulator(opts: EmulatorInput = {}): Promise<Emulator> {
	const options = resolveOptions(opts);
	const state = createState();
	const router = new Router();
	registerControlRoutes(router, state, options);
	registerX(router, { options, state: state.x, failRules: state.failRules });
	registerAyrshare(router, { options, state: state.ayrshare, failRules: state.failRules });

	const server = http.createServer((req, res) => {
		void handle(router, req).then(
			(reply) => send(res, reply),
			(error: Error) => {
				options.log(`internal error on ${req.method} ${req.url}: ${error.stack ?? error.message}`);
				send(res, { status: 500, body: { error: error.message } });
			},
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://${options.host}:${port}`,
		port,
		state,
		options,
		close: () =>
			new Promise<void>((resolve, reject) => {
				// Keep-alive sockets from clients would otherwise hold close() open.
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}

async function handle(router: Router, req: http.IncomingMessage): Promise<Reply> {
	const rawBody = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://emulator.invalid');
	const method = (req.method ?? 'GET').toUpperCase();
	const route = router.resolve(method, url.pathname);
	if (!route) return { status: 404, body: { error: `no route ${method} ${url.pathname}` } };
	const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '')
		.split(',')[0]
		.trim();
	const ctx: RequestContext = {
		method,
		path: url.pathname,
		query: url.searchParams,
		headers: req.headers,
		rawBody,
		params: route.params,
		origin: `${forwardedProto || 'http'}://${req.headers.host ?? 'localhost'}`,
	};
	try {
		return await route.handler(ctx);
	} catch (error) {
		if (error instanceof ReplyError) return error.reply;
		throw error;
	}
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res: http.ServerResponse, reply: Reply): void {
	const raw = reply.raw ?? (reply.body === undefined ? '' : stringifyJson(reply.body));
	const headers: Record<string, string> = { ...reply.headers };
	if (raw && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
		headers['content-type'] = 'application/json; charset=utf-8';
	res.writeHead(reply.status, headers);
	res.end(raw);
}
