// Import at scale: People API calls to import 1,000 and 25,000 new rows (the account's limit) against the minimum
// the API allows, the CPU time of the preview (read + clean + plan) against SheetJS parsing the same file alone, and
// peak memory.

import * as XLSX from '@e965/xlsx';
import { cleanImportFile, openImportFile } from '../../../core/import/pipeline';
import { planImport } from '../../../core/import/plan';
import { phoneKey } from '../../../core/phone';
import { syntheticXlsx } from '../../demo/synthetic-base';
import { importFile } from '../../import-driver';
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
  office.rpc.runSetup();
  const ws = office.workspace;
  const bytes = syntheticXlsx(rows);
  ws.calls.reset();
  const cpu = process.cpuUsage();
  const result = importFile(office, { bytes, fileName: `base-${rows}.xlsx` }, { region: 'RU' });
  const used = process.cpuUsage(cpu);
  if (result.status !== 'done') throw new Error(`import of ${rows} rows: ${result.status} ${result.message}`);
  const byService = ws.calls.byService();
  const peopleCalls = Object.entries(byService)
    .filter(([k]) => k.startsWith('People.'))
    .reduce((n, [, v]) => n + v, 0);
  const labels = 5;
  // The account's contacts listed once (1000 a page; one page when empty), its labels listed once, one call per new
  // label (the API has no batch create for groups), 200 contacts per create (labels ride on the create).
  const minimum = 1 + 1 + labels + Math.ceil(rows / 200);
  return {
    operation: `import ${rows} new rows (xlsx) into an empty account`,
    calls: ws.calls.all().length,
    bytes: ws.calls.totalBytes(),
    byService,
    peopleCalls,
    minimum,
    ratioToMinimum: Math.round((peopleCalls / minimum) * 1000) / 1000,
    created: result.created,
    serviceMs: ws.calls.all().reduce((n, c) => n + c.costMs, 0),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

/** SheetJS alone on the same file: read it and turn the sheet into rows of text, the least any reader must do. */
function parseOnly(bytes: Uint8Array): void {
  const book = XLSX.read(bytes, { type: 'array', cellDates: false });
  XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, raw: false });
}

interface PreviewRun {
  read: number;
  clean: number;
  plan: number;
  contacts: number;
}

function msBetween(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}

function previewOnce(bytes: Uint8Array): PreviewRun {
  const start = process.cpuUsage();
  const opened = openImportFile(bytes, 'base.xlsx');
  const read = process.cpuUsage();
  const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: 'RU', locale: 'ru', importId: 'bench' });
  const clean = process.cpuUsage();
  const contacts = planImport(cleaned.contacts, [], { importId: 'bench', phoneKey }).creates.length;
  const end = process.cpuUsage();
  return { read: msBetween(start, read), clean: msBetween(read, clean), plan: msBetween(clean, end), contacts };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const PREVIEW_RUNS = 3;

/**
 * Both sides measured alike: one warm-up of each on a small file (so neither pays for loading and compiling code the
 * other already paid for), then the two run in turn PREVIEW_RUNS times on the big file and each reports its median,
 * so a garbage collection or a busy moment of the machine lands on one run rather than on one side.
 */
function previewBench(rows: number): Measurement {
  const bytes = syntheticXlsx(rows);
  const warmUp = syntheticXlsx(500);
  parseOnly(warmUp);
  previewOnce(warmUp);
  const parses: number[] = [];
  const previews: PreviewRun[] = [];
  for (let i = 0; i < PREVIEW_RUNS; i++) {
    parses.push(cpuMs(() => parseOnly(bytes)));
    previews.push(previewOnce(bytes));
  }
  const parse = median(parses);
  const preview = median(previews.map((p) => p.read + p.clean + p.plan));
  return {
    operation: `preview ${rows} rows (read + map + clean + plan), CPU`,
    calls: 0,
    byService: {},
    bytes: 0,
    serviceMs: 0,
    cpuMs: Math.round(preview),
    sheetjsParseOnlyCpuMs: Math.round(parse),
    ratioToParsing: Math.round((preview / parse) * 100) / 100,
    breakdownMs: {
      read: Math.round(median(previews.map((p) => p.read))),
      clean: Math.round(median(previews.map((p) => p.clean))),
      plan: Math.round(median(previews.map((p) => p.plan))),
    },
    contacts: previews[previews.length - 1].contacts,
  };
}

export function importBenches(): Measurement[] {
  const out = [previewBench(25000), importBench(1000), importBench(25000)];
  out.push({
    operation: 'peak memory of this bench process',
    calls: 0,
    byService: {},
    bytes: 0,
    serviceMs: 0,
    cpuMs: 0,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  return out;
}
