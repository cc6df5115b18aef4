import { type INodeProperties, type INodeTypeDescription, NodeHelpers } from 'n8n-workflow';

import { XAccountActivity } from '../../nodes/XAccountActivity/XAccountActivity.node';
import { XAccountActivityTrigger } from '../../nodes/XAccountActivityTrigger/XAccountActivityTrigger.node';

/**
 * n8n's editor (2.8.4, editor-ui `getMainAuthField`) takes a parameter named in credentials'
 * `displayOptions.show` whose every option value is covered there as the node's
 * "authentication" field, and renders it inside the credential picker instead of as a
 * parameter. For these nodes that would hide Source (trigger) or Resource (action node), so
 * no parameter may qualify. This mirrors the editor's rule; the screenshots show the result.
 */
function editorAuthField(description: INodeTypeDescription): INodeProperties | null {
	const shownBy: Record<string, string[]> = {};
	for (const credential of description.credentials ?? []) {
		for (const [field, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			shownBy[field] = [...(shownBy[field] ?? []), ...((values as unknown[]) ?? []).map(String)];
		}
	}
	const authFields = description.properties.filter((property) => property.name in shownBy);
	const named = authFields.find((p) => p.name === 'authentication' && !p.options?.some((o) => 'value' in o && o.value === 'none'));
	const alternative = authFields.find((field) =>
		(field.options ?? []).every((option) => !('value' in option) || typeof option.value !== 'string' || shownBy[field.name].includes(option.value)),
	);
	return named ?? alternative ?? null;
}

test.each([
	['X Account Activity Trigger', new XAccountActivityTrigger().description],
	['X Account Activity', new XAccountActivity().description],
])('%s: no parameter is swallowed into the credential picker', (_name, description) => {
	expect(editorAuthField(description)?.name ?? null).toBeNull();
});

test('the rule is the editor’s: a Source shown per credential would be taken as the auth field', () => {
	const description = new XAccountActivityTrigger().description;
	const showing = {
		...description,
		credentials: [
			{ name: 'xOAuth1UserApi', displayOptions: { show: { source: ['aaa', 'xaa'] } } },
			{ name: 'ayrshareApi', displayOptions: { show: { source: ['ayrshare'] } } },
		],
	};
	expect(editorAuthField(showing)?.name).toBe('source');
});

test('the trigger asks for exactly the credentials its source uses (n8n’s own visibility rule)', () => {
	const description = new XAccountActivityTrigger().description;
	const shown = (source: string) =>
		(description.credentials ?? []).filter((c) => NodeHelpers.displayParameter({ source }, c, { typeVersion: 1 }, description)).map((c) => c.name);
	expect(shown('aaa')).toEqual(['xOAuth1UserApi', 'xBearerApi']);
	expect(shown('xaa')).toEqual(['xOAuth1UserApi', 'xBearerApi']);
	expect(shown('ayrshare')).toEqual(['ayrshareApi']);
	// One X credential is enough: the bearer token is optional.
	expect((description.credentials ?? []).map((c) => [c.name, c.required])).toEqual([
		['xOAuth1UserApi', true],
		['xBearerApi', false],
		['ayrshareApi', true],
	]);
});

/**
 * The two `events` parameters (one per kind of source, so the X Activity API gets its own default)
 * resolve as n8n's editor resolves them: NodeSettings.valueChanged drops values equal to the
 * defaults under the old parameters, applies the change, then fills in the new defaults
 * (n8n-workflow NodeHelpers.getNodeParameters picks the displayed one of same-named parameters).
 */
describe('Events has a default per source', () => {
	const description = new XAccountActivityTrigger().description;
	const resolve = (values: Record<string, unknown>, withDefaults = true) =>
		NodeHelpers.getNodeParameters(description.properties, values as never, withDefaults, false, { typeVersion: 1 } as never, description) as Record<string, unknown>;
	const change = (current: Record<string, unknown>, name: string, value: unknown) => resolve({ ...resolve(current, false), [name]: value });

	test('a new trigger switched to the X Activity API gets its frugal default, and back gets [All]', () => {
		const fresh = resolve({});
		expect(fresh.events).toEqual(['*']);
		const xaa = change(fresh, 'source', 'xaa');
		expect(xaa.events).toEqual(['dm.received', 'post.mention', 'post.reply', 'user.followed']);
		expect(change(xaa, 'source', 'ayrshare').events).toEqual(['*']);
	});

	test('a selection the user made survives a switch of source', () => {
		const picked = change(change(resolve({}), 'source', 'xaa'), 'events', ['post.liked']);
		expect(change(picked, 'source', 'aaa').events).toEqual(['post.liked']);
	});
});
