// The text a person would read in a PDF (pdfjs-dist in a child process: see pdf-text.mjs): lines in reading order,
// cells of one table row joined by a space, pages separated by "\f". For asserting what a generated document says.

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPT = path.join(__dirname, 'pdf-text.mjs');

export function pdfText(bytes: Uint8Array | Buffer): string {
  return execFileSync(process.execPath, [SCRIPT], { input: Buffer.from(bytes), encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The number of pages (one more than the form feeds pdfText puts between them). */
export function pdfPages(bytes: Uint8Array | Buffer): number {
  return pdfText(bytes).split('\f').length;
}
