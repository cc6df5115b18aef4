import { homedir } from 'node:os';
import { join } from 'node:path';

/** The one place that says which n8n the e2e tests run against. */
export const N8N_VERSION = process.env.N8N_VERSION ?? '2.8.4';

/** Outside the repo: the install is 2.3 GB and must survive `git clean` and fresh clones. */
export const N8N_CACHE_DIR =
	process.env.N8N_CACHE_DIR ?? join(homedir(), '.cache', 'n8n-x-account-activity');

/** n8n ≥2.10 needs Node 22 and ≥2.36 Node 24; this lets a newer node run a newer n8n. */
export const N8N_NODE_BINARY = process.env.N8N_NODE_BINARY ?? process.execPath;

/** Keep the temp user folder (database, logs, installed package) for a post-mortem. */
export const KEEP_N8N = process.env.KEEP_N8N === '1';

/**
 * xlsx: n8n-nodes-base pins it to a CDN tarball that is unreachable here.
 * tldts: the npm mirror here lacks tldts-core 7.5.5; tldts 7.5.4 still asks for tldts-core ^7.5.4,
 * so tldts-core is pinned too.
 */
export const N8N_INSTALL_OVERRIDES: Record<string, string> = {
	xlsx: '0.18.5',
	tldts: '7.5.4',
	'tldts-core': '7.5.4',
};
