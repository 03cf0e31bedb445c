// "Open in the CRM" on the Gmail card, through the built bundle: the card writes the clicking user's record into the
// Settings sheet and links to the spreadsheet; the next open of the spreadsheet by that user shows the Client sidebar
// on that client and clears the record; an old record, another user's record or a blank user opens nothing. onOpen
// stays at ≤ 4 service calls whether or not a record waits for someone else.

import { t } from '../../../src/core/i18n/messages';
import { CacheStore } from 'workspace-emulator';
import { invokeEntryPoint } from '../../../src/local/gas/server-rpc';
import { sheetValues } from '../card-index/support';
import { actionsOf, gmailOffice, GmailOffice, KNOWN, openCard, runAction } from './support';

const SHARED = 'office@example.com';
const MINUTE = 60_000;
let o: GmailOffice;

beforeAll(() => {
  o = gmailOffice(300);
});

afterEach(() => {
  o.office.workspace.ctx.session.email = SHARED;
});

function clickOpenInCrm(messageId = o.messages.known) {
  const { card } = openCard(o, messageId);
  const { run, response } = runAction(o, messageId, actionsOf(card).gmailOpenInCrm);
  return { card, run, response };
}

const pendingRows = () => sheetValues(o.office, 'settings').filter((r) => r[0] === 'openInCrm');

/** The sidebar the emulated Sheets shows now (a function, so the type is not narrowed by the reset below). */
const shownSidebar = () => o.office.sheet.ui.sidebar;

function openSpreadsheet() {
  o.office.sheet.ui.sidebar = undefined;
  const run = invokeEntryPoint(o.office.sheet, 'onOpen', [{ authMode: 'LIMITED' }], 'simple-trigger');
  if (run.error) throw run.error;
  return { run, sidebar: shownSidebar(), menu: o.office.sheet.ui.menus[0] };
}

test('the card offers "Открыть в CRM" beside the every-row link', () => {
  const { card } = clickOpenInCrm();
  const buttons = card.sections
    .flatMap((s) => s.widgets)
    .flatMap((w) => (w.type === 'buttonSet' ? w.buttons : w.type === 'textButton' ? [w] : []));
  const crm = buttons.find((b) => b.onClick?.functionName === 'gmailOpenInCrm');
  expect(crm?.text).toBe('Открыть в CRM');
  expect(crm?.onClick?.parameters.client).toBe(o.names[KNOWN]);
  expect(buttons.some((b) => b.onClick?.functionName === 'gmailOpenSheet')).toBe(true);
  o.office.sheet.invoke('onOpen', [{}], 'simple-trigger'); // takes the record this click wrote
});

test('the click writes the record and links to the spreadsheet; the next open by that user shows that client, once', () => {
  const { run, response } = clickOpenInCrm();
  expect(response.openLink).toBe(`https://docs.google.com/spreadsheets/d/${o.office.spreadsheetId}/edit`);
  // The spreadsheet's id, opening it, who clicked, the Settings read and one write.
  expect(run.report.serviceCalls).toBeLessThanOrEqual(5);
  const rows = pendingRows();
  expect(rows).toHaveLength(1);
  const record = JSON.parse(String(rows[0][1])) as Record<string, string>;
  expect(record).toMatchObject({ client: o.names[KNOWN], user: SHARED });
  expect(o.office.workspace.clock.now() - Date.parse(record.at)).toBeLessThan(MINUTE);

  const opened = openSpreadsheet();
  expect(opened.menu.items.length).toBeGreaterThan(0);
  expect(opened.sidebar?.title).toBe('Клиенты');
  expect(opened.sidebar?.html).toContain(`data-client="${o.names[KNOWN]}"`);
  expect(pendingRows()[0][1]).toBe('');
  // The menu's 3 calls, who opened it, clearing the record and the sidebar's 2: what the menu and CRM → Clients cost.
  expect(opened.run.report.serviceCalls).toBeLessThanOrEqual(7);

  // A later open shows the menu only, at the plain open's cost.
  const again = openSpreadsheet();
  expect(again.sidebar).toBeUndefined();
  expect(again.run.report.serviceCalls).toBeLessThanOrEqual(4);
});

test('a record older than five minutes opens nothing (and stays until a click reuses its row)', () => {
  clickOpenInCrm();
  o.office.workspace.clock.advance(6 * MINUTE);
  const opened = openSpreadsheet();
  expect(opened.sidebar).toBeUndefined();
  expect(opened.run.report.serviceCalls).toBeLessThanOrEqual(4);
  clickOpenInCrm();
  expect(pendingRows()).toHaveLength(1);
  openSpreadsheet();
});

test("another user's record opens nothing for me and waits for them; two users keep a row each", () => {
  o.office.workspace.ctx.session.email = 'anna@example.com';
  clickOpenInCrm();
  o.office.workspace.ctx.session.email = 'oleg@example.com';
  clickOpenInCrm(o.messages.hostile);
  expect(pendingRows()).toHaveLength(2);

  o.office.workspace.ctx.session.email = 'maria@example.com';
  const mine = openSpreadsheet();
  expect(mine.sidebar).toBeUndefined();
  expect(mine.run.report.serviceCalls).toBeLessThanOrEqual(4);

  o.office.workspace.ctx.session.email = 'anna@example.com';
  expect(openSpreadsheet().sidebar?.html).toContain(`data-client="${o.names[KNOWN]}"`);
  o.office.workspace.ctx.session.email = 'oleg@example.com';
  const oleg = openSpreadsheet().sidebar?.html ?? '';
  expect(oleg).toContain('data-client="people/');
  expect(oleg).not.toContain(`data-client="${o.names[KNOWN]}"`);
  expect(pendingRows().map((r) => r[1])).toEqual(['', '']);
});

test("an open whose user Google does not name (a simple trigger outside the owner's domain) opens nothing", () => {
  clickOpenInCrm();
  o.office.workspace.ctx.session.email = '';
  expect(openSpreadsheet().sidebar).toBeUndefined();
  o.office.workspace.ctx.session.email = SHARED;
  expect(openSpreadsheet().sidebar?.html).toContain(`data-client="${o.names[KNOWN]}"`);
});

test.each(['en', 'ka'] as const)(
  'in the Settings language %s the button speaks it; the sidebar opens titled in it',
  (lang) => {
    expect(o.office.rpc.saveSettings({ language: lang }).ok).toBe(true);
    o.office.workspace.cache.evict(CacheStore.scriptScope('gmail'));
    try {
      const { card } = clickOpenInCrm();
      expect(JSON.stringify(card)).toContain(JSON.stringify(t(lang, 'cardOpenInCrm')));
      expect(String(pendingRows()[0][2])).toBe(t(lang, 'pendingOpenNote'));
      expect(openSpreadsheet().sidebar?.title).toBe(t(lang, 'menuClients'));
    } finally {
      expect(o.office.rpc.saveSettings({ language: '' }).ok).toBe(true);
      o.office.workspace.cache.evict(CacheStore.scriptScope('gmail'));
    }
  },
);
