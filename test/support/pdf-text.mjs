// Prints the text of the PDF read from stdin, page by page (pages separated by a form feed), lines by their y.
// pdfjs-dist is ESM only and jest runs CommonJS, so tests call this in a child `node` (pdf-text.ts).
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const lines = [];
  let current = null;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const y = Math.round(item.transform[5]);
    if (!current || Math.abs(current.y - y) > 2) {
      current = { y, parts: [] };
      lines.push(current);
    }
    current.parts.push(item.str);
  }
  pages.push(lines.map((l) => l.parts.join(' ').replace(/\s+/g, ' ').trim()).join('\n'));
}
process.stdout.write(pages.join('\f'));
