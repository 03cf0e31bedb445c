// The nightly backup as a resumable run: pure steps over a port (the server adapter is Drive, People and Sheets;
// tests use arrays). Each execution goes on until its time budget, then the caller saves the state (one script
// property, ≤ 9,000 bytes: it holds the phase, the listing's page token, and the files written so far — never the
// contacts) and a follow-up execution carries on. A checkpoint is taken only where nothing is held in memory (after
// a part is written), so an execution that dies mid-part is redone from the last checkpoint: the same pages give the
// same parts under the same names, and a file written again replaces its namesake — never a duplicate.
//
// Phases: contacts (listing pages → contacts-NNN.json/.vcf/.csv) → sheets (one read → sheets-NNN.json + xlsx) →
// verify (read back every json part, Drive's MD5 and size of every file; the manifest written last with the verdict)
// → prune (retention, verified nights only) → done.

import { utf8Bytes } from '../card-index/fit-entry';
import { buildManifest, MANIFEST_NAME, partDigest, verifyNight, type StoredFile } from './manifest';
import { nightsToPrune, type NightEntry } from './retention';
import { backupCsv } from './csv';
import { PART_BYTES, splitParts } from './parts';
import { vcard4 } from './vcard4';
import { eventsWorkbookParts, sheetsWorkbook } from './workbook';
import type { BackupContact, BackupFile, BackupFileKind, BackupManifest, NightStatus, SheetsCopy } from './types';

/** Events rows per xlsx workbook when they do not fit in crm.xlsx. */
export const XLSX_EVENT_ROWS = 20_000;
/** Contacts + events rows over which the sheets and the verification each get an execution of their own. */
export const BIG_NIGHT_RECORDS = 20_000;
/** The state's JSON must stay under the script property's 9,000 bytes (key included). */
export const STATE_MAX_BYTES = 8_500;

export const MIME: Record<BackupFileKind, string> = {
  'contacts-json': 'application/json',
  vcard: 'text/vcard',
  'google-csv': 'text/csv',
  'sheets-json': 'application/json',
  'sheets-xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  manifest: 'application/json',
};

export type BackupPhase = 'contacts' | 'sheets' | 'verify' | 'prune' | 'done';

export interface BackupState {
  format: 1;
  night: string;
  phase: BackupPhase;
  startedAt: string;
  finishedAt?: string;
  /** Executions that worked on this night. */
  executions: number;
  /** The listing's next page (contacts phase); absent: from the start. */
  pageToken?: string;
  contacts: number;
  events: number;
  /** Every file written so far, in order. */
  files: BackupFile[];
  /** contacts-NNN.json → partDigest of the contacts written in it. */
  digests: Record<string, string>;
  status?: NightStatus;
  problems: string[];
  pruned: string[];
  /** The one-off continuation trigger's id, deleted when the run goes on or ends. */
  trigger?: string;
}

/** What a run needs from outside, one call each (the server adapter: src/server/backup/nightly.ts). */
export interface BackupPort {
  now(): number;
  /** One listing page (1000 contacts, every field, labels by name). */
  listContacts(pageToken?: string): { contacts: BackupContact[]; nextPageToken?: string };
  /** The account's user label names. */
  listLabels(): string[];
  /** The CRM sheets in one read, with their titles for the workbook. */
  readSheets(): { copy: SheetsCopy; titles: Record<string, string> };
  /** Writes (or replaces) a file of the night's folder; md5 and bytes of what was sent. */
  writeFile(name: string, content: string | Uint8Array, mime: string): { id: string; md5: string; bytes: number };
  /** A text file's content. */
  readText(id: string): string;
  /** The night folder's files as Drive's metadata gives them. */
  listFiles(): Array<{ id: string; name: string } & StoredFile>;
  trashFile(id: string): void;
  /** Every night folder with its status (running when it has no manifest). */
  nights(): NightEntry[];
  trashNight(night: string): void;
  /** A checkpoint: the state is durable when it returns. */
  save(state: BackupState): void;
}

