// The client index behind the Gmail card: sender e-mail or phone → what the card shows (name, labels, manager,
// phones, birthday, last contact, planned, last five events). It exists so the card costs the same few requests
// whatever the size of the base, and it is never stale: every change to a client updates its row in the same
// execution, and the add-on's next card shows it.
//
// Where it lives. The sheet-bound project and the standalone Gmail add-on are two Apps Script projects built from the
// same code; they share no CacheService or PropertiesService, but both open the CRM spreadsheet. So:
// - the truth is the hidden "Card index" sheet (index-sheet.ts), one row per client: `,e-mail,+phone,` keys,
//   resourceName, the entry as JSON, the list line (`summary`, what searches read). One row per client rather than
//   per key: a client's update is one contiguous write, and the sheet stays at one row per contact;
// - who writes it, always in the execution that made the change:
//   rebuildClientIndex() — the whole index from one People listing, one ContactGroups listing and one Events read,
//   written in one setValues — from the time-driven trigger and from setup;
//   an event logged or changed (from either project; the sheet project writes the add-on's, under the write lock
//   every writer takes: sheets/write-lock.ts) — the client's row rewritten in the same atomic batchUpdate as the
//   Events row and the open-events store (events/log.ts, events/change.ts), then rememberWritten;
//   noteContact(person, labels) after the card or a sidebar created or edited a contact — its row upserted, the
//   events it had kept; noteContacts(...) for many at once: import (each run: what it created and updated, and the
//   labels it added) and undo (deleted contacts' rows emptied, restored ones rewritten), reading the sheet once and
//   writing one request per run of adjacent rows (index-sheet.ts upsertIndex);
// - in the sheet project a lookup reads the sheet directly (TextFinder on the keys + the row: two requests);
// - the add-on caches per key (core/card-index/key-cache.ts): key → {generation, entry or "not a client"}, plus one
//   generation value. A warm card is ONE getAll of [generation, key], a hit only when the value's generation is the
//   current one; a miss reads the one row (script property + openById + TextFinder + the row) and caches it under the
//   generation read before the row, so a change landing meanwhile leaves it born stale. Nothing caches the index
//   whole: a cold card moves one row, not the base;
// - every change is announced (announce.ts) once it is written: in the add-on by writing a new generation, from the
//   sheet project by one UrlFetchApp POST to the add-on's web app (gmail/web-app.ts, a shared secret), which writes
//   it. A push that fails is recorded (indexStats().push) and the add-on's cached keys expire after KEY_TTL_SECONDS
//   (ten minutes): the bound on how late a card can be. Nothing the sheet holds is lost either way.
// Every read-modify-write of a row (an event's, a contact's, the rebuild's Events read and rewrite) runs under the
// write lock, so no two of them overlap and none is lost. Known gaps, healed by the next rebuild: events that name
// the client only by text (no contact id), hand edits of the Events sheet and contacts created outside the CRM wait
// for it; emptied rows stay until it compacts the sheet.

