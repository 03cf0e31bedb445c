// The export formats the office can choose.

export type ExportFormat = 'google-csv' | 'outlook-csv' | 'vcard' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['google-csv', 'outlook-csv', 'vcard', 'xlsx'];

export const EXPORT_FILE: Record<ExportFormat, { extension: string; mime: string }> = {
  'google-csv': { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  'outlook-csv': { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  vcard: { extension: 'vcf', mime: 'text/vcard;charset=utf-8' },
  xlsx: { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

export { googleCsv } from './google-csv';
export { outlookCsv } from './outlook-csv';
export { vcard } from './vcard';
export type { ExportContact } from './contact-view';
