// Turns rows into drafts by a mapping. Pure and lossless: every non-empty mapped cell lands somewhere in the draft —
// a second value for a one-value field (two `Компания` columns) becomes a custom field rather than vanishing.

import {
  ContactDraft,
  DraftAddress,
  emptyDraft,
  Mapping,
  MappingColumn,
  SINGLE_VALUE_FIELDS,
  SingleValueField,
  SourceCell,
  SourceRow,
  SourceTable,
} from '../types';

const GOOGLE_SEPARATOR = /\s*:::\s*/;

const SINGLE: ReadonlySet<string> = new Set(SINGLE_VALUE_FIELDS);

/** `\S` is exactly what trim() keeps, so this is `!text.trim()` without making the trimmed copy. */
const SOMETHING = /\S/;

function isBlank(cell: SourceCell | undefined): boolean {
  return !cell || (!cell.date && !SOMETHING.test(String(cell.text ?? '')));
}

class RowReader {
  readonly draft: ContactDraft;

  constructor(
    row: SourceRow,
    private readonly google: boolean,
  ) {
    this.draft = emptyDraft(row.rowNumber);
  }

  private split(text: string): string[] {
    return this.google ? text.split(GOOGLE_SEPARATOR).filter((v) => v.trim()) : [text];
  }

  private keep(header: string, value: string, key?: string): void {
    this.draft.custom.push({ key: key ?? header.trim(), value, column: header });
  }

  put(col: MappingColumn, cell: SourceCell, type?: string): void {
    const d = this.draft;
    const text = String(cell.text ?? '');
    const column = col.header;
    if (SINGLE.has(col.field)) {
      const field = col.field as SingleValueField;
      if (d[field] === undefined)
        d[field] = cell.formula ? { value: text, column, formula: cell.formula } : { value: text, column };
      else this.keep(column, text);
      return;
    }
    switch (col.field) {
      case 'phone':
        for (const v of this.split(text)) d.phones.push(type ? { value: v, column, type } : { value: v, column });
        return;
      case 'email':
        for (const v of this.split(text)) d.emails.push(type ? { value: v, column, type } : { value: v, column });
        return;
      case 'url':
        for (const v of this.split(text)) d.urls.push(type ? { value: v, column, type } : { value: v, column });
        return;
      case 'address':
        d.addresses.push(type ? { column, type, formatted: text } : { column, formatted: text });
        return;
      case 'birthday':
      case 'firstVisit': {
        const value = cell.date ? { ...cell.date } : text;
        if (d[col.field] === undefined) d[col.field] = { value, column };
        else d.events.push({ value, column, type: column.trim() });
        return;
      }
      case 'event':
        d.events.push({ value: cell.date ? { ...cell.date } : text, column, type: type ?? column.trim() });
        return;
      case 'notes':
        d.notes.push({ value: text, column });
        return;
      case 'label':
        // Google's system groups (`* myContacts`, `* Starred`) are told apart by the normaliser (system-groups.ts).
        for (const v of this.split(text)) d.labels.push({ value: v, column });
        return;
      case 'custom':
        this.keep(column, text, type ?? col.key);
        return;
      default:
        return;
    }
  }

  /** Columns that describe one value together: `Phone 1 - Label` + `Phone 1 - Value`, or the parts of an address. */
  putGroup(columns: MappingColumn[], cells: SourceCell[]): void {
    const label = columns.find((c) => c.part === 'label');
    const labelText = label && !isBlank(cells[label.index]) ? String(cells[label.index].text).trim() : undefined;
    const field = columns[0].field;
    if (field === 'address') {
      const address: DraftAddress = { column: '' };
      for (const c of columns) {
        if (c.part === 'label' || c.part === 'value' || c.part === 'photo' || !c.part || isBlank(cells[c.index]))
          continue;
        const text = String(cells[c.index].text);
        if (!address.column) address.column = c.header;
        const slot = c.part === 'formatted' ? 'formatted' : c.part;
        address[slot] = address[slot] ? `${address[slot]}, ${text}` : text;
      }
      if (!address.column) return;
      const type = labelText ?? columns.find((c) => c.type)?.type;
      if (type) address.type = type;
      this.draft.addresses.push(address);
      return;
    }
    const values = columns.filter((c) => c.part !== 'label' && !isBlank(cells[c.index]));
    for (const c of values) {
      const types = labelText ? labelText.split(GOOGLE_SEPARATOR) : [];
      const pieces =
        this.google && (field === 'phone' || field === 'email' || field === 'url')
          ? String(cells[c.index].text).split(GOOGLE_SEPARATOR)
          : [];
      if (pieces.length > 1) {
        // Google joins values that share a label into one cell; their labels line up when it lists several.
        pieces.forEach((piece, i) => {
          if (piece.trim())
            this.put(
              { ...c, field },
              { text: piece },
              types.length === pieces.length ? types[i] : (types[0] ?? c.type),
            );
        });
      } else {
        const type = field === 'custom' ? (labelText ?? c.key) : (labelText ?? c.type);
        this.put({ ...c, field }, cells[c.index], type);
      }
    }
  }
}

/**
 * The draft's lists at their own size. An array grown by push keeps room for 16 more items, and the drafts of a
 * 25,000-row file are kept through the preview: the spare room made them twice as costly to the garbage collector.
 */
function sized(d: ContactDraft): ContactDraft {
  if (d.phones.length) d.phones = d.phones.slice();
  if (d.emails.length) d.emails = d.emails.slice();
  if (d.addresses.length) d.addresses = d.addresses.slice();
  if (d.urls.length) d.urls = d.urls.slice();
  if (d.events.length) d.events = d.events.slice();
  if (d.notes.length) d.notes = d.notes.slice();
  if (d.labels.length) d.labels = d.labels.slice();
  if (d.custom.length) d.custom = d.custom.slice();
  return d;
}

export function applyMapping(table: SourceTable, mapping: Mapping): ContactDraft[] {
  const google = mapping.layout === 'google' || mapping.layout === 'google-legacy';
  const used = mapping.columns.filter((c) => c.field !== 'ignore' || c.part === 'photo');
  const groups = new Map<string, MappingColumn[]>();
  const singles: MappingColumn[] = [];
  for (const c of used) {
    if (c.field === 'ignore') continue;
    if (c.group) groups.set(`${c.field}\u0000${c.group}`, [...(groups.get(`${c.field}\u0000${c.group}`) ?? []), c]);
    else singles.push(c);
  }
  /** Columns the user (or the mapping) chose to ignore by their name: their content alone does not make a row. */
  const ignoredNamed = new Set(
    mapping.columns.filter((c) => c.field === 'ignore' && c.header.trim() !== '').map((c) => c.index),
  );
  const drafts: ContactDraft[] = [];
  for (const row of table.rows) {
    const cells = row.cells ?? [];
    // A row with nothing but a row number ("№") is a gap in the sheet, not a client to report. A row with something
    // in a column without a header is still a row of the file: its draft is empty and the normaliser lists it as not
    // imported, so no row disappears without a word.
    if (cells.every((c, i) => isBlank(c) || ignoredNamed.has(i))) continue;
    const reader = new RowReader(row, google);
    for (const c of used) if (c.part === 'photo' && !isBlank(cells[c.index])) reader.draft.hadPhoto = true;
    for (const c of singles) if (!isBlank(cells[c.index])) reader.put(c, cells[c.index], c.type);
    for (const columns of groups.values()) reader.putGroup(columns, cells);
    drafts.push(sized(reader.draft));
  }
  return drafts;
}
