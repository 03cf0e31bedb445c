// A Google Doc's body as the emulator keeps it: the body's text (every paragraph ends with "\n", the last one
// included) and one named paragraph style per paragraph. Indices are the Docs API's: UTF-16 code units, the body's
// section break taking index 0, so body text offset k is document index k + 1
// (https://developers.google.com/docs/api/concepts/structure#start_and_end_index).
//
// Simplifications: the body only (no headers, footers, footnotes, tabs), no text styles, no tables, lists or inline
// objects; a request the model cannot represent is refused (service.ts), never ignored.

export const NAMED_STYLES = [
  'NORMAL_TEXT',
  'TITLE',
  'SUBTITLE',
  'HEADING_1',
  'HEADING_2',
  'HEADING_3',
  'HEADING_4',
  'HEADING_5',
  'HEADING_6',
] as const;
export type NamedStyle = (typeof NAMED_STYLES)[number];

export interface DocRecord {
  /** The body text; always ends with "\n". */
  text: string;
  /** One per paragraph (per "\n" of `text`), in order. */
  styles: NamedStyle[];
  /** Bumped by every batchUpdate that changes something. */
  revision: number;
}

export interface DocParagraph {
  /** Document index of the paragraph's first character. */
  startIndex: number;
  /** Exclusive: just past its "\n". */
  endIndex: number;
  /** The paragraph's text with its "\n". */
  content: string;
  style: NamedStyle;
}

/** A new document's body: one empty paragraph. (Its title is the Drive file's name.) */
export function emptyDoc(): DocRecord {
  return { text: '\n', styles: ['NORMAL_TEXT'], revision: 1 };
}

export function copyDoc(d: DocRecord): DocRecord {
  return { text: d.text, styles: d.styles.slice(), revision: d.revision };
}

export function paragraphs(d: DocRecord): DocParagraph[] {
  const out: DocParagraph[] = [];
  let start = 0;
  let i = 0;
  for (;;) {
    const nl = d.text.indexOf('\n', start);
    if (nl < 0) break;
    out.push({ startIndex: start + 1, endIndex: nl + 2, content: d.text.slice(start, nl + 1), style: d.styles[i++] });
    start = nl + 1;
  }
  return out;
}

/** The document index just past the body's final "\n" (the body's endIndex). */
export function bodyEnd(d: DocRecord): number {
  return d.text.length + 1;
}

/** Which paragraph (0-based) holds body text offset `k`. */
function paragraphAt(d: DocRecord, k: number): number {
  let n = 0;
  for (let i = 0; i < k; i++) if (d.text.charCodeAt(i) === 10) n++;
  return n;
}

/** Inserts at document `index` (1 ≤ index < bodyEnd); new paragraphs take the style of the one split. */
export function insertText(d: DocRecord, index: number, text: string): void {
  const k = index - 1;
  const p = paragraphAt(d, k);
  const added = (text.match(/\n/g) ?? []).length;
  d.text = d.text.slice(0, k) + text + d.text.slice(k);
  d.styles.splice(p, 0, ...Array<NamedStyle>(added).fill(d.styles[p]));
}

/**
 * Deletes [start, end) in document indices (end < bodyEnd). A paragraph whose "\n" goes joins the next one, which
 * keeps its own style (the style belongs to the surviving newline).
 */
export function deleteRange(d: DocRecord, start: number, end: number): void {
  const s = start - 1;
  const e = end - 1;
  const first = paragraphAt(d, s);
  const removed = (d.text.slice(s, e).match(/\n/g) ?? []).length;
  d.text = d.text.slice(0, s) + d.text.slice(e);
  d.styles.splice(first, removed);
}

/** Every match of `find` (no match spans a paragraph break), replaced; how many. */
export function replaceAll(d: DocRecord, find: string, replace: string, matchCase: boolean): number {
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(escaped, matchCase ? 'g' : 'gi');
  const hits: Array<{ at: number; length: number }> = [];
  for (const m of d.text.matchAll(re)) if (!m[0].includes('\n')) hits.push({ at: m.index, length: m[0].length });
  // From the end, so earlier offsets stay valid.
  for (let i = hits.length - 1; i >= 0; i--) {
    const at = hits[i].at + 1;
    deleteRange(d, at, at + hits[i].length);
    if (replace) insertText(d, at, replace);
  }
  return hits.length;
}

/** Sets the named style of every paragraph [start, end) touches. */
export function setParagraphStyle(d: DocRecord, start: number, end: number, style: NamedStyle): void {
  for (const [i, p] of paragraphs(d).entries())
    if (p.startIndex < Math.max(end, start + 1) && p.endIndex > start) d.styles[i] = style;
}
