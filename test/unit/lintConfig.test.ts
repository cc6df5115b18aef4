import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * eslint.config.mjs rebuilds `n8n-node lint`'s configuration (@n8n/node-cli 0.48.3,
 * dist/configs/eslint.js) from the same plugins, so that @n8n/node-cli and its Node-24-only
 * dependencies stay out of `npm ci`. These checks fail if the rebuilt config drifts from the
 * plugins' own rule sets, or if inline disables start to count (n8n's scanner ignores them).
 */
type RuleEntry = unknown;
type Rules = Record<string, RuleEntry>;

const root = join(__dirname, '../..');
const probe = JSON.parse(
	execFileSync(process.execPath, [join(__dirname, 'helpers/lintConfigProbe.mjs'), root], {
		cwd: root,
		encoding: 'utf8',
	}),
) as {
	actual: Record<'node' | 'credential' | 'packageJson', Rules>;
	expected: Record<string, Rules>;
	inlineDisableProbe: string[];
};

const severity = (entry: RuleEntry): string => {
	const level = Array.isArray(entry) ? entry[0] : entry;
	return (
		({ 0: 'off', 1: 'warn', 2: 'error' } as Record<string, string>)[String(level)] ?? String(level)
	);
};

/** Every rule of `expected` at its severity there (or off, if n8n-node lint turns it off). */
function expectRules(actual: Rules, expected: Rules, turnedOff: string[] = []): void {
	expect(Object.keys(expected).length).toBeGreaterThan(5);
	const got = Object.keys(expected).map((rule) => [rule, severity(actual[rule])]);
	const want = Object.entries(expected).map(([rule, entry]) => [
		rule,
		turnedOff.includes(rule) ? 'off' : severity(entry),
	]);
	expect(got).toEqual(want);
}

test('node files: the community-nodes recommended rules and eslint-plugin-n8n-nodes-base "nodes" rules, as n8n-node lint sets them', () => {
	const rules = probe.actual.node;
	expectRules(rules, probe.expected.communityRecommended);
	expectRules(rules, probe.expected.nodes, [
		'n8n-nodes-base/node-class-description-inputs-wrong-regular-node',
		'n8n-nodes-base/node-class-description-outputs-wrong',
		'n8n-nodes-base/node-param-type-options-max-value-present',
	]);
	expect(severity(rules['no-console'])).toBe('error');
	expect(severity(rules['prefer-spread'])).toBe('off');
	expect(severity(rules['@typescript-eslint/no-unused-vars'])).toBe('error');
	expect(severity(rules['import-x/no-unresolved'])).toBe('error');
});

test('credential files get the "credentials" rules; package.json the "community" rules', () => {
	expectRules(probe.actual.credential, probe.expected.credentials, [
		'n8n-nodes-base/cred-class-field-documentation-url-miscased',
		'n8n-nodes-base/cred-class-field-type-options-password-missing',
	]);
	expectRules(probe.actual.packageJson, probe.expected.community);
	expect(severity(probe.actual.packageJson['@n8n/community-nodes/no-overrides-field'])).toBe(
		'error',
	);
});

test('an inline eslint-disable does not silence a rule, as in n8n’s scanner', () => {
	expect(probe.inlineDisableProbe).toContain('no-console');
});
