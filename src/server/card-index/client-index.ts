// The client index behind the Gmail card: sender e-mail or phone → what the card shows (name, labels, manager,
// phones, last contact, planned, last five events). It exists so the card costs the same few requests whatever the
// size of the base: GmailApp.getMessageById + getFrom, then ONE CacheService getAll.
//
// Where it lives. The sheet-bound project and the standalone Gmail add-on are two Apps Script projects built from the
// same code; they share no CacheService or PropertiesService, but both open the CRM spreadsheet. So:
// - the truth is the hidden "Card index" sheet (index-sheet.ts), one row per client: `,e-mail,+phone,` keys,
//   resourceName, the entry as JSON. One row per client rather than per key: a client's update is one contiguous
//   write, the JSON is not repeated, and the sheet stays at one row per contact;
// - the sheet project writes it: rebuildClientIndex() — the whole index from one People listing, one ContactGroups
//   listing and one Events read, written in one setValues — from the time-driven trigger every 4 hours and from setup;
//   noteEvent(event) after each logged event — the client's row (the one logEvent's lookup of the client already
//   read, else found by one TextFinder request and read) rewritten;
// - the add-on keeps a copy in its script cache (core/card-index/index-cache.ts over script-cache.ts): a lookup is
//   ONE getAll; a miss (cold, expired, evicted) loads the sheet (script property + openById + one getValues), refills
//   the cache in one putAll and answers. The copy lives CACHE_SECONDS (an hour), the bound on how late the card sees events logged in the
//   spreadsheet; what the add-on logs itself goes into its cache at once (noteEvent there updates both the sheet row
//   and the cached buckets). A base too big for the cache keeps its e-mail keys and trims its largest entries
//   (core/card-index/cache-layout.ts says how); a phone lookup in the add-on then reads the sheet;
// - in the sheet project a lookup reads the sheet directly (TextFinder on the keys + the row: two requests), always
//   current, and no cache there needs keeping in step.
// Known gaps, healed by the next rebuild: events logged while a rebuild runs (between its read of the log and its
// write) are overwritten; two events of the same client noted at the same instant may keep only one in the index;
// events that name the client only by text (no contact id) and contacts created outside the CRM wait for it.

