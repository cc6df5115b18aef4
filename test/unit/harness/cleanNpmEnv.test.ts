/** What the e2e harness passes to the npm it runs outside the repo (n8n and Node installs). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanNpmEnv, npmrcKeys } from '../../e2e/harness/proc';

const saved = { ...process.env };
afterEach(() => {
	for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
	Object.assign(process.env, saved);
});

function repoNpmrc(text: string): string {
	const file = join(mkdtempSync(join(tmpdir(), 'npmrc-')), '.npmrc');
	writeFileSync(file, text);
	return file;
}

test('reads the keys a .npmrc sets, as the names npm exports them under', () => {
	expect([
		...npmrcKeys(
			'# comment\nignore-scripts=true\n; other\n  Legacy-Peer-Deps = true\n\n//registry.example/:_authToken=x\n',
		),
	]).toEqual([
		'npm_config_ignore_scripts',
		'npm_config_legacy_peer_deps',
		'npm_config_//registry.example/:_authtoken',
	]);
});

test('under `npm test`: the user’s settings pass, the repo’s .npmrc and npm’s bookkeeping do not', () => {
	Object.assign(process.env, {
		// what npm 11 exports when it runs a script in this repo (measured)
		npm_config_ignore_scripts: 'true',
		npm_config_local_prefix: '/work/repo',
		npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
		npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
		npm_package_name: 'n8n-nodes-x-account-activity',
		npm_lifecycle_event: 'test',
		npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
		// the user's own
		npm_config_cache: '/home/me/.npm-cache',
		npm_config_https_proxy: 'http://proxy:3128',
		npm_config_nodedir: '/usr',
		npm_config_globalconfig: '/usr/etc/npmrc',
		NPM_CONFIG_REGISTRY: 'https://mirror.example/',
	});
	const env = cleanNpmEnv(
		{},
		{ nodeBinary: '/opt/node24/bin/node', repoNpmrc: repoNpmrc('ignore-scripts=true\n') },
	);
	expect(env).toMatchObject({
		npm_config_cache: '/home/me/.npm-cache',
		npm_config_https_proxy: 'http://proxy:3128',
		npm_config_nodedir: '/usr',
		npm_config_globalconfig: '/usr/etc/npmrc',
		NPM_CONFIG_REGISTRY: 'https://mirror.example/',
	});
	for (const key of [
		'npm_config_ignore_scripts',
		'npm_config_local_prefix',
		'npm_config_user_agent',
		'npm_config_node_gyp',
		'npm_package_name',
		'npm_lifecycle_event',
		'npm_execpath',
	]) {
		expect(env).not.toHaveProperty(key);
	}
	expect(env.PATH?.split(':')[0]).toBe('/opt/node24/bin');
});

test('extra settings win (e.g. the nodedir of the Node being built for)', () => {
	process.env.npm_config_nodedir = '/usr';
	const env = cleanNpmEnv(
		{ npm_config_nodedir: '/opt/node24' },
		{ nodeBinary: '/opt/node24/bin/node', repoNpmrc: '/nonexistent/.npmrc' },
	);
	expect(env.npm_config_nodedir).toBe('/opt/node24');
});
