// The Gmail card's client index at 25,000 contacts: built by the sheet project into the hidden Card index sheet,
// looked up by the add-on in ONE CacheService call when warm, reloaded from the sheet when cold, and kept current by
// the events the add-on logs.

import type { ClientIndexEntry } from '../../../src/core/card-index';
import { CacheStore } from 'workspace-emulator';
import { invokeEntryPoint, serverRpc } from '../../../src/local/gas/server-rpc';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';
import { appendRows, DAY, HOUR, phoneOf, seedClients, sheetValues } from './support';

const CONTACTS = 25_000;

let office: Office;
let names: string[];

function lookup(project: Office['sheet'], key: string): { entry: ClientIndexEntry | null; calls: string[] } {
  const { result, calls } = office.workspace.calls.measure(() =>
    invokeEntryPoint(project, 'lookupClientIndex_', [key]),
  );
  if (result.error) throw result.error;
  return { entry: result.result as ClientIndexEntry | null, calls: calls.map((c) => c.service) };
}

const addonCache = () => office.workspace.cache.entries(CacheStore.scriptScope('gmail'), office.workspace.clock.now());

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  ({ names } = seedClients(office, CONTACTS));
  const now = office.workspace.clock.now();
  appendRows(office, 'events', [
    {
      id: 'E-old',
      date: new Date(now - 30 * DAY),
      kind: 'Звонок',
      reason: 'Интерес',
      client: 'Клиент123 Иван',
      clientId: names[123],
      manager: 'Анна',
      result: 'Просил перезвонить',
      status: 'сделано',
    },
    {
      id: 'E-new',
      date: new Date(now - 2 * DAY),
      kind: 'Встреча',
      reason: 'Заказ',
      client: 'Клиент123 Иван',
      clientId: names[123],
      manager: 'Анна',
      result: 'Заказал',
      status: 'сделано',
    },
    {
      id: 'E-plan',
      date: new Date(now + 3 * DAY),
      kind: 'Звонок',
      reason: 'Оплата',
      client: 'Клиент123 Иван',
      clientId: names[123],
      manager: 'Олег',
      status: 'план',
    },
    // A row restored by hand names the client only by text: the index still ties it to the contact.
    {
      id: 'E-text',
      date: new Date(now - 5 * DAY),
      kind: 'Визит',
      reason: 'Интерес',
      client: 'иван  клиент124',
      status: 'сделано',
    },
  ]);
  call(office.sheet, 'refreshIndexTrigger', {});
});

describe('the Card index sheet', () => {
  test('holds one row per contact, hidden, with every e-mail and phone as keys', () => {
    const rows = sheetValues(office, 'cardIndex');
    const filled = rows.slice(1).filter((r) => r[0] !== '');
    expect(filled).toHaveLength(CONTACTS);
    const row = filled.find((r) => r[1] === names[123])!;
    expect(row[0]).toBe(',client123@example.ru,+79121000123,');
    const entry = JSON.parse(String(row[3])) as ClientIndexEntry;
    expect(entry).toMatchObject({ name: 'Клиент123 Иван', labels: [], manager: 'Анна', phones: [phoneOf(123)] });
    expect(entry.lastContact).toMatchObject({ kind: 'Встреча', reason: 'Заказ' });
    expect(entry.planned.map((p) => p.id)).toEqual(['E-plan']);
    expect(entry.recent.map((r) => r.id)).toEqual(['E-new', 'E-old']);
    const text = JSON.parse(String(filled.find((r) => r[1] === names[124])![3])) as ClientIndexEntry;
    expect(text.lastContact).toMatchObject({ kind: 'Визит' });
    expect(JSON.parse(String(filled.find((r) => r[1] === names[125])![3])).labels).toEqual(['VIP']);
    const record = office.workspace.spreadsheets
      .get(office.spreadsheetId)
      .sheets.find((s) => s.name === 'Индекс карточки');
    expect(record?.hidden).toBe(true);
  });
});

