import { DEFAULT_APP, DEFAULT_USERS, SUBSCRIBER_ID } from '../../../emulator/defaults';
import { stringifyJson, X_JSON_STYLE } from '../../../emulator/core/json';
import { buildAaaEnvelope } from '../../../emulator/x/events/accountActivityEvents';
import { webhookSignature } from '../../../emulator/x/signing';

/**
 * Signed Account Activity deliveries made the way the emulator makes them (its envelope builder,
 * X's JSON style, its signing), sent straight at a URL: load tests need hundreds of deliveries in
 * flight at once, which the emulator's one-at-a-time injection API does not give.
 */
export interface SignedDelivery {
	/** The DM's id: the event's eventId. */
	id: string;
	body: string;
	headers: Record<string, string>;
}

const SOURCES = { app: DEFAULT_APP, users: DEFAULT_USERS, subscriberId: SUBSCRIBER_ID };

/** A received DM of about `bytes` bytes (the text pads it), with the DM id `id`. */
export function dmDelivery(
	id: string,
	bytes = 3 * 1024,
	consumerSecret = DEFAULT_APP.consumerSecret,
): SignedDelivery {
	const make = (text: string) =>
		stringifyJson(buildAaaEnvelope('dm.received', SOURCES, { id, text }).envelope, X_JSON_STYLE);
	const bare = make('');
	const body = make('x'.repeat(Math.max(0, bytes - bare.length)));
	return {
		id,
		body,
		headers: {
			'content-type': 'application/json',
			'x-twitter-webhooks-signature': webhookSignature(consumerSecret, body),
		},
	};
}

/** One delivery of many received DMs (X batches events in one POST), one per id. */
export function dmBatchDelivery(
	ids: readonly string[],
	consumerSecret = DEFAULT_APP.consumerSecret,
): SignedDelivery {
	const { envelope } = buildAaaEnvelope('dm.received', SOURCES, { id: ids[0] });
	const [template] = envelope.direct_message_events as Array<Record<string, unknown>>;
	const body = stringifyJson(
		{ ...envelope, direct_message_events: ids.map((id) => ({ ...template, id })) },
		X_JSON_STYLE,
	);
	return {
		id: ids[0],
		body,
		headers: {
			'content-type': 'application/json',
			'x-twitter-webhooks-signature': webhookSignature(consumerSecret, body),
		},
	};
}

/** Distinct, ordered DM ids (snowflake-like, so they look like X's). */
export function dmIds(count: number, prefix = Date.now()): string[] {
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
}

export interface Sent {
	status: number;
	body: string;
	ms: number;
}

export async function send(
	url: string,
	delivery: Pick<SignedDelivery, 'body' | 'headers'>,
): Promise<Sent> {
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: delivery.headers,
		body: delivery.body,
	});
	const body = await response.text();
	return { status: response.status, body, ms: performance.now() - started };
}

/** Runs `tasks` with at most `concurrency` in flight; results in task order. */
export async function pool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
	return results;
}

/** Deterministic shuffle (mulberry32), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed = 9): T[] {
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** Each delivery twice, in a shuffled order: the copies of one event may be in flight together or far apart. */
export function deliveredTwice<T>(deliveries: readonly T[], seed?: number): T[] {
	return shuffled([...deliveries, ...deliveries], seed);
}
