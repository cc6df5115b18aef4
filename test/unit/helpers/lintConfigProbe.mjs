// Run by test/unit/lintConfig.test.ts in a child process: the lint plugins are ES modules, which
// jest's CommonJS runtime cannot load. Prints, as JSON, the rules eslint.config.mjs gives each kind
// of file, the plugins' own rule sets, and what an inline eslint-disable does.
import { join } from 'node:path';

import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { ESLint } from 'eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const root = process.argv[2];
const eslint = new ESLint({ cwd: root });
const rulesFor = async (file) =>
	(await eslint.calculateConfigForFile(join(root, file))).rules ?? {};
const code = '// eslint-disable-next-line no-console\nconsole.log("x");\nexport const a = 1;\n';
const [probe] = await eslint.lintText(code, { filePath: join(root, 'nodes/shared/lintProbe.ts') });

process.stdout.write(
	JSON.stringify({
		actual: {
			node: await rulesFor('nodes/XAccountActivity/XAccountActivity.node.ts'),
			credential: await rulesFor('credentials/XOAuth1UserApi.credentials.ts'),
			packageJson: await rulesFor('package.json'),
		},
		expected: {
			communityRecommended: n8nCommunityNodesPlugin.configs.recommended.rules,
			nodes: n8nNodesBase.configs.nodes.rules,
			credentials: n8nNodesBase.configs.credentials.rules,
			community: n8nNodesBase.configs.community.rules,
		},
		inlineDisableProbe: probe.messages.map((m) => m.ruleId),
	}),
);
