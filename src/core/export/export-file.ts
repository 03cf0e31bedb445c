// One export file's content in the format the office chose: what the sidebar downloads and the CLI writes. Apart
// from the index (src/core/export/index.ts) because the Excel writer brings SheetJS, which the server never needs.

import type { Locale } from '../i18n/locale';
import type { ExportContact } from './contact-view';
import { googleCsv } from './google-csv';
import type { ExportFormat } from './index';
import { outlookCsv } from './outlook-csv';
import { vcard } from './vcard';
import { xlsxExport, type XlsxCut } from './xlsx';

export interface ExportedFile {
  /** Text for the CSV and vCard formats, the workbook's bytes for Excel (its headers in `locale`). */
  content: string | Uint8Array;
  /** Cells Excel could not hold whole, cut with a marker (only xlsx has a cell limit): the office is told. */
  cut: XlsxCut[];
}

export function exportFile(format: ExportFormat, contacts: ExportContact[], locale: Locale): ExportedFile {
  switch (format) {
    case 'google-csv':
      return { content: googleCsv(contacts), cut: [] };
    case 'outlook-csv':
      return { content: outlookCsv(contacts), cut: [] };
    case 'vcard':
      return { content: vcard(contacts), cut: [] };
    case 'xlsx': {
      const { bytes, cut } = xlsxExport(contacts, locale);
      return { content: bytes, cut };
    }
  }
}
