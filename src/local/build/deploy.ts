// `npm run deploy` (package.json: "deploy": "tsx src/local/build/deploy.ts"): builds, checks both clasp project
// files (clasp-targets.ts), then pushes each with the pinned local clasp (`clasp push --force`: the manifest changes
// on most pushes and a non-interactive push would otherwise skip it). Both are checked before either is pushed, so
// a bad second file never leaves the office with half a deployment.
// `npm run deploy -- --dry-run`: the same build and checks, then prints per project the files clasp would push with
// their sizes, without touching the network; it exits 1 when a clasp file or a project folder is wrong, and 0
// otherwise — the repository's templates hold placeholder script ids, which a dry run names as what to set before
// the first push (a real deploy refuses them).

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
  const beforePush = targets.flatMap((t) => t.beforePush);
  const list = (items: string[]) => items.map((p) => `  - ${p}`).join('\n');
  return [
    ...targets.flatMap((t) => (t.files ? [describeFiles(t, t.files)] : [])),
    problems.length
      ? `Dry run: nothing was pushed. Fix before deploying:\n${list([...problems, ...beforePush])}`
      : beforePush.length
        ? `Dry run: nothing was pushed. The files above are what would be pushed once you set:\n${list(beforePush)}`
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
  const dryRun = args.includes('--dry-run');
  const problems = targets.flatMap((t) => (dryRun ? t.problems : [...t.problems, ...t.beforePush]));
  if (dryRun || problems.length) {
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
