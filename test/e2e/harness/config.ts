import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The one place that says which n8n the e2e tests run against and on which Node.
 * `N8N_VERSION=2.41.1 npx jest --selectProjects e2e --runInBand` runs the suite against another
 * version; the harness installs that n8n, and the Node it needs, on first use.
 */
export const N8N_VERSION = process.env.N8N_VERSION ?? '2.8.4';

/** What `npm test` proves the package on: the oldest supported n8n and the newest that installs here. */
export const TESTED_N8N_VERSIONS = ['2.8.4', '2.41.1'];

/** Outside the repo: an install is 2–3 GB and must survive `git clean` and fresh clones. */
export const N8N_CACHE_DIR =
	process.env.N8N_CACHE_DIR ?? join(homedir(), '.cache', 'n8n-x-account-activity');

/**
 * The Node that n8n ≥2.36 needs (`engines.node >=24`; ≥2.10 needs 22). It comes from the npm
 * registry as `node-<platform>-<arch>`, a plain package holding the binary and its headers (the
 * `node` package would download them from nodejs.org in an install script).
 */
export const NODE_24_VERSION = '24.22.3';

/** The Node major an n8n version needs (from n8n's `engines.node`, measured on 2.8.4, 2.10 and 2.41). */
export function nodeMajorFor(n8nVersion: string): number {
	const [major, minor] = n8nVersion.split('.').map(Number);
	if (major > 2 || (major === 2 && minor >= 36)) return 24;
	if (major === 2 && minor >= 10) return 22;
	return 20;
}

export interface NodeRuntime {
	/** `system`: the Node running the harness; `registry`: a cached `node-<platform>-<arch>` package; `given`: N8N_NODE_BINARY. */
	kind: 'system' | 'registry' | 'given';
	binary: string;
	/** Where node-gyp finds this Node's headers (`<dir>/include/node`), so it never downloads them; undefined if unknown. */
	headersDir: string | undefined;
	/** For `registry`: the package spec and the folder it is installed into. */
	package?: { spec: string; version: string; dir: string };
}

/** A Node install prefix with headers (`<prefix>/include/node/node.h`), as node-gyp's `nodedir` wants it. */
export function headersDirOf(binary: string): string | undefined {
	const prefix = dirname(dirname(binary));
	return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/**
 * The Node that runs `n8nVersion`: N8N_NODE_BINARY if set, else this process's Node if it is new
 * enough, else Node 24 from the registry (installed into the cache by `ensureNodeRuntime`).
 */
export function nodeRuntimeFor(n8nVersion: string): NodeRuntime {
	const given = process.env.N8N_NODE_BINARY;
	if (given) return { kind: 'given', binary: given, headersDir: headersDirOf(given) };
	const needed = nodeMajorFor(n8nVersion);
	if (Number(process.versions.node.split('.')[0]) >= needed) {
		return { kind: 'system', binary: process.execPath, headersDir: headersDirOf(process.execPath) };
	}
	const name = `node-${process.platform}-${process.arch}`;
	const dir = join(N8N_CACHE_DIR, `node-v${NODE_24_VERSION}`);
	const packageDir = join(dir, 'node_modules', name);
	return {
		kind: 'registry',
		binary: join(packageDir, 'bin', 'node'),
		headersDir: packageDir,
		package: { spec: `${name}@${NODE_24_VERSION}`, version: NODE_24_VERSION, dir },
	};
}

/** The Node binary n8n runs on in this test run. */
export const N8N_NODE_BINARY = nodeRuntimeFor(N8N_VERSION).binary;

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

export interface N8nInstallRecipe {
	version: string;
	overrides: Record<string, string>;
	/**
	 * n8n ≥2.36 pulls a Kafka client whose install script downloads C sources from the internet, so
	 * its install runs without scripts and only the native modules n8n needs are rebuilt after.
	 */
	ignoreScripts: boolean;
	rebuild: string[];
}

export function installRecipeFor(version: string): N8nInstallRecipe {
	const newNode = nodeMajorFor(version) >= 24;
	return {
		version,
		overrides: N8N_INSTALL_OVERRIDES,
		ignoreScripts: newNode,
		rebuild: newNode ? ['sqlite3'] : [],
	};
}
