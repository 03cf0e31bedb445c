// Every spreadsheet and vCard of the shared corpus (real files from SheetJS, AOSP, ez-vcard, node-vcf; see
// ../shared/data/corpus/SOURCES.json) must read or fail with a ReadError a person can act on — never crash.
// The corpus sits beside the repository (CI has it at ../shared). Without it CI fails (a missing corpus must not pass
// as green); a developer's machine skips the suite and says why.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReadError, readContactsFile } from '../../../src/core/import/readers';

const CORPUS = path.resolve(__dirname, '../../../../shared/data/corpus');
const present = fs.existsSync(CORPUS);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : /\.(xlsx|xls|ods|csv|vcf)$/i.test(e.name) ? [full] : [];
  });
}

if (!present && process.env.CI) {
  describe('reading the shared corpus', () => {
    test('the corpus is beside the repository', () => {
      throw new Error(`CI must have ../shared beside the clone: no corpus at ${CORPUS}`);
    });
  });
} else if (!present) {
  process.stdout.write(`Corpus not found at ${CORPUS}: skipping the reader corpus test (CI fails here instead).\n`);
}

(present ? describe : describe.skip)('reading the shared corpus', () => {
  const files = [...filesUnder(path.join(CORPUS, 'spreadsheets')), ...filesUnder(path.join(CORPUS, 'vcard'))];

  test('there are files to read', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s', (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    try {
      const r = readContactsFile(bytes, path.basename(file));
      if (r.kind === 'table') {
        expect(r.table.headers.length).toBeGreaterThanOrEqual(2);
        for (const row of r.table.rows) {
          expect(row.cells).toHaveLength(r.table.headers.length);
          expect(row.rowNumber).toBeGreaterThan(r.table.headerRowNumber);
        }
      } else {
        expect(r.drafts.length).toBeGreaterThan(0);
        for (const d of r.drafts) expect(d.rowNumber).toBeGreaterThan(0);
      }
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).message).toContain(path.basename(file));
    }
  });
});
