import { SEEDED_PROFILE_KEY } from './ayrshare/state';
import { startEmulator } from './server';

/** `npx tsx emulator/cli.ts [--port 8787] [--strict-urls] [--legacy-replay] [--quiet]` */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const flag = (name: string): boolean => args.includes(name);
	const portArg = args.indexOf('--port');
	const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${args[portArg + 1]}`);

	const quiet = flag('--quiet');
	const emulator = await startEmulator({
		port,
		strictUrls: flag('--strict-urls'),
		legacyReplay: flag('--legacy-replay'),
		log: quiet ? () => undefined : (line) => console.log(`[emulator] ${line}`),
	});
	const { app, users, subscriberId } = emulator.options;
	const subscriber = users.find((u) => u.id === subscriberId);
	const url = emulator.url;

	console.log(`X API emulator listening on ${url}  (use it as the credentials' base URL)

App (X OAuth1 User / X App Bearer Token credentials):
  consumerKey        ${app.consumerKey}
  consumerSecret     ${app.consumerSecret}
  bearerToken        ${app.bearerToken}
  appId              ${app.appId}
Subscriber user ${subscriber?.username} (id ${subscriberId}):
  accessToken        ${subscriber?.accessToken}
  accessTokenSecret  ${subscriber?.accessTokenSecret}
Ayrshare (Ayrshare API credential): base URL ${url}/api
  apiKey             ${emulator.options.ayrshare.apiKey}
  profileKey         ${SEEDED_PROFILE_KEY}  (seeded User Profile; empty = primary profile)
Other users: ${users
		.filter((u) => u.id !== subscriberId)
		.map((u) => `${u.username} (${u.id})`)
		.join(', ')}

Injection API (no auth, JSON):
  POST ${url}/_emulator/x/events   {"type":"post.mention","forUserId?":"...","count?":1,"overrides?":{"actorId","text","id"}}
  GET  ${url}/_emulator/x/event-types
  POST ${url}/_emulator/x/raw      {"body":"...","signature?":"valid|invalid|missing","webhookId?":"...","contentType?":"..."}
  POST ${url}/_emulator/x/webhooks/<id>/invalidate
  POST ${url}/_emulator/fail       {"method":"GET","path":"/2/webhooks","status":429,"times?":1,"body?":{},"headers?":{}}
  GET  ${url}/_emulator/state
  POST ${url}/_emulator/reset

Example:
  curl -s -X POST ${url}/_emulator/x/events -H 'content-type: application/json' -d '{"type":"dm.received"}'
`);

	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
