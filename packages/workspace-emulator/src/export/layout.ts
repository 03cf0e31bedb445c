// What an exported page shows, independent of where it came from (a Google Doc's paragraphs, a spreadsheet's grid):
// the one input of the PDF renderer (pdf.ts).

export interface LayoutParagraph {
  kind: 'paragraph';
  text: string;
  /** Points. */
  size: number;
  bold: boolean;
}

export interface LayoutTable {
  kind: 'table';
  rows: string[][];
}

export type LayoutBlock = LayoutParagraph | LayoutTable;

export interface Layout {
  title: string;
  blocks: LayoutBlock[];
}
