/**
 * Acceptance (1): the same X event, delivered directly (AAA) and forwarded by Ayrshare, gives
 * equal items apart from `source`, `ayrshare` and `raw`. Both deliveries come from the X
 * emulator's AAA builders; the Ayrshare copy is made by the emulator's own camelCase conversion
 * (independent of the node's), then both go through the wire format (JSON with 19-digit numbers).
 */
import { stringifyJson } from '../../emulator/core/json';
import { ayrshareBodiesFromAaa } from '../../emulator/ayrshare/events/accountActivity';
import { createAyrshareState } from '../../emulator/ayrshare/state';
import { DEFAULT_APP, DEFAULT_USERS, SUBSCRIBER_ID } from '../../emulator/defaults';
import {
	AAA_EVENT_TYPES,
	type AaaEventType,
	buildAaaEnvelope,
} from '../../emulator/x/events/accountActivityEvents';
import { normalizeAaa } from '../../nodes/XAccountActivityTrigger/normalize/accountActivity';
import { normalizeAyrshare } from '../../nodes/XAccountActivityTrigger/normalize/ayrshareWebhook';
import { type Item, itemSchema } from '../../nodes/XAccountActivityTrigger/schemas/item';

const profile = createAyrshareState().primary;
const wire = (value: unknown) => JSON.parse(stringifyJson(value)) as Record<string, unknown>;

function bothRoutes(type: AaaEventType, count = 1) {
	const { envelope } = buildAaaEnvelope(
		type,
		{ app: DEFAULT_APP, users: DEFAULT_USERS, subscriberId: SUBSCRIBER_ID },
		{},
		count,
	);
	const direct = normalizeAaa(wire(envelope), { source: 'aaa', forUserId: SUBSCRIBER_ID });
	const bodies = ayrshareBodiesFromAaa(envelope, {
		profile,
		url: 'https://n8n.example/webhook/x/webhook',
		now: new Date(),
	});
	const viaAyrshare = bodies.map((body) =>
		normalizeAyrshare(wire(body), { linkedXUserId: SUBSCRIBER_ID }),
	);
	return {
		direct: direct.items,
		viaAyrshare: viaAyrshare.flatMap((result) => result.items),
		bodies,
	};
}

/** What may differ by route (SPEC: the rest is the same item). */
function comparable(item: Item) {
	const copy: Partial<Item> = { ...item };
	delete copy.source;
	delete copy.ayrshare;
	delete copy.raw;
	return copy;
}

test.each(AAA_EVENT_TYPES)('%s: the Ayrshare twin gives the AAA item', (type) => {
	const { direct, viaAyrshare } = bothRoutes(type);
	expect(direct).toHaveLength(1);
	expect(viaAyrshare.map(comparable)).toEqual(direct.map(comparable));
	// Event ids stay X-derived on both routes, so the items are the same event for dedupe.
	expect(viaAyrshare[0].eventId).toBe(direct[0].eventId);
	expect(viaAyrshare[0]).toMatchObject({
		source: 'ayrshare',
		ayrshare: { action: 'accountActivity', refId: profile.refId, hookId: expect.any(String) },
	});
	expect(() => itemSchema.parse(viaAyrshare[0])).not.toThrow();
});

test('Ayrshare forwards one event object per delivery, not an array; several X events become several deliveries', () => {
	const { direct, viaAyrshare, bodies } = bothRoutes('post.mention', 3);
	expect(bodies).toHaveLength(3);
	for (const body of bodies) expect(Array.isArray(body.tweetCreateEvents)).toBe(false);
	expect(viaAyrshare.map(comparable)).toEqual(direct.map(comparable));
});

/** Without the profile's linked X account a message's direction is unknowable (SPEC: forUserId null)... */
test.each(['dm.received', 'dm.sent'])(
	'a %s without a known linked account is not guessed: forUserId and direction are null',
	(type) => {
		const { envelope } = buildAaaEnvelope(type as 'dm.received', {
			app: DEFAULT_APP,
			users: DEFAULT_USERS,
			subscriberId: SUBSCRIBER_ID,
		});
		const [body] = ayrshareBodiesFromAaa(envelope, {
			profile,
			url: 'https://n8n.example/w',
			now: new Date(),
		});
		const [item] = normalizeAyrshare(wire(body), { linkedXUserId: null }).items;
		expect(item).toMatchObject({ forUserId: null, message: { direction: null } });
	},
);

/** ...but typing indicators and read receipts are always addressed to the subscriber. */
test.each(['dm.typing', 'dm.read'])(
	'a %s without a known linked account names the subscriber through its recipient',
	(type) => {
		const { envelope } = buildAaaEnvelope(type as 'dm.typing', {
			app: DEFAULT_APP,
			users: DEFAULT_USERS,
			subscriberId: SUBSCRIBER_ID,
		});
		const [body] = ayrshareBodiesFromAaa(envelope, {
			profile,
			url: 'https://n8n.example/w',
			now: new Date(),
		});
		const [item] = normalizeAyrshare(wire(body), { linkedXUserId: null }).items;
		expect(item).toMatchObject({ event: type, forUserId: SUBSCRIBER_ID });
	},
);

test('without a linked account a post cannot be classified by subscriber: it stays a plain post.created', () => {
	const { envelope } = buildAaaEnvelope('post.mention', {
		app: DEFAULT_APP,
		users: DEFAULT_USERS,
		subscriberId: SUBSCRIBER_ID,
	});
	const [body] = ayrshareBodiesFromAaa(envelope, {
		profile,
		url: 'https://n8n.example/w',
		now: new Date(),
	});
	const [item] = normalizeAyrshare(wire(body), { linkedXUserId: null }).items;
	expect(item).toMatchObject({ event: 'post.created', forUserId: null });
});
