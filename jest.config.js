/** Two projects: `unit` (fast, no n8n) and `e2e` (a real n8n against the emulator). */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			// Jest 29 reads testTimeout only globally; a setup file sets it for this project alone.
			setupFilesAfterEnv: ['<rootDir>/test/e2e/timeout.ts'],
		},
	],
};
