// `npm run bench`: what each operation costs in service calls (what users wait for in Apps Script), against the
// minimum the API allows where we can state it, plus CPU time and memory where they matter. Prints one JSON object.
// `npm run bench -- --only import` runs the scenarios whose name contains the word.

import { foundationBench } from './scenarios/foundation';
import { eventBenches } from './scenarios/events';
import { importBenches } from './scenarios/import';
import { reportBenches } from './scenarios/reports';
import { backupBenches } from './scenarios/backup';
import { pbxBenches } from './scenarios/pbx';
import { documentBenches } from './scenarios/documents';
import { mailingBenches } from './scenarios/mailing';
import type { Measurement } from './measure';

const SCENARIOS: Record<string, () => Measurement[]> = {
  foundation: foundationBench,
  import: importBenches,
  events: eventBenches,
  reports: reportBenches,
  backup: backupBenches,
  pbx: pbxBenches,
  documents: documentBenches,
  mailing: mailingBenches,
};

function main(): void {
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? process.argv[i + 1] : undefined;
  const results: Record<string, Measurement[]> = {};
  for (const [name, run] of Object.entries(SCENARIOS)) {
    if (only && !name.includes(only)) continue;
    results[name] = run();
  }
  const report = {
    note: 'calls = service round trips counted by the emulated Workspace; serviceMs = their virtual latency; cpuMs = Node CPU of our code',
    node: process.version,
    scenarios: results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