import { redactForLog } from '../../core/redact';
import {
  applyContact,
  cacheKey,
  ClientIndexEntry,
  contactKeys,
  currentGeneration,
  indexKeyOf,
  readCachedKey,
} from '../../core/card-index';
import { OfficeContext } from '../events/office';
import { readEvents } from '../events/sheet';
import type { Person } from '../people/gateway';
import { crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { labelNames } from '../people/labels';
import { allIndexedContacts, buildRows, indexContactOf } from './build';
import { announceIndexChange, isAddon, pushState, PushState } from './announce';
import {
  appendIndexRow,
  clearRow,
  createIndexSheet,
  findByKey,
  IndexedRow,
  indexSheet,
  IndexRow,
  readIndex,
  readRow,
  RowChange,
  rowsOfContact,
  upsertIndex,
  writeIndex,
  writeRow,
} from './index-sheet';
import { scriptCache } from './script-cache';
import { writeThroughSheet } from '../gmail/sheet-writes';
import { underWriteLock } from '../sheets/write-lock';
import { rewriteOpenStore } from '../events/open-store';
import { storedProblem } from '../events/views';
import { lastRow } from '../events/open-store';

export type { ClientIndexEntry } from '../../core/card-index';
export type { IndexedRow } from './index-sheet';

/**
 * Rows this execution wrote, by key: a lookup that follows a change in the same execution (the card redrawn after
 * "log", "add as client") answers from what was just written, without a request and without trusting a cache the
 * change has just invalidated. Apps Script starts each execution with fresh globals, so this never outlives the run.
 */
const writtenHere = new Map<string, { entry: ClientIndexEntry; row?: IndexedRow }>();

/** A row this execution wrote through a batch (an event logged or changed): a lookup that follows answers from it. */
export function rememberWritten(row: IndexedRow): void {
  remember(row, row.rowNumber);
}

function remember(row: IndexRow, rowNumber?: number): void {
  for (const key of row.keys)
    writtenHere.set(key, { entry: row.entry, row: rowNumber ? { ...row, rowNumber } : undefined });
}

export interface RebuildStats {
  clients: number;
  keys: number;
  events: number;
  builtAt: string;
}

/** The whole index, rebuilt from Google Contacts and the Events sheet (trigger, setup). */
export function rebuildClientIndex(): RebuildStats {
  const office = new OfficeContext(crmSpreadsheet());
  const now = new Date();
  const persons = allIndexedContacts();
  const groups = labelNames();
  // From the Events read to the last write under the write lock: an event logged meanwhile waits, then lands in
  // the rebuilt index and store instead of being overwritten by them (contacts are read before: they are slow).
  const { rows, events } = underWriteLock(() => {
    const { events, problems } = readEvents(office, { now, locale: office.locale });
    const rows = buildRows(persons, groups, events, office.settings.get('defaultCountry'), now);
    const sheet = indexSheet(office.ss) ?? createIndexSheet(office.ss, office.locale);
    writeIndex(sheet, rows, office.locale);
    writtenHere.clear();
    // The open-events store is rewritten from the same read, with each event's client's new index row as its hint.
    const rowOf = new Map(rows.map((r, i) => [r.resourceName, i + 2] as const));
    rewriteOpenStore(
      office.ss,
      events,
      office.locale,
      (id) => rowOf.get(id) ?? 0,
      problems.map(storedProblem),
      lastRow(events, problems),
    );
    return { rows, events };
  });
  // The add-on also learns the office's language here (setup and every refresh), so even a missed Settings push heals.
  announceIndexChange([], { language: office.settings.get('language') });
  return {
    clients: rows.length,
    keys: rows.reduce((n, r) => n + r.keys.length, 0),
    events: events.length,
    builtAt: now.toISOString(),
  };
}

/** The row a contact gets, from the row it had: its own fields from the contact, the history kept. */
function contactRow(person: Person, labels: string[], defaultCountry?: string) {
  const resourceName = String(person.resourceName ?? '');
  const keys = contactKeys(person, defaultCountry);
  const contact = { ...indexContactOf(person, new Map()), labels };
  return (existing: IndexRow | undefined): IndexRow | undefined =>
    resourceName && keys.length ? { keys, resourceName, entry: applyContact(existing?.entry, contact) } : undefined;
}

/**
 * Puts a contact the CRM just created or changed (the card's "add as a new client", an edit from the card or a
 * sidebar) into the index, keeping the events its row already had, and announces it. `labels` are label names (the
 * caller knows them; resolving groups would cost a request). `defaultCountry` reads national phone numbers that
 * Google gave no canonical form.
 */
export function noteContact(
  person: Person,
  labels: string[] = [],
  defaultCountry?: string,
): ClientIndexEntry | undefined {
  const resourceName = String(person.resourceName ?? '');
  if (!resourceName) return undefined;
  try {
    // Read and written by the sheet project under its write lock (sheets/write-lock.ts); the add-on asks it to.
    if (isAddon())
      return writeThroughSheet<ClientIndexEntry | null>('noteContact', [person, labels, defaultCountry]) ?? undefined;
    return underWriteLock(() => noteContactNow(person, labels, defaultCountry));
  } catch (e) {
    console.warn(`The client index was not updated for a contact: ${redactForLog(e)}`);
    return undefined;
  }
}

/** The row's new entry (undefined: the contact has no row now). */
function noteContactNow(person: Person, labels: string[], defaultCountry?: string): ClientIndexEntry | undefined {
  const resourceName = String(person.resourceName ?? '');
  const sheet = indexSheet(crmSpreadsheet());
  if (!sheet) return undefined;
  const build = contactRow(person, labels, defaultCountry);
  const [rowNumber, ...others] = rowsOfContact(sheet, resourceName);
  const row = build(rowNumber ? readRow(sheet, rowNumber) : undefined);
  if (!row) {
    // No e-mail or phone left: nothing finds the contact by them any more.
    if (rowNumber) writeEmpty(sheet, [rowNumber, ...others]);
  } else if (rowNumber) {
    writeRow(sheet, rowNumber, row);
    if (others.length) writeEmpty(sheet, others);
  } else appendIndexRow(sheet, row);
  if (row) remember(row, rowNumber);
  if (row || rowNumber) announceIndexChange(row ? [row] : []);
  return row?.entry;
}

function writeEmpty(sheet: GoogleAppsScript.Spreadsheet.Sheet, rowNumbers: number[]): void {
  for (const rowNumber of rowNumbers) clearRow(sheet, rowNumber);
}

export interface ContactChanges {
  /** Contacts as they are now (created, changed, relabelled), with memberships by group resourceName. */
  persons: Person[];
  /** Label group resourceName → name, for the memberships. */
  groups: Map<string, string>;
  /** Contacts that are gone (deleted by an undo): their rows are emptied, so the card says "not a client". */
  removed?: string[];
  defaultCountry?: string;
}

/**
 * Many contacts' rows at once (an import's run, an undo), in a few requests whatever their number: the sheet read
 * once, rows rewritten in place or appended (upsertIndex), then one announcement. Never throws: the contacts are
 * saved; a failure here leaves the card behind until the next rebuild.
 */
export function noteContacts(changes: ContactChanges): void {
  const removed = changes.removed ?? [];
  if (!changes.persons.length && !removed.length) return;
  try {
    const sheet = indexSheet(crmSpreadsheet());
    if (!sheet) return;
    const rowChanges: RowChange[] = changes.persons
      .filter((p) => p.resourceName)
      .map((person) => ({
        resourceName: String(person.resourceName),
        row: contactRow(person, indexContactOf(person, changes.groups).labels, changes.defaultCountry),
      }));
    for (const row of underWriteLock(() => upsertIndex(sheet, rowChanges, removed))) remember(row);
    for (const [key, written] of writtenHere) if (removed.includes(written.entry.resourceName)) writtenHere.delete(key);
    announceIndexChange();
  } catch (e) {
    console.warn(`The client index was not updated for ${changes.persons.length} contact(s): ${redactForLog(e)}`);
  }
}

/**
 * The index entry for an e-mail address ("Name <a@b.c>" too) or a phone number; undefined for someone who is not a
 * client. In the add-on: one CacheService getAll when warm; cold, the one row from the sheet, then cached.
 * `defaultCountry` reads a national phone number; without it only "+…" numbers are found.
 */
export function lookupClient(emailOrPhone: string, defaultCountry?: string): ClientIndexEntry | undefined {
  return lookupIndexed(emailOrPhone, defaultCountry)?.entry;
}

/** lookupClient, with the sheet row (or its number, cached with the key) for the card's actions to pass on. */
export function lookupIndexed(
  emailOrPhone: string,
  defaultCountry?: string,
): { entry: ClientIndexEntry; row?: IndexedRow; rowNumber?: number } | undefined {
  const key = indexKeyOf(emailOrPhone, defaultCountry);
  if (!key) return undefined;
  const written = writtenHere.get(key);
  if (written) return written;
  if (!isAddon()) {
    const sheet = indexSheet(crmSpreadsheet());
    const row = sheet ? findByKey(sheet, key) : undefined;
    return row && { entry: row.entry, row, rowNumber: row.rowNumber };
  }
  const cache = scriptCache();
  const cached = readCachedKey(cache, key);
  if (cached.state === 'hit') return cached.entry ? { entry: cached.entry, rowNumber: cached.row } : undefined;
  const sheet = indexSheet(crmSpreadsheet());
  // No index yet (setup has not run): nothing to cache, "not a client" would outlive the first rebuild.
  if (!sheet) return undefined;
  const row = findByKey(sheet, key);
  cacheKey(cache, key, cached.generation, row?.entry ?? null, row?.rowNumber);
  return row && { entry: row.entry, row, rowNumber: row.rowNumber };
}

export interface IndexStats {
  project: 'sheet' | 'addon';
  /** Sheet: rows in the index sheet (0 in the add-on, which reads rows one at a time). */
  clients: number;
  keys: number;
  /** Add-on: the cache generation now ('' before any change was announced, or after it expired). */
  generation?: string;
  /** Sheet: whether the push to the add-on is set up, and when it last failed. */
  push?: PushState;
}

/** What the index holds now, for the bench, the CLI and Settings: one cache read in the add-on, a sheet read in the sheet. */
export function indexStats(): IndexStats {
  if (isAddon()) return { project: 'addon', clients: 0, keys: 0, generation: currentGeneration(scriptCache()) };
  const sheet = indexSheet(crmSpreadsheet());
  const rows = sheet ? readIndex(sheet) : [];
  return {
    project: 'sheet',
    clients: rows.length,
    keys: rows.reduce((n, r) => n + r.keys.length, 0),
    push: pushState(),
  };
}
