// Builds dist/ once before the suites that load it, so a plain `npx jest` tests the current sources.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  process.env.TZ = 'UTC';
  if (process.env.CRM_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '../src/local/build/build.ts')], {
    stdio: 'inherit',
  });
};
