/**
 * Firing events at a running demo: one place that knows, per source, which emulator side door
 * builds and delivers an event, and what the ready-to-paste commands for it look like. Used by
 * `npm run demo` (to fire and to print the commands) and by `npm run fire`.
 */
import { SEEDED_PROFILE_KEY } from '../emulator/ayrshare/state';

export const SOURCES = ['aaa', 'xaa', 'ayrshare'] as const;
export type DemoSource = (typeof SOURCES)[number];

/** The Ayrshare User Profile the demo's Ayrshare credential acts on. */
export const DEMO_AYRSHARE_PROFILE_KEY = SEEDED_PROFILE_KEY;

export const SOURCE_NAMES: Record<DemoSource, string> = {
	aaa: 'X Account Activity API',
	xaa: 'X Activity API',
	ayrshare: 'Ayrshare',
};

/** Where each source's events are built and delivered, and the body for one event of `type`. */
export function injection(
	source: DemoSource,
	type: string,
): { path: string; body: Record<string, unknown> } {
	if (source === 'xaa') return { path: '/_emulator/x/activity/events', body: { type } };
	if (source === 'ayrshare')
		return {
			path: '/_emulator/ayrshare/events',
			body: { action: 'accountActivity', type, profileKey: DEMO_AYRSHARE_PROFILE_KEY },
		};
	return { path: '/_emulator/x/events', body: { type } };
}

/** What lists the event types a source's injection accepts. */
export function eventTypesPath(source: DemoSource): string {
	return source === 'xaa'
		? '/_emulator/x/activity/event-types'
		: source === 'ayrshare'
			? '/_emulator/ayrshare/event-types'
			: '/_emulator/x/event-types';
}

export interface FireResult {
	/** HTTP status of each delivery attempt to a webhook (n8n answers 200 when it accepted the event). */
	statuses: Array<number | null>;
	/** The emulator's explanation when nothing was delivered, or its error. */
	note?: string;
}

export async function fireEvent(
	emulatorUrl: string,
	source: DemoSource,
	type: string,
): Promise<FireResult> {
	const { path, body } = injection(source, type);
	const response = await fetch(`${emulatorUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.json().catch(() => ({}))) as {
		deliveries?: Array<{ status: number | null }>;
		note?: string;
		error?: string;
	};
	if (!response.ok)
		return { statuses: [], note: answer.error ?? `the emulator answered HTTP ${response.status}` };
	return { statuses: (answer.deliveries ?? []).map((d) => d.status), note: answer.note };
}

/** The command lines that fire one more `type` event at the demo, for every source. */
export function fireCommands(emulatorUrl: string, type = 'dm.received'): string[] {
	const lines: string[] = [];
	for (const source of SOURCES) {
		const { path, body } = injection(source, type);
		const npm =
			source === 'aaa' ? `npm run fire -- ${type}` : `npm run fire -- ${type} --source ${source}`;
		lines.push(`  ${SOURCE_NAMES[source]} workflow:`);
		lines.push(`    ${npm}`);
		lines.push(
			`    curl -s -X POST ${emulatorUrl}${path} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`,
		);
	}
	return lines;
}
