/** The e2e harness's one-line cause of a failed npm install, on output captured from real npm 11 failures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { summarizeNpmFailure } from '../../e2e/harness/npmError';

const sample = (name: string) =>
	readFileSync(join(__dirname, '../../fixtures/npm-failures', `${name}.txt`), 'utf8');

test.each([
	['etarget', 'ETARGET: No matching version found for @n8n/agents@0.26.2.'],
	['e404', 'E404: Not Found - GET https://registry.npmjs.org/this-package-does-not-exist-xyz-123'],
	[
		'eresolve',
		'ERESOLVE unable to resolve dependency tree: peer react@"17.0.2" from react-dom@17.0.2 (Found: react@18.3.1)',
	],
	[
		'network',
		'ECONNREFUSED: FetchError: request to http://127.0.0.1:9/left-pad failed, reason: connect ECONNREFUSED 127.0.0.1:9',
	],
	[
		'script',
		'install script of boom failed (`node -e "console.error(\\"Error: compiler exploded\\");process.exit(3)"`): Error: compiler exploded',
	],
])('%s → one line that names the cause', (name, expected) => {
	const summary = summarizeNpmFailure(sample(name));
	expect(summary).toBe(expected);
	expect(summary).not.toContain('\n');
});

test('a node-gyp failure names the package and the first error, not the gyp info noise', () => {
	const output = [
		'npm error code 1',
		'npm error path /cache/n8n-2.41.1-node24/node_modules/sqlite3',
		'npm error command failed',
		'npm error command sh -c prebuild-install -r napi || node-gyp rebuild',
		'npm error prebuild-install warn install request to https://github.com/... failed',
		'npm error gyp info it worked if it ends with ok',
		'npm error gyp ERR! cwd /cache/n8n-2.41.1-node24/node_modules/sqlite3',
		'npm error gyp ERR! stack Error: Could not find any Python installation to use',
		'npm error gyp ERR! not ok',
	].join('\n');
	expect(summarizeNpmFailure(output)).toBe(
		'install script of sqlite3 failed (`prebuild-install -r napi || node-gyp rebuild`): gyp ERR! stack Error: Could not find any Python installation to use',
	);
});

test('output without npm errors still says something useful', () => {
	expect(summarizeNpmFailure('Killed\n')).toBe('no npm error reported; last output: Killed');
	expect(summarizeNpmFailure('')).toBe('no output');
});
