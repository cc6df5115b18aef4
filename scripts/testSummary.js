// .tmp/ is kept in the repo (.gitkeep) because jest does not create --outputFile folders.
// Prints the one closing line CI reads ("tests: N passed, N failed"), adding up the parts that
// `npm test` (scripts/test.ts) planned in .tmp/jest-parts.json: unit tests on this Node and on
// Node 24, and one e2e run per n8n version, each with its own .tmp/jest-*.json. A part that did
// not run or left no results, a failure outside jest (build, lint, an n8n install) and a skipped
// test each count as a failure.
const { existsSync, readFileSync } = require('node:fs');

const PARTS = '.tmp/jest-parts.json';
let passed = 0;
let failed = 0;

if (!existsSync(PARTS)) {
	console.error(`${PARTS} is missing: npm test did not start`);
	failed += 1;
} else {
	for (const part of JSON.parse(readFileSync(PARTS, 'utf8')).parts) {
		const label = `${part.name}${part.on ? ` (${part.on})` : ''}`;
		if (!part.ran) {
			console.error(`${label}: did not run`);
			failed += 1;
			continue;
		}
		if (!part.resultsFile) {
			if (!part.ok) failed += 1;
			console.log(`${label}: ${part.ok ? 'ok' : 'FAILED'}`);
			continue;
		}
		if (!existsSync(part.resultsFile)) {
			console.error(
				`${label}: ${part.resultsFile} is missing: that test run did not finish${part.note ? ` (${part.note})` : ''}`,
			);
			failed += 1;
			continue;
		}
		const results = JSON.parse(readFileSync(part.resultsFile, 'utf8'));
		const partFailed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + (results.numTodoTests || 0);
		// A failure jest did not count (lint after the unit tests on Node 24, a jest crash after writing results).
		const outside = !part.ok && partFailed === 0 && skipped === 0 ? 1 : 0;
		passed += results.numPassedTests;
		failed += partFailed + skipped + outside;
		console.log(
			`${label}: ${results.numPassedTests} passed, ${partFailed} failed${skipped ? `, ${skipped} skipped` : ''}` +
				`${outside ? `, failed outside the tests${part.note ? ` (${part.note})` : ''}` : ''}`,
		);
	}
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
