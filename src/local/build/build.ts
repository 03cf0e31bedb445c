// `npm run build`: bundles src/ into dist/, exactly what clasp pushes.
//   dist/sheet/  the project bound to the CRM spreadsheet: Code.js, one .html per sidebar, appsscript.json
//   dist/gmail/  the standalone Gmail add-on:            Code.js,                        appsscript.json
// Both projects get the same Code.js (one source of entry points: src/server/main.ts); their manifests differ.

import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryPointNames, exportedNames, wrapperFooter } from './entry-points';
import { inlineSidebar, SIDEBAR_BODY } from './sidebars';
import { checkManifest } from './manifests';

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');

export interface BuildResult {
  entryPoints: string[];
  sidebars: string[];
}

export async function build(): Promise<BuildResult> {
  const entry = path.join(root, 'src/server/main.ts');
  const exported = await exportedNames(entry);
  const names = entryPointNames(exported);
  const server = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'CRM',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // The call-log import (core/pbx/call-log.ts) reads CSV with the client import's reader, which imports papaparse's
    // Node build by path: Apps Script gets the package's browser build, which has no require('stream') (sidebars.ts).
    alias: { 'papaparse/papaparse.js': 'papaparse/papaparse.min.js' },
    // SheetJS (the backup's xlsx, core/backup/workbook.ts) probes for Node and browser globals with `typeof X`:
    // none exists in Apps Script, so each is undefined at build time and no reference is left in the bundle.
    // Papaparse's browser build (the call-log import) names XMLHttpRequest for its download mode, never used here.
    define: Object.fromEntries(
      ['Buffer', 'process', 'document', 'window', 'setTimeout', 'require', 'module', 'exports', 'XMLHttpRequest'].map(
        (g) => [g, 'undefined'],
      ),
    ),
    charset: 'utf8',
    legalComments: 'none',
    footer: { js: wrapperFooter(exported) },
    logLevel: 'silent',
  });
  const code = server.outputFiles[0].text;

  const sidebarRoot = path.join(root, 'src/client/sidebars');
  const sidebars = fs
    .readdirSync(sidebarRoot)
    .filter((d) => fs.existsSync(path.join(sidebarRoot, d, SIDEBAR_BODY)))
    .sort();
  const html: Record<string, string> = {};
  for (const name of sidebars) html[name] = await inlineSidebar(path.join(sidebarRoot, name));

  const manifests = {
    sheet: JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')),
    gmail: JSON.parse(fs.readFileSync(path.join(root, 'src/server/gmail-addon.appsscript.json'), 'utf8')),
  };
  for (const [project, manifest] of Object.entries(manifests)) checkManifest(project, manifest, names);

  fs.rmSync(dist, { recursive: true, force: true });
  for (const project of ['sheet', 'gmail'] as const) {
    const dir = path.join(dist, project);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Code.js'), code);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), `${JSON.stringify(manifests[project], null, 2)}\n`);
  }
  for (const [name, content] of Object.entries(html))
    fs.writeFileSync(path.join(dist, 'sheet', `${name}.html`), content);
  return { entryPoints: names, sidebars };
}

if (require.main === module) {
  build().then(
    // stderr: `npm run bench` and the CLI print JSON on stdout after building.
    (r) => console.error(`dist/ built: ${r.entryPoints.length} entry points, sidebars: ${r.sidebars.join(', ')}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
