// The PDF renderer's worker (run with `eval: true` by pdf.ts): pdf-lib is asynchronous, Apps Script calls are not, so
// the emulator renders on a worker thread and waits for it (Atomics.wait). Kept as source text so the emulator needs
// no separate built file wherever it runs (ts-jest, tsx, an esbuild bundle).
//
// Page: A4 portrait, 2 cm margins, DejaVu Sans (Cyrillic, Georgian, Latin, ₽), lines wrapped at word boundaries (a word
// longer than the line is cut; a no-break space never breaks), a new page when the next line does not fit. Tables: equal columns, cells wrapped,
// thin borders, a row never split across pages (a row taller than a page is cut).

export const PDF_WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { PDFDocument, rgb } = require(workerData.pdfLib);
const fontkit = require(workerData.fontkit);
const regularBytes = fs.readFileSync(workerData.regular);
const boldBytes = fs.readFileSync(workerData.bold);
const A4 = [595.28, 841.89];
const MARGIN = 56.69;

function wrap(font, text, size, width) {
  const out = [];
  for (const raw of String(text).split('\n')) {
    const words = raw.split(/([ \t]+)/);
    let line = '';
    for (const w of words) {
      const next = line + w;
      if (font.widthOfTextAtSize(next, size) <= width || line === '') {
        if (font.widthOfTextAtSize(next, size) <= width) { line = next; continue; }
        // One word wider than the line: cut it.
        let piece = '';
        for (const ch of Array.from(next)) {
          if (font.widthOfTextAtSize(piece + ch, size) > width && piece) { out.push(piece); piece = ch; }
          else piece += ch;
        }
        line = piece;
        continue;
      }
      out.push(line.replace(/[ \t]+$/, ''));
      line = /^[ \t]*$/.test(w) ? '' : w;
    }
    out.push(line.replace(/[ \t]+$/, ''));
  }
  return out;
}

async function render(layout) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(layout.title || 'Untitled');
  doc.setCreator('workspace-emulator');
  doc.setProducer('workspace-emulator');
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const width = A4[0] - 2 * MARGIN;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const room = (h) => {
    if (y - h < MARGIN) { page = doc.addPage(A4); y = A4[1] - MARGIN; }
  };
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') {
      const font = block.bold ? bold : regular;
      const lead = block.size * 1.25;
      for (const line of wrap(font, block.text, block.size, width)) {
        room(lead);
        y -= lead;
        if (line) page.drawText(line, { x: MARGIN, y: y + lead * 0.2, size: block.size, font });
      }
      y -= block.size * 0.3;
      continue;
    }
    const cols = Math.max(1, ...block.rows.map((r) => r.length));
    const cw = width / cols;
    const size = cols > 8 ? 7 : 9;
    const lead = size * 1.25;
    for (const row of block.rows) {
      const cells = [];
      for (let c = 0; c < cols; c++) cells.push(wrap(regular, row[c] == null ? '' : String(row[c]), size, cw - 6));
      const maxLines = Math.floor((A4[1] - 2 * MARGIN - 6) / lead);
      const lines = Math.min(maxLines, Math.max(1, ...cells.map((l) => l.length)));
      const h = lines * lead + 6;
      room(h);
      for (let c = 0; c < cols; c++) {
        page.drawRectangle({ x: MARGIN + c * cw, y: y - h, width: cw, height: h, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
        cells[c].slice(0, lines).forEach((line, i) => {
          if (line) page.drawText(line, { x: MARGIN + c * cw + 3, y: y - 3 - (i + 1) * lead + lead * 0.2, size, font: regular });
        });
      }
      y -= h;
    }
    y -= 6;
  }
  return doc.save({ useObjectStreams: false });
}

workerData.port.on('message', async ({ signal, layout }) => {
  let reply;
  try {
    reply = { bytes: await render(layout) };
  } catch (e) {
    reply = { error: String((e && e.stack) || e) };
  }
  workerData.port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;
