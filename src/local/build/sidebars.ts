// Apps Script serves each HtmlService file as one document and cannot serve separate JS or CSS files, so every
// sidebar is built into a single HTML file with its script and styles inlined. The page around it (head, title) is
// client/lib/page.html, the same for every sidebar; a sidebar's folder holds only its body.html.

import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file a sidebar folder must hold to be built. */
export const SIDEBAR_BODY = 'body.html';

export async function inlineSidebar(dir: string): Promise<string> {
  const lib = path.join(dir, '..', '..', 'lib');
  const page = fs.readFileSync(path.join(lib, 'page.html'), 'utf8');
  const body = fs.readFileSync(path.join(dir, SIDEBAR_BODY), 'utf8');
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
  const sharedCss = path.join(lib, 'base.css');
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
  if (/<(html|head|body)\b/i.test(body)) throw new Error(`${dir}/${SIDEBAR_BODY} must hold the body's content only`);
  // esbuild escapes "</script" inside the bundle, so the inlined code cannot close its own tag.
  return page
    .replace('<!-- inline:body -->', () => body)
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${script.outputFiles[0].text}</script>`);
}
