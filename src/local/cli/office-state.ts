// The office the CLI works on: the sandbox's state folder by default (the same one `npm start` uses), built from the
// current sources if dist/ is missing or older than them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from '../build/build';
import { DIST, openOffice, Office, ROOT } from '../office';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

async function ensureBuilt(): Promise<void> {
  const code = path.join(DIST, 'sheet', 'Code.js');
  const stale =
    !fs.existsSync(code) ||
    fs.statSync(code).mtimeMs <
      Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'sheets-templates')));
  if (!stale) return;
  process.stderr.write('Building dist/ from the current sources…\n');
  await build();
}

export async function openCliOffice(dir: string | undefined): Promise<Office> {
  await ensureBuilt();
  const folder = path.resolve(dir ?? process.env.SANDBOX_DIR ?? path.join(ROOT, '.sandbox'));
  const office = openOffice({ dir: folder });
  // A fresh folder gets a set-up CRM spreadsheet (no demo data: `npm start` seeds that). Looked at and set up in one
  // transaction, so commands started together on a fresh folder set it up once.
  office.workspace.transaction(() => {
    const snap = office.workspace.spreadsheets.get(office.spreadsheetId);
    if (snap.sheets.length <= 1) office.rpc.runSetup();
  });
  return office;
}
