// TEMPORARY until helper "formats" delivers src/core/backup/workbook.ts (sheetsWorkbook via @e965/xlsx): the same
// signature, a CSV-like text in bytes, so the run and its tests work. Replaced by the real import in run-state.ts.

import type { SheetsCopy } from './types';

export function sheetsWorkbook(copy: SheetsCopy, titles: Record<string, string>): Uint8Array {
  const text = Object.entries(copy.sheets)
    .map(([key, rows]) => `# ${titles[key] ?? key}\n${rows.map((r) => r.map(String).join('\t')).join('\n')}`)
    .join('\n');
  const out: number[] = [];
  for (const ch of unescape(encodeURIComponent(text))) out.push(ch.charCodeAt(0));
  return Uint8Array.from(out);
}
