import type { IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest } from 'n8n-workflow';

/**
 * n8n's "Test" button for an X credential, saying what X answered in X's words (docs.x.com
 * "Response codes and errors": 401 "Invalid or missing authentication credentials", 403 "Valid auth
 * but no permission for this resource or action", 429 "Rate limit or usage cap exceeded") and what
 * to change. n8n 2.8 reports a failed test request only as "Authorization failed - please check your
 * credentials" (credentials-tester.service.js ignores `responseCode` rules there), so the request
 * keeps X's answer (`ignoreHttpStatusErrors`) and the rules read X's error body (`status`, as in
 * `{"title":"Unauthorized","type":"about:blank","status":401,…}`). An answer without
 * `successKey`, which every success of `url` has, fails the test too.
 */
export function xCredentialTest(
	url: string,
	successKey: string,
	successDescription: string,
): ICredentialTestRequest {
	const byStatus = (value: number, message: string): IAuthenticateRuleResponseSuccessBody => ({
		type: 'responseSuccessBody',
		properties: { key: 'status', value, message },
	});
	return {
		request: { baseURL: '={{$credentials.baseUrl}}', url, ignoreHttpStatusErrors: true },
		rules: [
			byStatus(
				401,
				'X answered 401 Unauthorized: “Invalid or missing authentication credentials”. Paste the keys and tokens again from your X app’s "Keys and tokens" page (regenerating one invalidates the old value).',
			),
			byStatus(
				403,
				'X answered 403 Forbidden: “Valid auth but no permission for this resource or action”. The keys work, but your X app’s access level or permissions do not allow this call.',
			),
			byStatus(
				429,
				'X answered 429 Too Many Requests: “Rate limit or usage cap exceeded”. Wait 15 minutes and test again.',
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: successKey,
					value: undefined,
					message: `X did not answer with ${successDescription} (GET ${url}). Leave Base URL at https://api.x.com unless you use a proxy, and check the keys and tokens.`,
				},
			},
		],
	};
}
