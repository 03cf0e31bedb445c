// `npm run deploy` (package.json: "deploy": "tsx src/local/build/deploy.ts"): builds, checks both clasp project
// files (clasp-targets.ts), then pushes each with the pinned local clasp (`clasp push --force`: the manifest changes
// on most pushes and a non-interactive push would otherwise skip it). Both are checked before either is pushed, so
// a bad second file never leaves the office with half a deployment.
// `npm run deploy -- --dry-run`: the same build and checks, then prints per project the files clasp would push with
// their sizes, without touching the network; it exits 0 when both projects are deployable, else 1 with what to fix
// (the repository's templates hold placeholder script ids, so a fresh checkout says so).

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { build } from './build';
import { CLASP_TARGETS, CLASP, describeFiles, InspectedTarget, inspectTarget } from './clasp-targets';

const root = path.resolve(__dirname, '../../..');

export function inspectAll(repoRoot: string): InspectedTarget[] {
  return CLASP_TARGETS.map((t) => inspectTarget(repoRoot, t));
}

/** Per target the files clasp would push, then every problem (or that the deploy would go ahead). */
export function dryRunReport(targets: InspectedTarget[]): string {
  const problems = targets.flatMap((t) => t.problems);
  return [
    ...targets.flatMap((t) => (t.files ? [describeFiles(t, t.files)] : [])),
    problems.length
      ? `Dry run: nothing was pushed. Fix before deploying:\n${problems.map((p) => `  - ${p}`).join('\n')}`
      : 'Dry run: nothing was pushed; npm run deploy would push the above.',
  ].join('\n');
}

function push(targets: InspectedTarget[]): void {
  for (const t of targets) {
    console.log(`Pushing ${t.rootDir}/ with ${t.claspFile}`);
    execFileSync(CLASP, ['push', '--force', '--project', t.claspFile], { cwd: root, stdio: 'inherit' });
  }
}

async function main(args: string[]): Promise<void> {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (only --dry-run)`);
  await build();
  const targets = inspectAll(root);
  const problems = targets.flatMap((t) => t.problems);
  if (args.includes('--dry-run') || problems.length) {
    console.log(dryRunReport(targets));
    if (problems.length) process.exitCode = 1;
    return;
  }
  push(targets);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`deploy: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
