/** Two projects: `unit` (fast, no n8n) and `e2e` (a real n8n against the emulator). */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };

module.exports = {
	// dist/ holds a built copy of the sources (and a package.json jest would mistake for a module).
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			modulePathIgnorePatterns: ['<rootDir>/dist/'],
			// Jest 29 reads testTimeout only globally; a setup file sets it for this project alone.
			setupFilesAfterEnv: ['<rootDir>/test/e2e/timeout.ts'],
			// Installs the n8n version under test (N8N_VERSION, see test/e2e/harness/config.ts) once per run.
			globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
		},
	],
};
