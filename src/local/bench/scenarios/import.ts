// Import at scale: People API calls to import 1,000 and 25,000 new rows (the account's limit) against the minimum
// the API allows, the CPU time of the preview (read + clean + plan) against SheetJS parsing the same file alone, and
// peak memory.

import * as XLSX from '@e965/xlsx';
import { cleanImportFile, openImportFile } from '../../../core/import/pipeline';
import { planImport } from '../../../core/import/plan';
import { phoneKey } from '../../../core/phone';
import { syntheticXlsx } from '../../demo/synthetic-base';
import { runUntilDoneSteps, STAGE_CHUNK } from '../../../core/import/execute/stage';
import { runSteps } from '../../../core/ports/steps';
import type { ImportProgress } from '../../../shared/import-dto';
import { prepareImport, stagePrepared } from '../../import-driver';
import { openOffice, type Office } from '../../office';
import type { Measurement } from '../measure';
import { msUntilQuotaDayEnds } from 'workspace-emulator';

const CLOCK = '2026-03-02T09:00:00+03:00';

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * What one import through the bundle cost, from the first stageImport to the last runImport (what the Import button
 * waits for; getImportSetup, called when the file is chosen, is left out): every counted call (Session reads are
 * not calls), and the runImport executions.
 */
function importRun(
  office: Office,
  bytes: Uint8Array,
  importId: string,
): {
  progress: ImportProgress;
  runs: number;
  /** Days the daily creation limit spread the import over (0: it finished the day it started). */
  days: number;
  /** Virtual time from the first runImport to the last answer, quota waits and days included. */
  virtualMs: number;
  calls: number;
  byService: Record<string, number>;
  bytes: number;
  serviceMs: number;
  cpuMs: number;
} {
  const ws = office.workspace;
  const prepared = prepareImport(office, { bytes, fileName: `base-${importId}.xlsx` }, { region: 'RU', importId });
  ws.calls.reset();
  const cpu = process.cpuUsage();
  stagePrepared(office, importId, prepared);
  let runs = 0;
  let days = 0;
  const startedAt = ws.clock.now();
  const runToEnd = () =>
    runSteps(
      runUntilDoneSteps(importId, () => runs++),
      { server: office.rpc },
    );
  let progress = runToEnd();
  // People's daily creation limit (people/quotas.ts): the office presses Import again the next day.
  while (progress.status === 'paused' && progress.quota === 'day') {
    days++;
    ws.clock.advance(msUntilQuotaDayEnds(ws.clock.now()) + 1000);
    progress = runToEnd();
  }
  const virtualMs = ws.clock.now() - startedAt;
  const used = process.cpuUsage(cpu);
  if (progress.status !== 'done') throw new Error(`import ${importId}: ${progress.status} ${progress.message}`);
  const counted = ws.calls.all().filter((c) => !c.service.startsWith('Session.'));
  const byService: Record<string, number> = {};
  for (const c of counted) byService[c.service] = (byService[c.service] ?? 0) + 1;
  return {
    progress,
    runs,
    days,
    virtualMs,
    calls: counted.length,
    byService,
    bytes: counted.reduce((n, c) => n + c.bytes, 0),
    serviceMs: counted.reduce((n, c) => n + c.costMs, 0),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

const LABELS = 5;

/** `25k` for 25,000 rows, the scenario ids' spelling. */
const sizeId = (rows: number) => (rows >= 1000 ? `${rows / 1000}k` : `${rows}`);

/** What every import measurement reports of its run, against the fewest calls it could have made. */
function runFigures(run: ReturnType<typeof importRun>, minimum: number) {
  return {
    calls: run.calls,
    minimum,
    ratioToMinimum: Math.round((run.calls / minimum) * 1000) / 1000,
    runs: run.runs,
    days: run.days,
    virtualMs: run.virtualMs,
    bytes: run.bytes,
    byService: run.byService,
    created: run.progress.created,
    serviceMs: run.serviceMs,
    cpuMs: run.cpuMs,
  };
}

/**
 * The fewest calls a checkpointed import of `rows` new contacts into an empty account needs:
 * - People: the account listed once (one page when empty), its labels listed once, one create per new label (there
 *   is no batch create for groups), one batchCreate per 200 contacts (the labels ride on it);
 * - Sheets: one write per staged chunk (google.script.run carries STAGE_CHUNK contacts a call) and the one read the
 *   first chunk needs (where the Imports row and the import's old queue rows are); one journal write per batchCreate
 *   (the write-ahead: the import's progress and the previous batch's created contacts stored before the next batch is
 *   sent); per execution one read of the import's state (queue, log, Imports row, Settings) and one final write;
 * - Properties: the file's mapping remembered at the first chunk (the store read, then written).
 * Executions are those the run budget forces (the bench reports `runs`); what the minimum leaves out — the account
 * listed again on each resume (the price of re-planning safely), the card index's writes — is the overhead the ratio
 * shows.
 */
function importMinimum(rows: number, runs: number): number {
  const batches = Math.ceil(rows / 200);
  const people = 1 + 1 + LABELS + batches;
  const staging = Math.ceil(rows / STAGE_CHUNK) + 1;
  const journal = batches + 2 * runs;
  const mapping = 2;
  return people + staging + journal + mapping;
}

/**
 * `daily`: under the emulator's default People quotas, the daily limit on new contacts included (1,000: the import
 * spans days, id `import.<n>.daily`); otherwise the per-minute quotas only, the day's limit lifted (an account Google
 * lets create that many, id `import.<n>`), so the call count shows the import's own overhead.
 */
function importBench(rows: number, daily = false): { measurement: Measurement; office: Office; bytes: Uint8Array } {
  const office = openOffice({
    clockStart: CLOCK,
    peopleQuotas: daily ? undefined : { contactCreatesPerDay: Number.MAX_SAFE_INTEGER },
  });
  office.rpc.runSetup();
  const bytes = syntheticXlsx(rows);
  const run = importRun(office, bytes, `imp-${rows}`);
  const peopleCalls = Object.entries(run.byService)
    .filter(([k]) => k.startsWith('People.'))
    .reduce((n, [, v]) => n + v, 0);
  const minimum = importMinimum(rows, run.runs);
  const peopleMinimum = 1 + 1 + LABELS + Math.ceil(rows / 200);
  const measurement: Measurement = {
    id: `import.${sizeId(rows)}${daily ? '.daily' : ''}`,
    operation: `import ${rows} new rows (xlsx) into an empty account: stage, then runImport until done${
      daily ? ' (the daily limit on new contacts: Import pressed again each next day)' : ''
    }`,
    ...runFigures(run, minimum),
    peopleCalls,
    peopleMinimum,
  };
  return { measurement, office, bytes };
}

/**
 * The same file imported again into the account the first import filled: everything is a skip. The fewest calls:
 * the account listed once (1000 a page) and its labels once; the rest (the first chunk's read and write — the queue
 * rows of the last import are taken over, nothing is sent again — the run's read and its final write) is overhead.
 */
function reimportBench(office: Office, bytes: Uint8Array, rows: number): Measurement {
  const run = importRun(office, bytes, `reimp-${rows}`);
  const minimum = Math.ceil(rows / 1000) + 1;
  return {
    id: `reimport.${sizeId(rows)}`,
    operation: `import the same ${rows} rows again (unchanged file): every row a skip`,
    ...runFigures(run, minimum),
    skipped: run.progress.skipped,
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
  /** High-water marks of process.memoryUsage() (bytes), sampled at the end of each phase. */
  peakHeap: number;
  peakRss: number;
}

/**
 * Memory high-water marks. The preview is synchronous, so nothing can sample it from outside while it runs: it is
 * sampled at the end of each phase, when that phase's results (the sheet's rows, the cleaned contacts, the plan) are
 * all still alive — the peak of live data, not of garbage not yet collected.
 */
class MemoryPeak {
  heap = 0;
  rss = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.heap = Math.max(this.heap, m.heapUsed);
    this.rss = Math.max(this.rss, m.rss);
  }
}

function msBetween(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}

function previewOnce(bytes: Uint8Array): PreviewRun {
  const peak = new MemoryPeak();
  const start = process.cpuUsage();
  const opened = openImportFile(bytes, 'base.xlsx');
  const read = process.cpuUsage();
  peak.sample();
  const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: 'RU', locale: 'ru', importId: 'bench' });
  const clean = process.cpuUsage();
  peak.sample();
  const contacts = planImport(cleaned.contacts, [], { importId: 'bench', phoneKey }).creates.length;
  const end = process.cpuUsage();
  peak.sample();
  return {
    read: msBetween(start, read),
    clean: msBetween(read, clean),
    plan: msBetween(clean, end),
    contacts,
    peakHeap: peak.heap,
    peakRss: peak.rss,
  };
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
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  return {
    id: `preview.${rows / 1000}k`,
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
    peakHeapMB: mb(Math.max(...previews.map((p) => p.peakHeap))),
    peakRssMB: mb(Math.max(...previews.map((p) => p.peakRss))),
  };
}

export function importBenches(): Measurement[] {
  const out = [previewBench(25000), importBench(1000).measurement];
  const big = importBench(25000);
  out.push(big.measurement, reimportBench(big.office, big.bytes, 25000), importBench(25000, true).measurement);
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
