// The sandbox pages' HTML shells and their scripts, bundled with esbuild when the sandbox starts.

import * as esbuild from 'esbuild';
import * as path from 'node:path';

export type Page = 'sheets' | 'gmail' | 'contacts' | 'telephony';

const TITLES: Record<Page, string> = {
  sheets: 'CRM — Google Sheets (sandbox)',
  gmail: 'Gmail (sandbox)',
  contacts: 'Google Contacts (sandbox)',
  telephony: 'Telephony: the PBX side (sandbox)',
};

export function pageHtml(page: Page): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${TITLES[page]}</title>
<link rel="stylesheet" href="/assets/sandbox.css"></head>
<body data-page="${page}"><nav class="apps"><a href="/" data-app="sheets">Sheets</a><a href="/gmail" data-app="gmail">Gmail</a><a href="/contacts" data-app="contacts">Contacts</a><a href="/telephony" data-app="telephony">Telephony</a><span class="badge">emulated Google Workspace</span></nav>
<main id="app"></main><script src="/assets/${page}.js"></script></body></html>`;
}

export async function webBundle(): Promise<Record<string, { type: string; content: string }>> {
  const dir = path.join(__dirname, 'web');
  const out: Record<string, { type: string; content: string }> = {};
  for (const name of ['sheets', 'gmail', 'contacts', 'telephony', 'script-run-shim']) {
    const result = await esbuild.build({
      entryPoints: [path.join(dir, `${name}.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      // The pages take two browser-safe helpers from the emulator's one entry (google.script.run's rules, A1
      // letters); the package is free of side effects, so the Node-only modules behind that entry are dropped.
      external: ['node:*', 'better-sqlite3', 'gas-local'],
      charset: 'utf8',
      logLevel: 'silent',
    });
    out[`${name}.js`] = { type: 'text/javascript; charset=utf-8', content: result.outputFiles[0].text };
  }
  const css = await esbuild.build({
    entryPoints: [path.join(dir, 'sandbox.css')],
    bundle: true,
    write: false,
    logLevel: 'silent',
  });
  out['sandbox.css'] = { type: 'text/css; charset=utf-8', content: css.outputFiles[0].text };
  return out;
}
