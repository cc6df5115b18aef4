import { SEEDED_PROFILE_KEY } from './ayrshare/state';
import { startEmulator } from './server';
import { attachInbox, INBOX_PATH } from './x/inbox';

/** `npm run emulator -- [--port 8787] [--strict-urls] [--legacy-replay] [--no-inbox] [--quiet]` */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const flag = (name: string): boolean => args.includes(name);
	const portArg = args.indexOf('--port');
	const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`invalid --port ${args[portArg + 1]}`);

	const quiet = flag('--quiet');
	const strictUrls = flag('--strict-urls');
	const emulator = await startEmulator({
		port,
		strictUrls,
		legacyReplay: flag('--legacy-replay'),
		log: quiet ? () => undefined : (line) => console.log(`[emulator] ${line}`),
	});
	const { app, users, subscriberId } = emulator.options;
	const subscriber = users.find((u) => u.id === subscriberId);
	const url = emulator.url;
	// Strict URLs refuse http and ports, as real X does, so the inbox cannot be registered then.
	const inbox = !flag('--no-inbox') && !strictUrls ? await attachInbox(url, emulator) : null;

	console.log(`X API and Ayrshare emulator listening on ${url}

Point your own n8n at it:
  1. In n8n, create an "X OAuth1 User API" credential with the app keys and subscriber tokens below and
     Base URL ${url}. It is the only X credential needed (the nodes get the app's bearer token from it).
     For the Ayrshare route: an "Ayrshare API" credential with the API key below and Base URL ${url}/api.
  2. Add the X Account Activity Trigger to a workflow, pick the credential, and activate the workflow: it
     registers n8n's webhook URL here, the emulator calls it back for the CRC, and it subscribes ${subscriber?.username}.
     So n8n's WEBHOOK_URL must be reachable from this machine (http://localhost:5678/ is fine here; real X needs
     public https on port 443).
  3. Fire events with the injection API below: each one runs the workflow.

App (X OAuth1 User API credential; an X App Bearer Token API credential is optional):
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
  X API Key / Secret the app's consumerKey / consumerSecret above (Ayrshare wants them for X operations)
Other users: ${users
		.filter((u) => u.id !== subscriberId)
		.map((u) => `${u.username} (${u.id})`)
		.join(', ')}

Injection API (no auth, JSON):
  POST ${url}/_emulator/x/events            {"type":"post.mention","forUserId?":"...","count?":1,"overrides?":{"actorId","text","id"}}
  GET  ${url}/_emulator/x/event-types
  POST ${url}/_emulator/x/activity/events   {"type":"dm.received"}  (X Activity API; GET .../activity/event-types)
  POST ${url}/_emulator/ayrshare/events     {"action":"accountActivity","type":"dm.received","profileKey?":"..."}
  POST ${url}/_emulator/x/raw               {"body":"...","signature?":"valid|invalid|missing","webhookId?":"...","contentType?":"..."}
  POST ${url}/_emulator/x/webhooks/<id>/invalidate
  POST ${url}/_emulator/fail                {"method":"GET","path":"/2/webhooks","status":429,"times?":1,"body?":{},"headers?":{}}
  GET  ${url}/_emulator/state
  POST ${url}/_emulator/reset
${
	inbox
		? `
Example: the emulator's own inbox (${url}${INBOX_PATH}, webhook ${inbox}) is registered and subscribed for
${subscriber?.username}, so this delivers right away, signed; an attached n8n gets the event too:
  curl -s -X POST ${url}/_emulator/x/events -H 'content-type: application/json' -d '{"type":"dm.received"}'
  curl -s ${url}${INBOX_PATH}
`
		: `
Example (once a workflow is active, see above; no inbox was attached):
  curl -s -X POST ${url}/_emulator/x/events -H 'content-type: application/json' -d '{"type":"dm.received"}'
`
}`);

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
