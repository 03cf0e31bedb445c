// A mailing's template kept in a Google Doc (the office edits it there): its text through the Docs advanced service
// (Documents.get: the body's paragraphs, and the paragraphs of table cells, in order). The id is taken from a URL
// ".../document/d/ID/edit" as the office copies it from the browser, or given as is.

type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

/** The document id in a Docs URL or the text itself when it is an id already. */
export function docIdOf(text: string): string {
  const t = text.trim();
  const m = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(t);
  return m ? m[1] : t;
}

function textOf(content: StructuralElement[] | undefined, out: string[]): void {
  for (const el of content ?? []) {
    if (el.paragraph)
      out.push(
        (el.paragraph.elements ?? [])
          .map((e) => e.textRun?.content ?? '')
          .join('')
          .replace(/\n$/, ''),
      );
    for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells ?? []) textOf(cell.content, out);
  }
}

/** The Doc's text, paragraph per line. Throws Google's error when the Doc cannot be read (not found, no access). */
export function readDocText(idOrUrl: string): string {
  if (typeof Docs === 'undefined' || !Docs?.Documents) throw new Error('The Docs advanced service is not enabled.');
  const doc = Docs.Documents.get(docIdOf(idOrUrl));
  const lines: string[] = [];
  textOf(doc.body?.content, lines);
  return lines.join('\n');
}
