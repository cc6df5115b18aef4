import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run emulator` on a fresh start: the banner says how to attach an n8n, and its own example
 * commands deliver an event (to the emulator's inbox) without anything else running.
 */
const root = join(__dirname, '../../..');

function startCli(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--quiet', ...args],
			{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		const timer = setTimeout(() => reject(new Error(`no banner within 30 s: ${out}`)), 30_000);
		child.stdout?.on('data', (chunk) => {
			out += chunk;
			if (/Example[^\n]*\n[\s\S]*curl -s \S+inbox|Example \(once/.test(out)) {
				clearTimeout(timer);
				resolve({ child, banner: out });
			}
		});
		child.on('exit', (code) => reject(new Error(`emulator CLI exited (${code}): ${out}`)));
	});
}

describe('npm run emulator', () => {
	let child: ChildProcess | undefined;
	afterEach(() => child?.kill('SIGTERM'));

	it('explains how to point an n8n at it, and its example delivers on a fresh start', async () => {
		const started = await startCli([]);
		child = started.child;
		const { banner } = started;
		const url = /listening on (http:\/\/\S+)/.exec(banner)![1];
		expect(banner).toContain('Point your own n8n at it');
		expect(banner).toContain(`Base URL ${url}`);
		expect(banner).toContain('WEBHOOK_URL');

		const example = banner.slice(banner.indexOf('Example'));
		const [, postUrl, body] =
			/curl -s -X POST (\S+) -H 'content-type: application\/json' -d '([^']+)'/.exec(example)!;
		expect(JSON.parse(body)).toEqual({ type: 'dm.received' });
		const fired = (await (
			await fetch(postUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
			})
		).json()) as {
			deliveries: Array<{ status: number }>;
			note?: string;
		};
		expect(fired.note).toBeUndefined();
		expect(fired.deliveries.map((d) => d.status)).toEqual([200]);

		const [, inboxUrl] = /curl -s (http\S+inbox)\n/.exec(example)!;
		const { received } = (await (await fetch(inboxUrl)).json()) as {
			received: Array<{ signatureValid: boolean; body: { direct_message_events?: unknown[] } }>;
		};
		expect(received).toHaveLength(1);
		expect(received[0].signatureValid).toBe(true);
		expect(received[0].body.direct_message_events).toHaveLength(1);
	}, 60_000);

	it('without the inbox, the example waits for an attached workflow and says so', async () => {
		const started = await startCli(['--no-inbox']);
		child = started.child;
		expect(started.banner).toContain('Example (once a workflow is active');
	}, 60_000);
});
