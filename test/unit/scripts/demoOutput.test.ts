import { summarizeFailure } from '../../../scripts/failureSummary';
import { fireCommands, injection } from '../../../scripts/demoFire';
import { displayWidth, formatTable } from '../../../scripts/table';
import { Cleanup } from '../../../scripts/demoEnvironment';

/** What `npm run demo` prints: a table that fits a 120-column terminal, a two-line failure, commands that fire more events. */
describe('demo output', () => {
	const row = (i: number) => ({
		fired: 'post.reply',
		event: 'post.reply',
		kinds: 'post.reply,post.mention,post.created',
		who: '@alice_with_a_rather_long_handle',
		whom: '@n8n_user',
		text: `@n8n_user agreed, and here is a very long reply that would wrap any terminal ${'x'.repeat(80)} ${i}`,
	});

	it('keeps every line of the table within 120 columns, cutting the widest cells with …', () => {
		const table = formatTable([row(1), row(2), { ...row(3), text: 'short' }], 120);
		const lines = table.split('\n');
		expect(lines).toHaveLength(5);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(120);
		expect(lines[0]).toMatch(/^fired\s+│ event\s+│ kinds/);
		expect(lines[2]).toContain('…');
		expect(lines[4]).toContain('short');
	});

	it('counts an emoji as two terminal columns', () => {
		expect(displayWidth('So true 👇')).toBe(10);
		const table = formatTable([{ text: `This! 👇 ${'y'.repeat(200)}` }], 20);
		expect(table.split('\n').map(displayWidth)).toEqual([4, 20, 20]);
	});

	it('leaves a table that fits alone', () => {
		const table = formatTable([{ a: '1', b: 'two' }], 120);
		expect(table).toBe('a │ b\n──┼────\n1 │ two');
	});

	it('says an install failure in two lines: the cause and the logs to read', () => {
		const error = new Error(
			'npm install n8n@2.8.4 --omit=dev failed (exit 1) in /home/u/.cache/n8n-2.8.4\n--- /home/u/.cache/n8n-2.8.4/install.log (tail) ---\nnpm error gyp ERR! stack Error: getaddrinfo ENOTFOUND nodejs.org\n',
		);
		expect(summarizeFailure(error, '/repo/.tmp/demo-failure.log').split('\n')).toEqual([
			'npm install n8n@2.8.4 --omit=dev failed (exit 1) in /home/u/.cache/n8n-2.8.4',
			'Log: /home/u/.cache/n8n-2.8.4/install.log, /repo/.tmp/demo-failure.log',
		]);
		// The harness's install error: the cause, then `log: <file>`.
		const install = new Error(
			'installing n8n 2.8.4 failed (npm install, exit 1): ETARGET: No matching version found for n8n@9.9.9.\n  log: /c/n8n-2.8.4-node20/install.log',
		);
		expect(summarizeFailure(install, '/d.log')).toBe(
			'installing n8n 2.8.4 failed (npm install, exit 1): ETARGET: No matching version found for n8n@9.9.9.\nLog: /c/n8n-2.8.4-node20/install.log, /d.log',
		);
		expect(summarizeFailure('plain', '/d.log')).toBe('plain\nLog: /d.log');
	});

	it('prints an npm and a curl command per source that fire at that source’s side door', () => {
		const lines = fireCommands('http://127.0.0.1:9', 'dm.received').join('\n');
		expect(lines).toContain('npm run fire -- dm.received\n');
		expect(lines).toContain('npm run fire -- dm.received --source xaa');
		expect(lines).toContain('npm run fire -- dm.received --source ayrshare');
		for (const source of ['aaa', 'xaa', 'ayrshare'] as const) {
			const { path, body } = injection(source, 'dm.received');
			expect(lines).toContain(
				`curl -s -X POST http://127.0.0.1:9${path} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`,
			);
		}
	});
});

describe('demo cleanup', () => {
	it('stops everything started, newest first, even when one stop fails or hangs', async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
		const stopped: string[] = [];
		const cleanup = new Cleanup();
		cleanup.add('emulator', async () => void stopped.push('emulator'));
		cleanup.add('hanging', () => new Promise<void>(() => undefined));
		cleanup.add('failing', async () => {
			stopped.push('failing');
			throw new Error('boom');
		});
		cleanup.add('n8n', async () => void stopped.push('n8n'));
		const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
		const done = cleanup.run();
		await jest.advanceTimersByTimeAsync(16_000);
		await done;
		stderr.mockRestore();
		jest.useRealTimers();
		expect(stopped).toEqual(['n8n', 'failing', 'emulator']);
		// A second run has nothing left to stop.
		await cleanup.run();
		expect(stopped).toHaveLength(3);
	});
});
