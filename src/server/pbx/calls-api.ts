// The Calls sidebar's server side (ServerApi getCalls / closeCallback / addCaller, rights in server/api.ts): the
// callback list and new callers as the Callbacks and New callers sheets hold them, closing an item by hand, and
// "Add as client" — the contact created (add-client: checked, journalled, indexed), the calls with that number relinked.

import { applyEvent } from '../../core/card-index';
import { parseEventRow, type EventRecord } from '../../core/events/row';
import { columnLetter } from '../../core/events/table';
import { CallbackRecord, callbackView, closeByHand, openItem } from '../../core/pbx/callbacks';
import { CallerRecord, callerView } from '../../core/pbx/callers';
import { pbxText } from '../../core/pbx/messages';
import { formatPhone, phoneKey, toE164 } from '../../core/phone';
import type { AddCallerInput, AddCallerResult, CallsView } from '../../shared/pbx-dto';
import { announceIndexChange } from '../card-index/announce';
import { rememberWritten } from '../card-index/client-index';
import { findByKey, indexRowCells, indexSheet } from '../card-index/index-sheet';
import { addClientContact, newClientOf } from '../clients/add-client';
import { updateCrmLines } from '../clients/crm-line';
import { refusedChange } from '../clients/messages';
import { scriptClock } from '../clock';
import { askReferenceSheets, readDay } from '../events/day-read';
import { OfficeContext } from '../events/office';
import { BatchRead, cellData, updateAt, updateCellsOfRow, writeBatch } from '../sheets/values-batch';
import { underWriteLock } from '../sheets/write-lock';
import { askCallbacks, callbackWrites, CallbacksRead } from './callbacks-sheet';
import { askCallers, callerWrites, CallersRead } from './callers-sheet';
import { sheetOrCreate } from './process';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** Closed items and handled callers shown after the open ones (the sheets keep them all). */
const HISTORY_SHOWN = 50;

interface ListsRead {
  office: OfficeContext;
  callbacks: CallbacksRead;
  callers: CallersRead;
  sheets: { callbacks: GoogleAppsScript.Spreadsheet.Sheet; callers: GoogleAppsScript.Spreadsheet.Sheet };
}

/** Settings, Callbacks and New callers in one values.batchGet. */
function readLists(office = new OfficeContext()): ListsRead {
  const sheets = { callbacks: sheetOrCreate(office, 'callbacks'), callers: sheetOrCreate(office, 'callers') };
  const out: ListsRead = {
    office,
    sheets,
    callbacks: { table: undefined, items: [] },
    callers: { table: undefined, items: [] },
  };
  const batch = new BatchRead();
  askReferenceSheets(batch, office, ['settings']);
  const tz = () => office.timeZone;
  askCallbacks(batch, sheets.callbacks.getName(), tz, (r) => (out.callbacks = r));
  askCallers(batch, sheets.callers.getName(), tz, (r) => (out.callers = r));
  batch.read(office.ss);
  return out;
}

const newest = <T extends { lastAt: Date }>(a: T, b: T) => b.lastAt.getTime() - a.lastAt.getTime();

function viewOf(read: ListsRead): CallsView {
  const country = read.office.settings.get('defaultCountry');
  const open = read.callbacks.items.filter((i) => i.state === 'open').sort(newest);
  const closed = read.callbacks.items.filter((i) => i.state !== 'open').sort(newest);
  const fresh = read.callers.items.filter((c) => c.state === 'new').sort(newest);
  const handled = read.callers.items.filter((c) => c.state !== 'new').sort(newest);
  return {
    callbacks: [...open, ...closed.slice(0, HISTORY_SHOWN)].map((i) => callbackView(i, country)),
    newCallers: [...fresh, ...handled.slice(0, HISTORY_SHOWN)].map((c) => callerView(c, country)),
  };
}

export function getCalls(): CallsView {
  return viewOf(readLists());
}

function e164Of(phone: string, office: OfficeContext): string {
  const e164 = toE164(String(phone ?? ''), office.settings.get('defaultCountry'));
  if (!e164) throw refusedChange(pbxText(office.locale, 'badPhone', { phone: String(phone ?? '').slice(0, 40) }));
  return e164;
}

