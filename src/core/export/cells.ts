// Spreadsheet-safe text. A cell that starts with = + - @ (or a tab/CR) is read as a formula by Excel and Sheets, so a
// client's name like `=HYPERLINK(...)` could run on the office's machine: such cells get a leading apostrophe.
// A phone number in international form (`+7 912 345-67-89`) is left alone: it holds only digits and separators, so it
// cannot call anything, and Google Contacts must get it back unchanged when the export is re-imported.
// Cells written into the CRM's own spreadsheet follow a different, stricter rule (phones and numbers too are kept as
// text there): src/core/sheets/cell-text.ts, where the two rules stand side by side.

const FORMULA_START = /^[=+@\t\r-]/;
const PHONE_ONLY = /^\+[\d\s().-]+$/;

export function neutralizeCell(text: string): string {
  if (!FORMULA_START.test(text) || PHONE_ONLY.test(text)) return text;
  return `'${text}`;
}

/** RFC 4180 field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter = ','): string {
  const safe = neutralizeCell(text);
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[], delimiter = ','): string {
  return fields.map((f) => csvField(f, delimiter)).join(delimiter);
}

/** UTF-8 with a BOM, CRLF line ends: what Excel needs to open Cyrillic CSV correctly. */
export function csvDocument(rows: string[][], delimiter = ','): string {
  return `\uFEFF${rows.map((r) => csvLine(r, delimiter)).join('\r\n')}\r\n`;
}
