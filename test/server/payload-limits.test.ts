// The product's biggest payloads at office scale stay inside the payload limits the emulator enforces (the package's
// limits.ts): what a sidebar's first screen, the week ahead and an export page answer over google.script.run, the
// card index's cache entries, a Gmail card's action parameters, and the sidebars' HTML. Each would fail the call in
// the emulator past its limit; the assertions name the margin as well.

import { cardToJson, jsonBytes, messageEvent, PAYLOAD_LIMITS } from 'workspace-emulator';
import type { CardJson } from 'workspace-emulator';
import { invokeEntryPoint } from '../../src/local/gas/server-rpc';
import { call, testOffice } from '../support/office';
import { appendRows, DAY, seedClients } from './card-index/support';
import { actionsOf, pushedCard, runAction, STAFF } from './gmail/support';
import type { GmailOffice } from './gmail/support';

const CONTACTS = 3000;
const EVENTS = 12000;
/** The client with a long history: thousands of rows in the Events sheet. */
const BUSY = 7;
const BUSY_EVENTS = 3000;
const LABELS = 300;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
let o: GmailOffice;

beforeAll(() => {
  const office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  const { names } = seedClients(office, CONTACTS);
  // An account with many labels, named the long way offices name them.
  for (let i = 0; i < LABELS; i++)
    ws.people.insertGroup(`Клиенты направления «Проект ${i}» — Москва`, [], ws.clock.now());
  appendRows(office, 'staff', STAFF);
  const now = ws.clock.now();
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const c = i < BUSY_EVENTS ? BUSY : (i * 7919) % CONTACTS;
    const planned = i % 10 === 0;
    return {
      id: `E-${i}`,
      date: new Date(now + (planned ? ((i % 9) - 4) * DAY : -((i % 500) + 1) * DAY)),
      kind: i % 2 ? 'Звонок' : 'Встреча',
      reason: 'Интерес',
      client: `Клиент${c} Иван`,
      clientId: names[c],
      manager: STAFF[i % STAFF.length].name,
      result: planned ? '' : `Итог разговора ${i}: обсудили условия, перезвонить после согласования`,
      status: planned ? 'план' : 'сделано',
    };
  });
  appendRows(office, 'events', events);
  call(office.sheet, 'refreshIndexTrigger', {});
  const message = (from: string) =>
    ws.gmail.addMessage({ from, to: 'office@example.com', subject: 'Вопрос', plainBody: '…', date: now });
  o = {
    office,
    names,
    hostile: '',
    messages: {
      known: message(`Иван Клиент${BUSY} <client${BUSY}@example.ru>`),
      stranger: message('Георгий <giorgi@example.ge>'),
      hostile: message('x@example.ge'),
    },
  };
}, 120_000);

describe('google.script.run answers (limit: scriptRunResultBytes, UNVERIFIED)', () => {
  const limit = PAYLOAD_LIMITS.scriptRunResultBytes.value;

  test('the Reminders first screen, the week ahead and the quiet list fit with room to spare', () => {
    // office.rpc refuses an answer over the limit, as google.script.run would fail it.
    const sizes = {
      reminders: jsonBytes(o.office.rpc.getReminders()),
      week: jsonBytes(o.office.rpc.getDue({ days: 7 })),
      quiet: jsonBytes(o.office.rpc.getQuietClients()),
    };
    for (const bytes of Object.values(sizes)) expect(bytes).toBeLessThan(limit / 4);
  });

  test('an export page of contacts fits', () => {
    const page = o.office.rpc.exportContacts({});
    expect(page.contacts.length).toBeGreaterThan(0);
    expect(jsonBytes(page)).toBeLessThan(limit / 2);
  });
});

describe('the card index in the cache (limit: cacheValueBytes, 100 KB)', () => {
  test('every entry fits, the busiest client included', () => {
    const caches = (o.office.workspace.cache.toJSON().caches ?? {}) as Record<
      string,
      Record<string, { value: string }>
    >;
    const values = Object.values(caches).flatMap((c) => Object.values(c).map((e) => e.value));
    expect(values.length).toBeGreaterThan(0);
    expect(Math.max(...values.map(utf8))).toBeLessThanOrEqual(PAYLOAD_LIMITS.cacheValueBytes.value);
  });
});

describe('Gmail card actions (limits: cardActionParameterBytes and cardBytes, UNVERIFIED)', () => {
  const paramBytes = (card: CardJson) =>
    Object.values(actionsOf(card)).map((a) =>
      Object.entries(a.parameters).reduce((n, [k, v]) => n + utf8(k) + utf8(v), 0),
    );

  test('the card of a client with thousands of rows: the sheet button carries the first and last row, not all', () => {
    const run = invokeEntryPoint(
      o.office.gmail,
      'onGmailMessage',
      [messageEvent(o.office.workspace, o.messages.known)],
      'card',
    );
    if (run.error) throw run.error;
    const card = cardToJson(run.result);
    const open = card.sections
      .flatMap((s) => s.widgets)
      .flatMap((w) => (w.type === 'buttonSet' ? w.buttons : []))
      .find((b) => b.onClick?.functionName === 'gmailOpenSheet')!;
    expect(open.onClick!.parameters.rows).toMatch(/^\d+,\d+$/);
    expect(Math.max(...paramBytes(card))).toBeLessThan(PAYLOAD_LIMITS.cardActionParameterBytes.value / 4);
    expect(jsonBytes(card)).toBeLessThan(PAYLOAD_LIMITS.cardBytes.value);
    // The link still selects the client's rows.
    const link = runAction(o, o.messages.known, open.onClick!).response.openLink;
    expect(link).toMatch(/&range=\d+:\d+$/);
  });

  test('the add-client form of an account with hundreds of labels stays within both', () => {
    const first = cardToJson(
      invokeEntryPoint(
        o.office.gmail,
        'onGmailMessage',
        [messageEvent(o.office.workspace, o.messages.stranger)],
        'card',
      ).result,
    );
    const form = pushedCard(runAction(o, o.messages.stranger, actionsOf(first).gmailAddClientForm).response)!;
    const labels = form.sections.flatMap((s) => s.widgets).find((w) => w.type === 'selectionInput') as {
      items: unknown[];
    };
    expect(labels.items.length).toBeGreaterThan(LABELS);
    expect(Math.max(...paramBytes(form))).toBeLessThan(PAYLOAD_LIMITS.cardActionParameterBytes.value / 2);
    expect(jsonBytes(form)).toBeLessThan(PAYLOAD_LIMITS.cardBytes.value);
  });
});

describe('sidebars (limit: htmlOutputBytes, UNVERIFIED)', () => {
  test.each(['openImportSidebar', 'openSettingsSidebar', 'openRemindersSidebar', 'openClientsSidebar'] as const)(
    '%s: the built sidebar is an HtmlOutput within the limit',
    (menu) => {
      call(o.office.sheet, menu);
      const shown = o.office.sheet.ui.sidebar;
      expect(shown).toBeDefined();
      expect(utf8(String(shown!.html))).toBeLessThan(PAYLOAD_LIMITS.htmlOutputBytes.value);
    },
  );
});
