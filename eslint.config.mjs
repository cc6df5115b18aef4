// The same configuration n8n's package scanner and `n8n-node lint` apply to community nodes.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{
		ignores: ['dist/**', 'node_modules/**', 'emulator/**', 'test/**', 'scripts/**', 'gulpfile.js', 'index.js', 'jest.config.js', 'eslint.config.mjs'],
	},
	{
		// Inline disables do not count for n8n's scanner, so they must not count here either.
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
	},
];