describe('lookupClient in the Gmail add-on', () => {
  const COLD = [
    'CacheService.Cache.getAll',
    // The add-on finds the spreadsheet by the id in its script properties (read whole: the office's language too).
    'PropertiesService.Properties.getProperties',
    'SpreadsheetApp.openById',
    'SpreadsheetApp.TextFinder.findAll',
    'SpreadsheetApp.Range.getValues',
    'CacheService.Cache.putAll',
  ];

  test('cold: reads the one row (never the index), caches that key alone, and answers', () => {
    office.workspace.cache.evictAll();
    const { entry, calls } = lookup(office.gmail, 'Иван <Client123@Example.ru>');
    expect(entry?.resourceName).toBe(names[123]);
    expect(calls).toEqual(COLD);
    expect(Object.keys(addonCache())).toEqual(['crm.ix.k:client123@example.ru']);
    // A stranger costs the same minus the row, and is cached as "not a client".
    const stranger = lookup(office.gmail, 'stranger@example.org');
    expect(stranger.entry).toBeNull();
    expect(stranger.calls).toEqual(COLD.filter((c) => c !== 'SpreadsheetApp.Range.getValues'));
  });

  test('warm: exactly one service call, by e-mail and by phone, for clients and strangers alike', () => {
    const keys = [
      'client123@example.ru',
      'client24999@example.ru',
      '+7 (912) 100-01-23',
      '+79121024999',
      'stranger@example.org',
      '+995 555 12 34 56',
    ];
    for (const key of keys) lookup(office.gmail, key);
    for (const key of keys) expect(lookup(office.gmail, key).calls).toEqual(['CacheService.Cache.getAll']);
    expect(lookup(office.gmail, '+7 (912) 100-01-23').entry?.resourceName).toBe(names[123]);
    expect(lookup(office.gmail, 'client24999@example.ru').entry?.name).toBe('Клиент24999 Иван');
    expect(lookup(office.gmail, '+79121024999').entry?.resourceName).toBe(names[24999]);
    expect(lookup(office.gmail, 'stranger@example.org').entry).toBeNull();
  });

  test('the warm answer is the same as the sheet project reads from the sheet itself', () => {
    const fromSheet = lookup(office.sheet, 'client123@example.ru');
    expect(fromSheet.calls).toEqual(['SpreadsheetApp.TextFinder.findAll', 'SpreadsheetApp.Range.getValues']);
    expect(lookup(office.gmail, 'client123@example.ru').entry).toEqual(fromSheet.entry);
    // ",client12@" is inside ",client123@…" only as a prefix: whole keys only.
    expect(lookup(office.sheet, 'client12@example.ru').entry?.resourceName).toBe(names[12]);
  });

  test('a value from another generation, or an expired one, is read again rather than trusted', () => {
    const now = office.workspace.clock.now();
    const scope = CacheStore.scriptScope('gmail');
    office.workspace.cache.put(scope, 'crm.ix.gen', 'a newer change', now + HOUR, now);
    const reread = lookup(office.gmail, 'client123@example.ru');
    expect(reread.calls).toContain('SpreadsheetApp.Range.getValues');
    expect(reread.entry?.resourceName).toBe(names[123]);
    expect(JSON.parse(addonCache()['crm.ix.k:client123@example.ru'])).toMatchObject({ g: 'a newer change' });
    expect(lookup(office.gmail, 'client123@example.ru').calls).toEqual(['CacheService.Cache.getAll']);
    // The generation itself lost: "none yet", so nothing from the generation before counts.
    office.workspace.cache.remove(scope, 'crm.ix.gen');
    expect(lookup(office.gmail, 'client123@example.ru').calls).toContain('SpreadsheetApp.Range.getValues');
    office.workspace.clock.advance(11 * 60_000);
    const after = lookup(office.gmail, 'client123@example.ru');
    expect(after.calls).toContain('SpreadsheetApp.Range.getValues');
    expect(after.entry?.resourceName).toBe(names[123]);
    expect(lookup(office.gmail, 'client123@example.ru').calls).toEqual(['CacheService.Cache.getAll']);
  });
});

describe('events logged after the rebuild', () => {
  test('an event logged from the add-on updates its cached card at once, and the sheet row', () => {
    lookup(office.gmail, 'client7@example.ru');
    lookup(office.gmail, phoneOf(7));
    serverRpc(office.gmail).logEvent({
      client: 'client7@example.ru',
      kind: 'Звонок',
      reason: 'Оплата',
      note: 'Оплатит в пятницу',
    });
    const warm = lookup(office.gmail, 'client7@example.ru');
    expect(warm.calls).toEqual(['CacheService.Cache.getAll']);
    expect(warm.entry?.lastContact).toMatchObject({ kind: 'Звонок', reason: 'Оплата' });
    expect(warm.entry?.recent[0]).toMatchObject({ kind: 'Звонок', result: 'Оплатит в пятницу' });
    // The phone finds the same, updated entry, also without reading the sheet.
    const byPhone = lookup(office.gmail, phoneOf(7));
    expect(byPhone.calls).toEqual(['CacheService.Cache.getAll']);
    expect(byPhone.entry?.lastContact).toMatchObject({ reason: 'Оплата' });
    expect(lookup(office.sheet, 'client7@example.ru').entry?.lastContact).toMatchObject({ reason: 'Оплата' });
  });

  test('a planned event logged in the spreadsheet shows in the sheet at once and in the add-on after a reload', () => {
    const at = new Date(Math.floor(office.workspace.clock.now() / HOUR) * HOUR + 2 * DAY).toISOString();
    office.rpc.logEvent({ client: 'client9@example.ru', kind: 'Встреча', reason: 'Заказ', planned: true, at });
    expect(lookup(office.sheet, 'client9@example.ru').entry?.planned).toEqual([
      expect.objectContaining({ kind: 'Встреча', reason: 'Заказ', at }),
    ]);
    office.workspace.cache.evictAll();
    expect(lookup(office.gmail, phoneOf(9)).entry?.planned).toEqual([expect.objectContaining({ kind: 'Встреча', at })]);
  });

  test('marking the planned event done moves it from planned to the last contact', () => {
    const entry = lookup(office.sheet, 'client123@example.ru').entry!;
    serverRpc(office.gmail).changeEvent({ id: entry.planned[0].id, action: 'done', result: 'Оплатил' });
    const after = lookup(office.gmail, 'client123@example.ru').entry!;
    expect(after.planned).toEqual([]);
    expect(after.lastContact).toMatchObject({ kind: 'Звонок', reason: 'Оплата' });
    expect(after.recent.map((r) => r.id)).toEqual(['E-plan', 'E-new', 'E-old']);
  });
});