import { redactForLog } from '../../core/redact';
import {
  applyEvent,
  cachedMeta,
  ClientIndexEntry,
  contactKeys,
  emptyEntry,
  fillCache,
  indexKeyOf,
  readCached,
  updateCached,
} from '../../core/card-index';
import type { EventRecord } from '../../core/events';
import { OfficeContext } from '../events/office';
import { readEvents } from '../events/sheet';
import type { Person } from '../people/gateway';
import { crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { labelNames } from '../people/labels';
import { allIndexedContacts, buildRows, indexContactOf } from './build';
import {
  appendIndexRow,
  createIndexSheet,
  findByKey,
  IndexedRow,
  indexSheet,
  IndexRow,
  readIndex,
  readRow,
  rowsOfContact,
  writeIndex,
  writeRow,
} from './index-sheet';
import { scriptCache } from './script-cache';

export type { ClientIndexEntry } from '../../core/card-index';
export type { IndexedRow } from './index-sheet';

/** The Gmail add-on is the project without a bound spreadsheet. */
function inAddon(): boolean {
  return SpreadsheetApp.getActiveSpreadsheet() === null;
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
  const { events } = readEvents(office, { now, locale: office.locale });
  const rows = buildRows(persons, groups, events, office.settings.get('defaultCountry'), now);
  const sheet = indexSheet(office.ss) ?? createIndexSheet(office.ss, office.locale);
  writeIndex(sheet, rows, office.locale);
  return {
    clients: rows.length,
    keys: rows.reduce((n, r) => n + r.keys.length, 0),
    events: events.length,
    builtAt: now.toISOString(),
  };
}

/**
 * Folds one logged or changed event into its client's index row (and, in the add-on, into the cached copy). Called
 * after the event is safely in the Events sheet, so it never fails the logging: a problem here only leaves the card
 * behind until the next rebuild.
 */
export function noteEvent(event: EventRecord, known?: IndexedRow): void {
  if (!event.clientId) return;
  try {
    const sheet = indexSheet(crmSpreadsheet());
    if (!sheet) return;
    const changed: IndexRow[] = [];
    for (const { rowNumber, ...row } of rowsToNote(sheet, event.clientId, known)) {
      const next = { ...row, entry: applyEvent(row.entry, event) };
      writeRow(sheet, rowNumber, next);
      changed.push(next);
    }
    if (changed.length && inAddon()) updateCached(scriptCache(), changed);
  } catch (e) {
    console.warn(`The client index was not updated after an event: ${redactForLog(e)}`);
  }
}

/** The client's index rows: the one this execution's lookup already read, else found (one TextFinder) and read. */
function rowsToNote(sheet: GoogleAppsScript.Spreadsheet.Sheet, clientId: string, known?: IndexedRow): IndexedRow[] {
  if (known && known.resourceName === clientId) return [known];
  const out: IndexedRow[] = [];
  for (const rowNumber of rowsOfContact(sheet, clientId)) {
    const row = readRow(sheet, rowNumber);
    if (row) out.push({ ...row, rowNumber });
  }
  return out;
}

/**
 * Puts a contact the CRM just created or changed (the card's "add as a new client") into the index, keeping the
 * events its row already had. `labels` are label names (the caller knows them; resolving groups would cost a request).
 */
export function noteContact(person: Person, labels: string[] = []): void {
  const resourceName = String(person.resourceName ?? '');
  const keys = contactKeys(person);
  if (!resourceName || !keys.length) return;
  try {
    const sheet = indexSheet(crmSpreadsheet());
    if (!sheet) return;
    const contact = indexContactOf(person, new Map());
    const fresh = (entry: ClientIndexEntry): ClientIndexEntry => ({
      ...entry,
      name: contact.name,
      phones: contact.phones,
      labels,
      manager: contact.manager ?? '',
    });
    const rowNumber = rowsOfContact(sheet, resourceName)[0];
    const existing = rowNumber ? readRow(sheet, rowNumber) : undefined;
    const row: IndexRow = {
      keys,
      resourceName,
      entry: fresh(
        existing?.entry ?? emptyEntry(resourceName, contact.name, contact.phones, labels, contact.manager ?? ''),
      ),
    };
    if (rowNumber) writeRow(sheet, rowNumber, row);
    else appendIndexRow(sheet, row);
    if (inAddon()) updateCached(scriptCache(), [row]);
  } catch (e) {
    console.warn(`The client index was not updated for a contact: ${redactForLog(e)}`);
  }
}

/**
 * The index entry for an e-mail address ("Name <a@b.c>" too) or a phone number; undefined for someone who is not a
 * client. In the add-on: one CacheService getAll when warm; cold, it loads the index sheet and fills the cache.
 * `defaultCountry` reads a national phone number; without it only "+…" numbers are found.
 */
export function lookupClient(emailOrPhone: string, defaultCountry?: string): ClientIndexEntry | undefined {
  return lookupIndexed(emailOrPhone, defaultCountry)?.entry;
}

/** lookupClient, with the sheet row when the sheet answered (the sheet project), for a noteEvent that follows. */
export function lookupIndexed(
  emailOrPhone: string,
  defaultCountry?: string,
): { entry: ClientIndexEntry; row?: IndexedRow } | undefined {
  const key = indexKeyOf(emailOrPhone, defaultCountry);
  if (!key) return undefined;
  if (!inAddon()) {
    const sheet = indexSheet(crmSpreadsheet());
    const row = sheet ? findByKey(sheet, key) : undefined;
    return row && { entry: row.entry, row };
  }
  const cache = scriptCache();
  const cached = readCached(cache, key);
  if (cached.state === 'hit') return cached.entry && { entry: cached.entry };
  const sheet = indexSheet(crmSpreadsheet());
  if (!sheet) return undefined;
  if (cached.state === 'uncacheable') {
    const row = findByKey(sheet, key);
    return row && { entry: row.entry, row };
  }
  const rows = readIndex(sheet);
  fillCache(cache, rows, Date.now().toString(36));
  // The answer from the rows just read (the first row with the key, as the cache files it).
  const entry = rows.find((r) => r.keys.includes(key))?.entry;
  return entry && { entry };
}

export interface IndexStats {
  project: 'sheet' | 'addon';
  /** Add-on: whether a build is cached now, how many buckets it takes. Sheet: rows in the index sheet. */
  cached: boolean;
  buckets: number;
  clients: number;
  keys: number;
}

/** What the index holds now, for the bench and the CLI: one cache read in the add-on, one sheet read in the sheet. */
export function indexStats(): IndexStats {
  if (inAddon()) {
    const meta = cachedMeta(scriptCache());
    return {
      project: 'addon',
      cached: !!meta,
      buckets: meta?.buckets ?? 0,
      clients: meta?.clients ?? 0,
      keys: meta?.keys ?? 0,
    };
  }
  const sheet = indexSheet(crmSpreadsheet());
  const rows = sheet ? readIndex(sheet) : [];
  return {
    project: 'sheet',
    cached: false,
    buckets: 0,
    clients: rows.length,
    keys: rows.reduce((n, r) => n + r.keys.length, 0),
  };
}
