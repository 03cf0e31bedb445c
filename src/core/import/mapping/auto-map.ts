// Proposes a mapping from a file's header row. The office confirms or corrects it; a confirmed mapping is remembered
// under mappingFingerprint(headers) (fingerprint.ts) and offered again for the next file with the same header row.

import type { Mapping, MappingColumn, MappingLayout } from '../types';
import { genericMeaning } from './generic-headers';
import { headerKey } from './header-key';
import { ColumnMeaning, googleMeaning, looksLikeGoogle, looksLikeOutlook, outlookMeaning } from './known-layouts';

function detectLayout(headers: string[]): MappingLayout {
  return looksLikeGoogle(headers) ?? (looksLikeOutlook(headers) ? 'outlook' : 'generic');
}

function column(index: number, header: string, meaning: ColumnMeaning | undefined): MappingColumn {
  if (!headerKey(header)) return { index, header, field: 'ignore' };
  if (!meaning) return { index, header, field: 'custom', key: header.trim() };
  const out: MappingColumn = { index, header, field: meaning.field };
  if (meaning.type !== undefined) out.type = meaning.type;
  if (meaning.key !== undefined) out.key = meaning.key;
  if (meaning.group !== undefined) out.group = meaning.group;
  if (meaning.part !== undefined) out.part = meaning.part;
  return out;
}

/** Fixes that need the whole header row of an office's own sheet. */
function settleGeneric(columns: MappingColumn[]): void {
  const has = (field: string) => columns.some((c) => c.field === field);
  // A lone `Имя` / `Name` / `სახელი` column in a sheet without a surname column usually holds the whole name.
  if (!has('familyName') && !has('fullName') && !has('middleName')) {
    const given = columns.filter((c) => c.field === 'givenName');
    if (given.length === 1) given[0].field = 'fullName';
  }
  // `Адрес` next to `Город` / `Индекс` is the street line of one address; alone it is the whole address.
  const parts = columns.filter((c) => c.field === 'address' && c.part !== 'formatted');
  let firstFormatted = true;
  for (const c of columns) {
    if (c.field !== 'address') continue;
    if (c.part === 'formatted') {
      c.group = firstFormatted ? 'address' : `address ${c.index}`;
      if (firstFormatted && parts.length) c.part = 'street';
      firstFormatted = false;
    } else {
      c.group = 'address';
    }
  }
}

export function autoMap(headers: string[]): Mapping {
  const layout = detectLayout(headers);
  const columns = headers.map((raw, index) => {
    const header = String(raw ?? '');
    let meaning: ColumnMeaning | undefined;
    if (layout === 'google' || layout === 'google-legacy') meaning = googleMeaning(header);
    else if (layout === 'outlook') meaning = outlookMeaning(header);
    // Columns a known layout does not list (an office's extra `Менеджер`) are read as in any sheet, by exact name only.
    if (!meaning) {
      const generic = genericMeaning(header, layout !== 'generic');
      if (generic) meaning = { field: generic.field, type: generic.type, part: generic.part };
    }
    return column(index, header, meaning);
  });
  if (layout === 'generic') settleGeneric(columns);
  return { layout, columns };
}
