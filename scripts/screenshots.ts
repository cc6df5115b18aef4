/**
 * `npm run docs:screenshots`: renders the README's pictures from a real n8n running the demo
 * (Debian's chromium driven by playwright-core; no browser download). Writes docs/images/*.png.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { DEFAULT_APP, DEFAULT_USERS } from '../emulator/defaults';
import { OWNER } from '../test/e2e/harness';
import { TRIGGER_NODE } from '../test/e2e/support/triggerWorkflow';
import { startDemoEnvironment } from './demoEnvironment';

const OUT = resolve(__dirname, '../docs/images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Signs in through n8n's REST login; the page shares the cookie jar. */
async function signIn(page: Page, baseUrl: string) {
	const response = await page.request.post(`${baseUrl}rest/login`, {
		data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	if (!response.ok())
		throw new Error(`n8n login failed: ${response.status()} ${await response.text()}`);
}

async function main() {
	mkdirSync(OUT, { recursive: true });
	const demo = await startDemoEnvironment();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
	try {
		for (const type of ['post.reply', 'dm.received']) await demo.fire(type);
		await demo.n8n.waitForExecutions(demo.workflowId, 2, 30_000);
		const page = await browser.newPage({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		await signIn(page, demo.n8n.baseUrl);

		await page.goto(`${demo.n8n.baseUrl}workflow/${demo.workflowId}`);
		await page.getByText(TRIGGER_NODE, { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(OUT, 'workflow.png') });

		await page
			.locator(
				`[data-test-id="canvas-node"][data-node-name="${TRIGGER_NODE}"], [data-test-id="canvas-node"]`,
			)
			.first()
			.dblclick();
		await page.waitForTimeout(2000);
		await page.screenshot({ path: join(OUT, 'trigger-parameters.png') });

		const actionWorkflow = await demo.n8n.createWorkflow({
			name: 'X Account Activity action node',
			nodes: [
				{
					id: randomUUID(),
					name: 'X Account Activity',
					type: 'n8n-nodes-x-account-activity.xAccountActivity',
					typeVersion: 1,
					position: [0, 0],
					parameters: { resource: 'replay', operation: 'create' },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await page.goto(`${demo.n8n.baseUrl}workflow/${actionWorkflow.id}`);
		await page.locator('[data-test-id="canvas-node"]').first().dblclick();
		await page.waitForTimeout(2000);
		await page.screenshot({ path: join(OUT, 'action-node.png') });

		const [latest] = await demo.n8n.listExecutions(demo.workflowId);
		await page.goto(`${demo.n8n.baseUrl}workflow/${demo.workflowId}/executions/${latest.id}`);
		await page.waitForTimeout(3000);
		// The execution preview is an iframe; opening the trigger there shows the item it emitted.
		const preview = page.frameLocator('iframe').first();
		await preview.locator('[data-test-id="canvas-node"]').first().dblclick();
		await page.waitForTimeout(1500);
		const jsonTab = preview.getByText('JSON', { exact: true }).last();
		if (await jsonTab.count()) await jsonTab.click();
		await page.waitForTimeout(1000);
		await page.screenshot({ path: join(OUT, 'execution.png') });

		// One of examples/ as a user sees it after importing it and picking credentials.
		const example = JSON.parse(
			readFileSync(resolve(__dirname, '../examples/big-account-mention-to-slack.json'), 'utf8'),
		);
		const { id: xCredential } = await demo.n8n.createCredential(
			'xOAuth1UserApi',
			'X OAuth1 User API account',
			{
				consumerKey: DEFAULT_APP.consumerKey,
				consumerSecret: DEFAULT_APP.consumerSecret,
				accessToken: DEFAULT_USERS[0].accessToken,
				accessTokenSecret: DEFAULT_USERS[0].accessTokenSecret,
				baseUrl: demo.emu.url,
			},
		);
		const { id: slackCredential } = await demo.n8n.createCredential('slackApi', 'Slack account', {
			accessToken: 'xoxb-screenshot',
			notice: '',
		});
		const nodes = example.nodes.map((node: { credentials?: Record<string, unknown> }) =>
			node.credentials?.xOAuth1UserApi
				? {
						...node,
						credentials: { xOAuth1UserApi: { id: xCredential, name: 'X OAuth1 User API account' } },
					}
				: node.credentials?.slackApi
					? { ...node, credentials: { slackApi: { id: slackCredential, name: 'Slack account' } } }
					: node,
		);
		const imported = await demo.n8n.createWorkflow({
			name: example.name,
			nodes,
			connections: example.connections,
			settings: example.settings,
		});
		await page.goto(`${demo.n8n.baseUrl}workflow/${imported.id}`);
		await page.getByText(TRIGGER_NODE, { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(OUT, 'example-slack.png') });
		console.log(`screenshots written to ${OUT}`);
	} finally {
		await browser.close();
		await demo.stop();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