/** "Called back": the number's open item closed by hand. */
export function closeCallback(input: { phone: string }): CallsView {
  return underWriteLock(() => {
    const read = readLists();
    const office = read.office;
    const phone = e164Of(input?.phone, office);
    const closed = closeByHand(read.callbacks.items, phone, new Date(scriptClock.now()));
    if (!closed)
      throw refusedChange(
        pbxText(office.locale, 'noCallback', { phone: formatPhone(phone, office.settings.get('defaultCountry')) }),
      );
    writeBatch(
      office.ss,
      callbackWrites(
        read.sheets.callbacks.getSheetId(),
        read.callbacks.table,
        [closed],
        office.locale,
        office.timeZone,
      ),
    );
    return viewOf(read);
  });
}

/** "Add as client": the contact made (or the one that has the number), its calls relinked, the caller marked added. */
export function addCaller(input: AddCallerInput): AddCallerResult {
  return underWriteLock(() => {
    const read = readLists();
    const office = read.office;
    const country = office.settings.get('defaultCountry');
    const phone = e164Of(input?.phone, office);
    const display = formatPhone(phone, country);
    const caller = read.callers.items.find((c) => c.phone === phone);
    const name = String(input?.name ?? '').trim();
    const label = String(input?.label ?? '').trim();
    const added = addClientContact(
      newClientOf({
        from: name,
        phone: display,
        ...(label ? { labels: [label] } : {}),
        ...(caller?.manager ? { manager: caller.manager } : {}),
      }),
      office,
    );
    const clientId = added.client.resourceName;
    const client = added.client.name || name || display;
    const relinked = relinkCalls(office, phone, display, clientId, client);
    const requests: Request[] = [...relinked.requests];
    const callers: CallerRecord[] = [];
    if (caller) {
      Object.assign(caller, { state: 'added', clientId });
      callers.push(caller);
    }
    const callbacks: CallbackRecord[] = [];
    const item = openItem(read.callbacks.items, phone);
    if (item && !item.clientId) {
      Object.assign(item, { client, clientId });
      callbacks.push(item);
    }
    requests.push(
      ...callerWrites(read.sheets.callers.getSheetId(), read.callers.table, callers, office.locale, office.timeZone),
      ...callbackWrites(
        read.sheets.callbacks.getSheetId(),
        read.callbacks.table,
        callbacks,
        office.locale,
        office.timeZone,
      ),
    );
    writeBatch(office.ss, requests);
    if (relinked.index) {
      rememberWritten(relinked.index);
      announceIndexChange([relinked.index]);
      updateCrmLines([relinked.index.entry], office);
    }
    return { clientId, client, relinked: relinked.events, calls: viewOf(read) };
  });
}

/**
 * The Events rows of calls with this number that name no client: one TextFinder on the phone column for the number
 * as processing writes it (core/phone display), those rows read in one batch, each checked (no clientId, that number).
 * The client's index entry takes them, so its card and CRM line show the calls at once.
 */
function relinkCalls(office: OfficeContext, e164: string, display: string, clientId: string, client: string) {
  const day = readDay(office, { refs: ['lists'], events: [] });
  const events = day.events!;
  const table = events.table;
  const out = { requests: [] as Request[], events: 0, index: undefined as ReturnType<typeof findByKey> };
  if (!table || (table.columns.phone ?? -1) < 0) return out;
  const letter = columnLetter(table.columns.phone);
  const found = events.sheet
    .getRange(`${letter}${2}:${letter}`)
    .createTextFinder(display)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
  const rows = found.length ? readDay(office, { events: found }).events!.rows : new Map<number, unknown[]>();
  const country = office.settings.get('defaultCountry');
  const relinked: EventRecord[] = [];
  for (const [row, cells] of rows) {
    const event = parseEventRow(cells, row, table, { timeZone: office.timeZone, locale: office.locale }).event;
    if (!event || event.clientId || phoneKey(event.phone, country) !== e164) continue;
    const cellsAt = new Map([
      [table.columns.client, cellData(client, office.timeZone)],
      [table.columns.clientId, cellData(clientId, office.timeZone)],
    ]);
    cellsAt.delete(-1);
    out.requests.push(...updateCellsOfRow(events.sheetId, row, cellsAt));
    relinked.push({ ...event, client, clientId });
  }
  out.events = relinked.length;
  const sheet = indexSheet(office.ss);
  const indexed = sheet ? findByKey(sheet, e164) : undefined;
  if (indexed && indexed.resourceName === clientId) {
    const entry = relinked.reduce((e, ev) => applyEvent(e, ev), indexed.entry);
    out.index = { ...indexed, entry };
    out.requests.push(
      updateAt(
        sheet!.getSheetId(),
        indexed.rowNumber,
        0,
        indexRowCells(out.index).map((v) => cellData(v, 'UTC')),
      ),
    );
  }
  return out;
}
