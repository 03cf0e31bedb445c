/** Unit, emulator and bundle suites. Browser tests have their own config (test/e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        // Type checking is `npm run typecheck`'s job; isolatedModules makes ts-jest transpile file by file (fast).
        tsconfig: {
          target: 'ES2022',
          module: 'commonjs',
          esModuleInterop: true,
          resolveJsonModule: true,
          isolatedModules: true,
        },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.js',
  // Product code must never lean on the host's zone: Apps Script's is the script's, ours is UTC.
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
