// One export file's content in the format the office chose: what the sidebar downloads and the CLI writes. Apart
// from the index (src/core/export/index.ts) because the Excel writer brings SheetJS, which the server never needs.

import type { Locale } from '../i18n/locale';
import type { ExportContact } from './contact-view';
import { googleCsv } from './google-csv';
import type { ExportFormat } from './index';
import { outlookCsv } from './outlook-csv';
import { vcard } from './vcard';
import { xlsxWorkbook } from './xlsx';

/** Text for the CSV and vCard formats, the workbook's bytes for Excel (its headers in `locale`). */
export function exportFile(format: ExportFormat, contacts: ExportContact[], locale: Locale): string | Uint8Array {
  switch (format) {
    case 'google-csv':
      return googleCsv(contacts);
    case 'outlook-csv':
      return outlookCsv(contacts);
    case 'vcard':
      return vcard(contacts);
    case 'xlsx':
      return xlsxWorkbook(contacts, locale);
  }
}
