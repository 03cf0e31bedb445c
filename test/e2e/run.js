// `npm run test:e2e`: the browser tests, in Debian's Chromium driven by playwright-core. Browsers cannot be
// downloaded here, so without /usr/bin/chromium the suite is skipped with a message saying how to get it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`Browser tests skipped: ${chromium} not found (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  process.exit(process.env.CI ? 1 : 0);
}
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(
  process.execPath,
  [jest, '-c', path.join(__dirname, 'jest.config.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
