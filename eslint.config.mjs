// n8n's community-node lint, as `n8n-node lint` (@n8n/node-cli 0.48.3, dist/configs/eslint.js) builds
// it, with the same plugins configured here directly: @n8n/node-cli itself pulls in n8n-workflow 2.39
// and isolated-vm 7 (Node ≥ 24), which `npm ci` warns about on Node 20. test/unit/lintConfig.test.ts
// checks the rules stay those of the community-nodes plugin and of eslint-plugin-n8n-nodes-base.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

const n8nConfig = tseslint.config(
	globalIgnores(['dist']),
	{
		files: ['**/*.ts'],
		extends: [
			js.configs.recommended,
			tseslint.configs.recommended,
			communityNodesRecommended,
			importPlugin.configs['flat/recommended'],
		],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		rules: {
			...n8nNodesBase.configs.community.rules,
		},
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: {
				extraFileExtensions: ['.json'],
			},
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);

export default [
	...n8nConfig,
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'emulator/**',
			'test/**',
			'scripts/**',
			'examples/**',
			'gulpfile.js',
			'index.js',
			'jest.config.js',
			'eslint.config.mjs',
		],
	},
	{
		// Inline disables do not count for n8n's scanner, so they must not count here either.
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
	},
];
