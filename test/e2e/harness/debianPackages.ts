import { say, seconds } from './log';
import { runOrThrow } from './proc';

const installs = new Map<string, Promise<void>>();

/**
 * Installs Debian packages with apt-get when `present()` says they are missing — once per test
 * process and package set, waiting for another apt run to release its lock. Needs root (as in CI);
 * anyone else gets the command to run.
 */
export function ensureDebianPackages(
	packages: string[],
	purpose: string,
	present: () => boolean | Promise<boolean>,
): Promise<void> {
	const key = packages.join(' ');
	let install = installs.get(key);
	if (!install) {
		install = (async () => {
			if (await present()) return;
			if (process.getuid?.() !== 0) {
				throw new Error(
					`${purpose} need ${packages.join(' and ')}: run \`sudo apt-get install -y ${key}\` (the harness installs them itself only as root).`,
				);
			}
			const started = Date.now();
			say(`installing ${packages.join(', ')} with apt-get (${purpose})`);
			const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
			const lock = ['-o', 'DPkg::Lock::Timeout=600'];
			await runOrThrow('apt-get update', 'apt-get', [...lock, 'update'], { env });
			await runOrThrow(
				`apt-get install ${key}`,
				'apt-get',
				[...lock, 'install', '-y', '--no-install-recommends', ...packages],
				{ env },
			);
			if (!(await present()))
				throw new Error(`apt-get installed ${key}, but it is still not usable (${purpose})`);
			say(`installed ${packages.join(', ')} in ${seconds(started)}`);
		})();
		installs.set(key, install);
	}
	return install;
}
