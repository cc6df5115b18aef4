/**
 * Installs the n8n under test, and the Node it needs, once before any e2e file runs: an install
 * that fails then fails the run once, with its cause, instead of once per test file.
 */
import { N8N_VERSION } from './harness/config';
import { ensureN8n } from './harness/install';
import { say } from './harness/log';

export default async function globalSetup(): Promise<void> {
	const install = await ensureN8n(N8N_VERSION);
	say(`e2e suite: n8n ${N8N_VERSION} on Node ${install.node.version} (${install.dir})`);
}
