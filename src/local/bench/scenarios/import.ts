// Import at scale: People API calls to import 1,000 and 25,000 new rows (the account's limit) against the minimum
// the API allows, the CPU time of the preview (read + clean + plan) against SheetJS parsing the same file alone, and
// peak memory.

import * as XLSX from '@e965/xlsx';
import { cleanImportFile, openImportFile } from '../../../core/import/pipeline';
import { planImport } from '../../../core/import/plan';
import { phoneKey } from '../../../core/phone';
import { syntheticXlsx } from '../../demo/synthetic-base';
import { importFile, invokeSheet } from '../../import-driver';
import { openOffice } from '../../office';
import type { Measurement } from '../measure';

const CLOCK = '2026-03-02T09:00:00+03:00';

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function importBench(rows: number): Measurement {
  const office = openOffice({ clockStart: CLOCK });
  invokeSheet(office, 'runSetup');
  const ws = office.workspace;
  const bytes = syntheticXlsx(rows);
  ws.calls.reset();
  const cpu = process.cpuUsage();
  const result = importFile(office, { bytes, fileName: `base-${rows}.xlsx` }, { region: 'RU' });
  const used = process.cpuUsage(cpu);
  if (result.status !== 'done') throw new Error(`import of ${rows} rows: ${result.status} ${result.message}`);
  const byService = ws.calls.byService();
  const peopleCalls = Object.entries(byService).filter(([k]) => k.startsWith('People.')).reduce((n, [, v]) => n + v, 0);
  const labels = 5;
  // The account's contacts listed once (1000 a page; one page when empty), its labels listed once, one call per new
  // label (the API has no batch create for groups), 200 contacts per create (labels ride on the create).
  const minimum = 1 + 1 + labels + Math.ceil(rows / 200);
  return {
    operation: `import ${rows} new rows (xlsx) into an empty account`,
    calls: ws.calls.all().length,
    byService,
    peopleCalls,
    minimum,
    ratioToMinimum: Math.round((peopleCalls / minimum) * 1000) / 1000,
    created: result.created,
    serviceMs: ws.calls.all().reduce((n, c) => n + c.costMs, 0),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

function previewBench(rows: number): Measurement {
  const bytes = syntheticXlsx(rows);
  const parseOnly = cpuMs(() => {
    const book = XLSX.read(bytes, { type: 'array', cellDates: false });
    XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, raw: false });
  });
  let contacts = 0;
  const preview = cpuMs(() => {
    const opened = openImportFile(bytes, 'base.xlsx');
    const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: 'RU', locale: 'ru', importId: 'bench' });
    contacts = planImport(cleaned.contacts, [], { importId: 'bench', phoneKey }).creates.length;
  });
  return {
    operation: `preview ${rows} rows (read + map + clean + plan), CPU`,
    calls: 0,
    byService: {},
    serviceMs: 0,
    cpuMs: Math.round(preview),
    sheetjsParseOnlyCpuMs: Math.round(parseOnly),
    ratioToParsing: Math.round((preview / parseOnly) * 100) / 100,
    contacts,
  };
}

export function importBenches(): Measurement[] {
  const out = [previewBench(25000), importBench(1000), importBench(25000)];
  out.push({ operation: 'peak memory of this bench process', calls: 0, byService: {}, serviceMs: 0, cpuMs: 0, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  return out;
}
