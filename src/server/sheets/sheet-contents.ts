// A CRM sheet as the office sees it — the header row wherever it is, the rows below it as displayed, and the formula
// of each cell — for scripts and checks (the CLI's `crm sheet TITLE`). Hidden sheets (Import log, Import queue, Card
// index) are found like the others.

import { findTable } from '../../core/events/table';
import { sheetTitleMatches } from '../../core/sheets/template';
import { SheetKey, TEMPLATES } from '../../core/sheets/templates';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';
import { findReportSheet, ReportSheetKey } from '../reports/report-sheets';
import { isSheetTitled } from '../../core/reports/words';

/** The Reports sheet and the Dashboard have no table header: row 1 is shown as the header, the rest as rows. */
function reportSheetKey(title: string): ReportSheetKey | undefined {
  if (title === 'reports' || isSheetTitled('reportsSheet', title)) return 'reports';
  if (title === 'dashboard' || isSheetTitled('dashboardSheet', title)) return 'dashboard';
  return undefined;
}

export type SheetContents =
  | { found: true; title: string; header: string[]; rows: string[][]; formulas: string[][] }
  | { found: false; titles: string[] };

/** By its title in any of our languages or its template key ("Import log", "Журнал импорта", "importLog"). */
export function sheetContents(title: string): SheetContents {
  const ss = crmSpreadsheet();
  const report = reportSheetKey(String(title ?? ''));
  const reportSheet = report ? findReportSheet(ss, report) : undefined;
  if (reportSheet) {
    const range = reportSheet.getDataRange();
    const shown = range.getDisplayValues();
    const formulas = range.getFormulas();
    return {
      found: true,
      title: reportSheet.getName(),
      header: shown[0] ?? [],
      rows: shown.slice(1),
      formulas: formulas.slice(1),
    };
  }
  const tpl = TEMPLATES.find((t) => sheetTitleMatches(t, String(title ?? '')));
  const sheet = tpl ? crmSheet(tpl.key as SheetKey, ss) : undefined;
  if (!tpl || !sheet) {
    const titles = TEMPLATES.map((t) => crmSheet(t.key as SheetKey, ss)?.getName()).filter((n): n is string => !!n);
    return { found: false, titles };
  }
  const range = sheet.getDataRange();
  const shown = range.getDisplayValues();
  const formulas = range.getFormulas();
  const at = findTable(shown, tpl)?.headerIndex ?? 0;
  return {
    found: true,
    title: sheet.getName(),
    header: shown[at] ?? [],
    rows: shown.slice(at + 1),
    formulas: formulas.slice(at + 1),
  };
}
