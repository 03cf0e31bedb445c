// Apps Script serves each HtmlService file as one document and cannot serve separate JS or CSS files, so every
// sidebar is built into a single HTML file with its script and styles inlined.

import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function inlineSidebar(dir: string): Promise<string> {
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const script = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    // Core imports papaparse's Node build by path (its types stay Node-free); the browser gets the package's own
    // browser build, which has no require('stream').
    alias: { 'papaparse/papaparse.js': 'papaparse' },
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    logLevel: 'silent',
  });
  const cssFile = path.join(dir, 'style.css');
  const sharedCss = path.join(dir, '..', '..', 'lib', 'base.css');
  let css = '';
  for (const f of [sharedCss, cssFile]) {
    if (!fs.existsSync(f)) continue;
    const out = await esbuild.build({
      entryPoints: [f],
      bundle: true,
      write: false,
      minify: true,
      logLevel: 'silent',
      loader: { '.css': 'css' },
    });
    css += out.outputFiles[0].text;
  }
  if (!template.includes('<!-- inline:script -->') || !template.includes('<!-- inline:style -->')) {
    throw new Error(`${dir}/index.html must contain <!-- inline:style --> and <!-- inline:script --> markers`);
  }
  // esbuild escapes "</script" inside the bundle, so the inlined code cannot close its own tag.
  return template
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${script.outputFiles[0].text}</script>`);
}
