import { createServer } from 'node:net';

/** A port the OS just handed out; n8n binds it a moment later (a small, accepted race). */
export async function freePort(exclude: number[] = []): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = createServer();
			server.unref();
			server.on('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const picked = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolve(picked));
			});
		});
		if (port && !exclude.includes(port)) return port;
	}
	throw new Error('freePort: could not find a free port');
}
