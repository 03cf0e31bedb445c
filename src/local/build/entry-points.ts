// Apps Script calls entry points (triggers, menu items, google.script.run targets, card actions) only if they are
// top-level function declarations. esbuild's IIFE hides everything inside a closure, so: find the names
// src/server/main.ts exports (an ESM metafile pass lists them; an IIFE pass does not), then append one delegating
// declaration per entry point that forwards to the IIFE's `CRM` object. The google.script.run targets come from the
// one list in src/shared/rpc.ts (SERVER_FUNCTIONS, checked against ServerApi) and forward to `CRM.api`.

import * as esbuild from 'esbuild';
import { SERVER_FUNCTIONS } from '../../shared/rpc';

/** The object main.ts exports whose methods are the google.script.run targets. */
export const API_EXPORT = 'api';

export async function exportedNames(entry: string): Promise<string[]> {
  const probe = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // As the bundle itself resolves it (build.ts): papaparse's browser build.
    alias: { 'papaparse/papaparse.js': 'papaparse/papaparse.min.js' },
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error(`esbuild found no output for ${entry}`);
  return output.exports.slice().sort();
}

/** Every top-level function the bundle declares: main.ts's exported functions and the ServerApi functions. */
export function entryPointNames(exported: string[]): string[] {
  if (!exported.includes(API_EXPORT)) throw new Error(`src/server/main.ts must export \`${API_EXPORT}\` (ServerApi)`);
  const clash = SERVER_FUNCTIONS.filter((n) => exported.includes(n));
  if (clash.length)
    throw new Error(`src/server/main.ts exports ${clash.join(', ')}: ServerApi functions come from api`);
  return [...exported.filter((n) => n !== API_EXPORT), ...SERVER_FUNCTIONS].sort();
}

export function wrapperFooter(exported: string[]): string {
  const own = exported.filter((n) => n !== API_EXPORT);
  const lines = [
    ...own.map((n) => `function ${n}() { return CRM.${n}.apply(this, arguments); }`),
    ...SERVER_FUNCTIONS.map(
      (n) => `function ${n}() { return CRM.${API_EXPORT}.${n}.apply(CRM.${API_EXPORT}, arguments); }`,
    ),
  ];
  return ['// Entry points: Apps Script only calls top-level function declarations.', ...lines].join('\n');
}
