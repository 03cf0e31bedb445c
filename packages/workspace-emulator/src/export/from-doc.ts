// What a Google Doc looks like on paper: its paragraphs, sized by their named style (Docs' default styles: Title
// 26 pt, Subtitle 15, Heading 1 20, Heading 2 16, Heading 3 14, Heading 4 12, others 11; headings bold here).

import { DocRecord, NamedStyle, paragraphs } from '../docs/model';
import { Layout } from './layout';

/** Docs' line break inside a paragraph (Shift+Enter): a vertical tab in the text. */
const LINE_BREAK = String.fromCharCode(11);

const SIZE: Record<NamedStyle, number> = {
  NORMAL_TEXT: 11,
  TITLE: 26,
  SUBTITLE: 15,
  HEADING_1: 20,
  HEADING_2: 16,
  HEADING_3: 14,
  HEADING_4: 12,
  HEADING_5: 11,
  HEADING_6: 11,
};

export function docLayout(title: string, doc: DocRecord): Layout {
  return {
    title,
    blocks: paragraphs(doc).map((p) => ({
      kind: 'paragraph' as const,
      text: p.content.replace(/\n$/, '').split(LINE_BREAK).join('\n'),
      size: SIZE[p.style],
      bold: p.style !== 'NORMAL_TEXT' && p.style !== 'SUBTITLE',
    })),
  };
}

/** Docs' text/plain export: the paragraphs, one a line (UNVERIFIED: whether Google starts it with a BOM; not here). */
export function docPlainText(doc: DocRecord): string {
  return doc.text.split(LINE_BREAK).join('\n');
}
