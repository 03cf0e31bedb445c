// Apps Script calls entry points (triggers, menu items, google.script.run targets, card actions) only if they are
// top-level function declarations. esbuild's IIFE hides everything inside a closure, so: find the names
// src/server/main.ts exports (an ESM metafile pass lists them; an IIFE pass does not), then append one delegating
// declaration per name that forwards to the IIFE's `CRM` object.

import * as esbuild from 'esbuild';

export async function exportedNames(entry: string): Promise<string[]> {
  const probe = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error(`esbuild found no output for ${entry}`);
  return output.exports.slice().sort();
}

export function wrapperFooter(names: string[]): string {
  const lines = names.map((n) => `function ${n}() { return CRM.${n}.apply(this, arguments); }`);
  return ['// Entry points: Apps Script only calls top-level function declarations.', ...lines].join('\n');
}
