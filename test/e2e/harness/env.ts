/**
 * Variables inherited from the caller that could point n8n at another database, queue,
 * user folder or config; the harness sets what it needs explicitly.
 */
const FOREIGN =
	/^(npm_|N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$)/;

export interface N8nEnvInput {
	userFolder: string;
	port: number;
	brokerPort: number;
	encryptionKey: string;
	extra?: Record<string, string>;
}

/** The environment for an isolated, offline, quiet n8n (measured on n8n 2.8.4). */
export function n8nEnv({
	userFolder,
	port,
	brokerPort,
	encryptionKey,
	extra = {},
}: N8nEnvInput): NodeJS.ProcessEnv {
	const inherited: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!FOREIGN.test(key)) inherited[key] = value;
	}
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		// Nothing may phone home: CI has no internet and the tests must not depend on it.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// The package under test is installed by the harness, not through the UI.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// Insights flushes on shutdown and logs an error when its database is already closing.
		N8N_DISABLED_MODULES: 'insights',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		// Below the harness's 10 s SIGKILL deadline, so a stop is always graceful if it can be.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '8',
		...extra,
	};
}