export interface RunContext {
  /** Epoch ms the execution started; the budget counts from it. */
  startedAt: number;
  budgetMs: number;
  keepNights: number;
  spreadsheetId: string;
}

export function newState(night: string, startedAt: number): BackupState {
  return {
    format: 1,
    night,
    phase: 'contacts',
    startedAt: new Date(startedAt).toISOString(),
    executions: 0,
    contacts: 0,
    events: 0,
    files: [],
    digests: {},
    problems: [],
    pruned: [],
  };
}

export function stateText(state: BackupState): string {
  const text = JSON.stringify(state);
  if (utf8Bytes(text) > STATE_MAX_BYTES)
    throw new Error(`The backup state is ${utf8Bytes(text)} bytes, over ${STATE_MAX_BYTES}`);
  return text;
}

export function parseState(text: string | null | undefined): BackupState | undefined {
  if (!text) return undefined;
  try {
    const s = JSON.parse(text) as BackupState;
    return s && s.format === 1 && typeof s.night === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

const pad3 = (n: number) => String(n).padStart(3, '0');

function put(
  state: BackupState,
  port: BackupPort,
  name: string,
  kind: BackupFileKind,
  part: number,
  content: string | Uint8Array,
  records: number,
): BackupFile {
  const w = port.writeFile(name, content, MIME[kind]);
  const file: BackupFile = { name, kind, id: w.id, part, bytes: w.bytes, md5: w.md5, records };
  const at = state.files.findIndex((f) => f.name === name);
  if (at >= 0) state.files[at] = file;
  else state.files.push(file);
  return file;
}

function contactPartCount(state: BackupState): number {
  return state.files.filter((f) => f.kind === 'contacts-json').length;
}

/** One group of contacts → contacts-NNN.json/.vcf/.csv, each ≤ PART_BYTES (a group too big in any form is halved). */
function writeContactParts(state: BackupState, port: BackupPort, contacts: BackupContact[]): void {
  for (const group of splitParts(contacts, (g) => JSON.stringify(g))) {
    const pending: BackupContact[][] = [group.records];
    while (pending.length) {
      const g = pending.shift()!;
      const json = g === group.records ? group.text : JSON.stringify(g);
      const vcf = vcard4(g);
      const csv = backupCsv(g);
      if (g.length > 1 && Math.max(utf8Bytes(json), utf8Bytes(vcf), utf8Bytes(csv)) > PART_BYTES) {
        const half = Math.ceil(g.length / 2);
        pending.unshift(g.slice(0, half), g.slice(half));
        continue;
      }
      const n = contactPartCount(state) + 1;
      const name = `contacts-${pad3(n)}`;
      put(state, port, `${name}.json`, 'contacts-json', n, json, g.length);
      put(state, port, `${name}.vcf`, 'vcard', n, vcf, g.length);
      put(state, port, `${name}.csv`, 'google-csv', n, csv, g.length);
      state.digests[`${name}.json`] = partDigest(g);
      state.contacts += g.length;
    }
  }
}

function outOfTime(port: BackupPort, ctx: RunContext, share = 1): boolean {
  return port.now() - ctx.startedAt >= ctx.budgetMs * share;
}

/** Listing pages until the end or the budget; buffered contacts are written at the end of each execution. */
function contactsPhase(state: BackupState, port: BackupPort, ctx: RunContext): boolean {
  let buffer: BackupContact[] = [];
  // Every execution lists at least one page: a run always gets somewhere, however short its budget.
  let pages = 0;
  let bytes = 0;
  let token = state.pageToken;
  // The page token the buffer starts at: the checkpoint written with it resumes without a gap or a repeat.
  const flush = (next: string | undefined, done: boolean) => {
    if (buffer.length) writeContactParts(state, port, buffer);
    buffer = [];
    bytes = 0;
    state.pageToken = next;
    if (done) state.phase = 'sheets';
    port.save(state);
  };
  for (;;) {
    if (pages > 0 && outOfTime(port, ctx)) {
      flush(token, false);
      return false;
    }
    const page = port.listContacts(token);
    pages++;
    for (const c of page.contacts) {
      buffer.push(c);
      bytes += utf8Bytes(JSON.stringify(c));
    }
    token = page.nextPageToken || undefined;
    if (!token) {
      flush(undefined, true);
      return true;
    }
    // Full parts are written as soon as they are full: memory stays at about one part.
    if (bytes >= PART_BYTES) flush(token, false);
  }
}

/** Events rows split into parts; the other sheets go with part 1. Each part is a SheetsCopy. */
export function sheetsParts(copy: SheetsCopy): Array<{ copy: SheetsCopy; rows: number }> {
  const { events = [], ...others } = copy.sheets;
  const othersBytes = utf8Bytes(JSON.stringify(others));
  const [header, ...rows] = events;
  // Part 1 carries the other sheets too: every part is measured with room for them.
  const packs = splitParts(
    rows,
    (part) => JSON.stringify({ sheets: { events: header ? [header, ...part] : part }, timeZone: copy.timeZone }),
    PART_BYTES - othersBytes,
  ).map((p) => p.records);
  if (!packs.length) packs.push([]);
  return packs.map((part, i) => ({
    copy: {
      sheets: i === 0 ? { ...others, events: header ? [header, ...part] : part } : { events: part },
      timeZone: copy.timeZone,
    },
    rows: part.length,
  }));
}

/** The CRM sheets: one read, the json parts and the workbook(s). Redone whole if an execution ends inside it. */
function sheetsPhase(state: BackupState, port: BackupPort): void {
  const { copy, titles } = port.readSheets();
  const parts = sheetsParts(copy);
  state.events = 0;
  parts.forEach((p, i) => {
    put(state, port, `sheets-${pad3(i + 1)}.json`, 'sheets-json', i + 1, JSON.stringify(p.copy), p.rows);
    state.events += p.rows;
  });
  const [header = [], ...rows] = copy.sheets.events ?? [];
  if (rows.length <= XLSX_EVENT_ROWS) {
    put(state, port, 'crm.xlsx', 'sheets-xlsx', 1, sheetsWorkbook(copy, titles), rows.length);
  } else {
    // Events in workbooks of ≤ 20,000 rows (each ≤ PART_BYTES), the other sheets in crm.xlsx.
    const { events: _all, ...others } = copy.sheets;
    put(state, port, 'crm.xlsx', 'sheets-xlsx', 1, sheetsWorkbook({ ...copy, sheets: others }, titles), 0);
    eventsWorkbookParts(rows, header, XLSX_EVENT_ROWS, titles.events ?? 'Events').forEach((p, i) =>
      put(state, port, `events-${pad3(i + 1)}.xlsx`, 'sheets-xlsx', i + 2, p.bytes, p.rows),
    );
  }
  state.phase = 'verify';
  port.save(state);
}

/** Reads back, checks, writes the manifest with the verdict; files of the folder no part names are trashed. */
function verifyPhase(state: BackupState, port: BackupPort, ctx: RunContext): BackupManifest {
  const listed = port.listFiles();
  const named = new Set(state.files.map((f) => f.name));
  const files: Record<string, StoredFile> = {};
  for (const f of listed) {
    if (f.name === MANIFEST_NAME) continue;
    // Left by an execution that died before its checkpoint, or by a person: not part of this night.
    if (!named.has(f.name)) port.trashFile(f.id);
    else files[f.name] = { md5: f.md5, bytes: f.bytes };
  }
  const partsRead: Record<string, BackupContact[]> = {};
  const contacts: BackupContact[] = [];
  const problems = [...state.problems];
  let events = 0;
  for (const f of state.files) {
    if (f.kind !== 'contacts-json' && f.kind !== 'sheets-json') continue;
    try {
      const parsed: unknown = JSON.parse(port.readText(f.id));
      if (f.kind === 'contacts-json') {
        const part = parsed as BackupContact[];
        if (!Array.isArray(part)) throw new Error('not a list of contacts');
        partsRead[f.name] = part;
        contacts.push(...part);
      } else {
        const rows = (parsed as SheetsCopy).sheets?.events ?? [];
        events += f.part === 1 ? Math.max(0, rows.length - 1) : rows.length;
      }
    } catch (e) {
      problems.push(`${f.name}: not read back (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const labels = port.listLabels();
  const finishedAt = new Date(port.now()).toISOString();
  const base = {
    night: state.night,
    startedAt: state.startedAt,
    finishedAt,
    spreadsheetId: ctx.spreadsheetId,
    listed: state.contacts,
    events: state.events,
    labels,
    files: state.files,
    contacts,
  };
  const draft = buildManifest({ ...base, problems: [] });
  draft.contactHashes = {};
  problems.push(...verifyNight(draft, { files, contacts, events }, state.digests, partsRead));
  const manifest = buildManifest({ ...base, problems });
  port.writeFile(MANIFEST_NAME, JSON.stringify(manifest), MIME.manifest);
  state.status = manifest.status;
  state.problems = problems;
  state.finishedAt = finishedAt;
  state.phase = manifest.status === 'verified' ? 'prune' : 'done';
  port.save(state);
  return manifest;
}

function prunePhase(state: BackupState, port: BackupPort, ctx: RunContext): void {
  const prune = nightsToPrune(port.nights(), state.night, ctx.keepNights);
  for (const night of prune) port.trashNight(night);
  state.pruned = prune;
  state.phase = 'done';
  port.save(state);
}

/**
 * Carries the night's run on from `state` until it is done or the budget is spent (the caller then schedules a
 * follow-up execution). An error (Drive or People refusing after their retries) ends the night as failed, its
 * reason kept in the problems; a failed night prunes nothing.
 */
export function runBackupSteps(state: BackupState, port: BackupPort, ctx: RunContext): BackupState {
  state.executions++;
  port.save(state);
  // The sheets and the verification each need one stretch: started only with half the budget left, unless this
  // execution has done nothing yet (so every execution moves the night on). A big night gives each its own
  // execution: their cost is mostly the script's own work (rendering, parsing, hashing), which the clock of the
  // calls made so far does not foretell.
  let progressed = false;
  const big = () => state.contacts + state.events > BIG_NIGHT_RECORDS;
  const mayStart = () => !progressed || (!big() && !outOfTime(port, ctx, 0.5));
  try {
    if (state.phase === 'contacts') {
      if (!contactsPhase(state, port, ctx)) return state;
      progressed = true;
    }
    if (state.phase === 'sheets') {
      if (!mayStart()) return state;
      sheetsPhase(state, port);
      progressed = true;
    }
    if (state.phase === 'verify') {
      if (!mayStart()) return state;
      verifyPhase(state, port, ctx);
    }
    if (state.phase === 'prune') prunePhase(state, port, ctx);
  } catch (e) {
    state.problems.push(`${state.phase}: ${e instanceof Error ? e.message : String(e)}`);
    state.status = 'failed';
    state.phase = 'done';
    state.finishedAt = new Date(port.now()).toISOString();
    try {
      // The manifest says so too, when Drive takes it: the night's folder then explains itself.
      const manifest = buildManifest({
        night: state.night,
        startedAt: state.startedAt,
        finishedAt: state.finishedAt,
        spreadsheetId: ctx.spreadsheetId,
        listed: state.contacts,
        events: state.events,
        labels: [],
        files: state.files,
        contacts: [],
        problems: state.problems,
      });
      port.writeFile(MANIFEST_NAME, JSON.stringify(manifest), MIME.manifest);
    } catch {
      // The state below still records the failure for the digest and the sidebar.
    }
    port.save(state);
  }
  return state;
}
