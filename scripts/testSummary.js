// .tmp/ is kept in the repo (.gitkeep) because jest does not create --outputFile folders.
// Prints the one closing line CI reads ("tests: N passed, N failed"), from the JSON results that
// `npm run test:unit` and `npm run test:e2e` write; a missing results file counts as a failure.
const { existsSync, readFileSync } = require('node:fs');

let passed = 0;
let failed = 0;
for (const file of ['.tmp/jest-unit.json', '.tmp/jest-e2e.json']) {
	if (!existsSync(file)) {
		console.error(`${file} is missing: that test run did not finish`);
		failed += 1;
		continue;
	}
	const results = JSON.parse(readFileSync(file, 'utf8'));
	passed += results.numPassedTests;
	failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
