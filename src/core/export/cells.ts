// Spreadsheet-safe text. A cell that starts with = + - @ (or a tab/CR) is read as a formula by Excel and Sheets, so a
// client's name like `=HYPERLINK(...)` could run on the office's machine: such cells get a leading apostrophe.
// A phone number in international form (`+7 912 345-67-89`) is left alone in a phone column only: it holds only digits
// and separators, so it cannot call anything, and Google Contacts must get it back unchanged when the export is
// re-imported. The same text in a name or a note column is neutralised like any other (`+1-2` there is a formula).
// Cells written into the CRM's own spreadsheet follow a different, stricter rule (phones and numbers too are kept as
// text there): src/core/sheets/cell-text.ts, where the two rules stand side by side.

const FORMULA_START = /^[=+@\t\r-]/;
/** One phone in international form, or several joined with ", " (the Excel export's one Phones column). */
const PHONES_ONLY = /^\+[\d\s().-]+(?:, \+[\d\s().-]+)*$/;

/** `phone`: the cell is in a phone column, where a number in international form is kept as it is. */
export function neutralizeCell(text: string, phone = false): string {
  if (!FORMULA_START.test(text) || (phone && PHONES_ONLY.test(text))) return text;
  return `'${text}`;
}

/** A CSV header naming a phone number column (Google's `Phone 1 - Value`, Outlook's `Mobile Phone`), not its label. */
export function isPhoneHeader(header: string): boolean {
  return /\bPhone\b/i.test(header) && !/Label$/i.test(header);
}

/** RFC 4180 field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter = ',', phone = false): string {
  const safe = neutralizeCell(text, phone);
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[], delimiter = ',', phoneColumns: boolean[] = []): string {
  return fields.map((f, i) => csvField(f, delimiter, phoneColumns[i] ?? false)).join(delimiter);
}

/** UTF-8 with a BOM, CRLF line ends: what Excel needs to open Cyrillic CSV correctly. The first row is the header:
 *  its phone columns (isPhoneHeader) keep numbers in international form as they are. */
export function csvDocument(rows: string[][], delimiter = ','): string {
  const phoneColumns = (rows[0] ?? []).map(isPhoneHeader);
  return `\uFEFF${rows.map((r, i) => csvLine(r, delimiter, i === 0 ? [] : phoneColumns)).join('\r\n')}\r\n`;
}

/** Characters one Excel cell holds (Excel specifications and limits: "Total number of characters that a cell can
 *  contain: 32,767"). */
export const XLSX_CELL_LIMIT = 32_767;

/** The text cut to what an Excel cell holds, ending with `marker(total)` so the reader sees it was cut. */
export function fitXlsxCell(text: string, marker: (total: number) => string): { text: string; cut: boolean } {
  if (text.length <= XLSX_CELL_LIMIT) return { text, cut: false };
  const end = marker(text.length);
  let keep = XLSX_CELL_LIMIT - end.length;
  // Do not split a surrogate pair (an emoji) in two.
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  return { text: text.slice(0, keep) + end, cut: true };
}
