import { json } from '../core/reply';
import type { Router } from '../core/router';
import { oauth1Header } from './auth/oauth1Verifier';
import type { XContext } from './endpoint';
import { constantTimeEqual, crcResponseToken, webhookSignature } from './signing';

/**
 * The emulator's own webhook receiver, `/_emulator/inbox` (not an X feature): it answers CRC
 * checks and keeps what is delivered to it, with the signature checked. `npm run emulator`
 * registers and subscribes it on start, so the banner's example delivers to something before any
 * n8n is attached.
 */
export const INBOX_PATH = '/_emulator/inbox';
const KEEP = 100;

export function registerInboxRoutes(router: Router, ctx: XContext): void {
	const { state, options } = ctx;
	router.add('GET', INBOX_PATH, (req) => {
		const token = req.query.get('crc_token');
		if (token)
			return json(200, { response_token: crcResponseToken(options.app.consumerSecret, token) });
		return json(200, { received: state.inbox });
	});
	router.add('POST', INBOX_PATH, (req) => {
		const signature = String(req.headers['x-twitter-webhooks-signature'] ?? '');
		const signatureValid = constantTimeEqual(
			signature,
			webhookSignature(options.app.consumerSecret, req.rawBody),
		);
		let body: unknown = req.rawBody;
		try {
			body = JSON.parse(req.rawBody);
		} catch {
			// Not JSON: kept as the text received.
		}
		state.inbox.unshift({ at: new Date().toISOString(), signatureValid, body });
		state.inbox.splice(KEEP);
		return json(signatureValid ? 200 : 401, { received: signatureValid });
	});
}

/**
 * Registers the inbox as a webhook and subscribes the default subscriber to it through the
 * emulated X API itself (bearer token, real CRC; OAuth 1.0a as the subscriber), as a client would.
 */
export async function attachInbox(
	emulatorUrl: string,
	ctx: Pick<XContext, 'options'>,
): Promise<string> {
	const { app, users, subscriberId } = ctx.options;
	const registered = await fetch(`${emulatorUrl}/2/webhooks`, {
		method: 'POST',
		headers: { authorization: `Bearer ${app.bearerToken}`, 'content-type': 'application/json' },
		body: JSON.stringify({ url: `${emulatorUrl}${INBOX_PATH}` }),
	});
	const webhook = (await registered.json()) as { data?: { id: string } };
	if (!webhook.data) throw new Error(`registering the inbox failed: HTTP ${registered.status}`);
	const subscriber = users.find((u) => u.id === subscriberId);
	const path = `/2/account_activity/webhooks/${webhook.data.id}/subscriptions/all`;
	const subscribed = await fetch(`${emulatorUrl}${path}`, {
		method: 'POST',
		headers: {
			authorization: oauth1Header('POST', `${emulatorUrl}${path}`, {
				consumerKey: app.consumerKey,
				consumerSecret: app.consumerSecret,
				token: subscriber?.accessToken ?? '',
				tokenSecret: subscriber?.accessTokenSecret ?? '',
			}),
		},
	});
	if (!subscribed.ok)
		throw new Error(
			`subscribing ${subscriber?.username} to the inbox failed: HTTP ${subscribed.status}`,
		);
	return webhook.data.id;
}
