// The card index is never stale, end to end through the built bundle: every change made in the spreadsheet (an
// import, an event, an undo) shows on the Gmail add-on's NEXT card — also when the add-on had cached the address
// before — because the sheet project tells the add-on's web app after each change. A request without the secret
// changes nothing; a push that fails is reported, and the card is fresh again once the cached key expires.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CacheStore } from 'workspace-emulator';
import { importFile, prepareImport } from '../../../src/local/import-driver';
import { invokeEntryPoint } from '../../../src/local/gas/server-rpc';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';
import { cardToJson, messageEvent } from 'workspace-emulator';
import type { CardJson } from 'workspace-emulator';
import { appendRows, DAY } from './support';

const FIXTURE = path.join(__dirname, '../../fixtures/office-base.xlsx');
const PUSH_URL = 'crm.cardIndex.pushUrl';
const PUSH_SECRET = 'crm.cardIndex.pushSecret';

let office: Office;
/** An address of the office base that is nobody's before the import. */
let imported: { email: string; name: string };
/** The client the import completes with an e-mail (known before by phone only), and that e-mail. */
const EXISTING_PHONE = '8 912 345-67-89';

function card(from: string): { card: CardJson; calls: number; services: string[] } {
  const ws = office.workspace;
  const id = ws.gmail.addMessage({
    from,
    to: ws.ctx.session.email,
    subject: 'Вопрос',
    plainBody: '…',
    date: ws.clock.now(),
  });
  const { result, calls } = ws.calls.measure(() =>
    invokeEntryPoint(office.gmail, 'onGmailMessage', [messageEvent(ws, id)], 'card'),
  );
  if (result.error) throw result.error;
  return { card: cardToJson(result.result), calls: result.report.serviceCalls, services: calls.map((c) => c.service) };
}

const texts = (c: CardJson) =>
  c.sections.flatMap((s) => s.widgets).flatMap((w) => ('text' in w ? [String((w as { text: string }).text)] : []));
const generation = () =>
  office.workspace.cache.entries(CacheStore.scriptScope('gmail'), office.workspace.clock.now())['crm.ix.gen'];
const sheetLookup = (key: string) => call<{ name: string } | null>(office.sheet, 'lookupClientIndex_', key);

let importId = '';

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  const people = office.workspace.globals({ project: 'sheet', htmlFiles: {}, ui: office.sheet.ui })
    .People as GoogleAppsScript.People;
  const existing = people.People!.createContact({
    names: [{ familyName: 'Иванова', givenName: 'Анна' }],
    phoneNumbers: [{ value: EXISTING_PHONE }],
  });
  appendRows(office, 'events', [
    {
      id: 'E-before',
      date: new Date(office.workspace.clock.now() - 3 * DAY),
      kind: 'Звонок',
      reason: 'Интерес',
      client: 'Иванова Анна',
      clientId: String(existing.resourceName),
      manager: 'Анна',
      status: 'сделано',
    },
  ]);
  call(office.sheet, 'refreshIndexTrigger', {});
  const prepared = prepareImport(office, {
    bytes: new Uint8Array(fs.readFileSync(FIXTURE)),
    fileName: 'office-base.xlsx',
  });
  const first = prepared.cleaned.contacts.find(
    (c) => c.keys.emails.length && !c.keys.phones.includes('+79123456789') && c.person.names?.[0]?.familyName,
  )!;
  imported = { email: first.keys.emails[0], name: String(first.person.names?.[0]?.familyName) };
});

test('the push is wired: the sheet project holds the web app URL and the secret the add-on holds', () => {
  const props = office.workspace.properties;
  expect(props.peek('sheet', 'script', PUSH_URL)).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/.+\/exec$/);
  const secret = props.peek('sheet', 'script', PUSH_SECRET)!;
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(props.peek('gmail', 'script', PUSH_SECRET)).toBe(secret);
});

test('a sender the add-on cached as "not a client" is a client on the next card after the import', () => {
  const before = card(imported.email);
  expect(before.card.header?.subtitle).toBe('Пока не клиент');
  expect(card(imported.email).calls).toBeLessThanOrEqual(3);

  const result = importFile(office, { bytes: new Uint8Array(fs.readFileSync(FIXTURE)), fileName: 'office-base.xlsx' });
  importId = result.importId;
  expect(result.status).toBe('done');
  expect(result.updated).toBeGreaterThanOrEqual(1);

  expect(sheetLookup(imported.email)?.name).toContain(imported.name);
  const after = card(imported.email);
  expect(after.card.header?.title).toContain(imported.name);
  expect(after.card.header?.subtitle).not.toBe('Пока не клиент');
  // The next card: the changed row was read once (cold, ≤ 8 calls), now it is warm again.
  expect(after.calls).toBeLessThanOrEqual(8);
  const warm = card(imported.email);
  expect(warm.calls).toBeLessThanOrEqual(3);
  // Who the user is (free: the execution's own context) names the role's cache key, which rides in the one getAll.
  expect(warm.services).toEqual([
    'GmailApp.getMessageById',
    'GmailApp.GmailMessage.getFrom',
    'Session.getActiveUser',
    'CacheService.Cache.getAll',
  ]);
});

test('a contact the import completed keeps its history and is found by its new e-mail', () => {
  const rows = office.workspace.people
    .allContacts()
    .filter((p) => (p.phoneNumbers ?? []).some((n) => n.canonicalForm === '+79123456789'));
  expect(rows).toHaveLength(1);
  const email = String(rows[0].emailAddresses?.[0]?.value ?? '');
  expect(email).toContain('@');
  const c = card(email);
  expect(c.card.header?.title).toContain('Иванова');
  expect(texts(c.card).join('\n')).toContain('Интерес');
});

test('an event logged in the spreadsheet is on the next card of the add-on', () => {
  card(imported.email);
  office.rpc.logEvent({ client: imported.email, kind: 'Встреча', reason: 'Оплата', note: 'Принёс счёт' });
  const next = card(imported.email);
  expect(texts(next.card).join('\n')).toContain('Встреча · Оплата');
});

test('undoing the import: the add-on says "not a client" on the next card; the completed client keeps its phone', () => {
  card(imported.email);
  const undo = office.rpc.undoImport(importId);
  expect(undo.deleted).toBeGreaterThan(0);
  expect(sheetLookup(imported.email)).toBeNull();
  expect(card(imported.email).card.header?.subtitle).toBe('Пока не клиент');
  expect(sheetLookup('+79123456789')?.name).toContain('Иванова');
});

test('a POST without the right secret changes nothing', () => {
  const url = office.workspace.properties.peek('sheet', 'script', PUSH_URL)!;
  card('client-check@example.ru');
  const gen = generation();
  for (const body of [JSON.stringify({ secret: 'wrong'.repeat(10) }), '{}', 'not json', '']) {
    const reply = office.workspace.webApp.post(url, body, 'application/json');
    expect(JSON.parse(reply.text)).toEqual({ ok: false });
  }
  expect(generation()).toBe(gen);
  expect(card('client-check@example.ru').calls).toBeLessThanOrEqual(3);
});

test('a failed push is reported without personal data, and the card is fresh again when its key expires', () => {
  const props = office.workspace.properties;
  const url = props.peek('sheet', 'script', PUSH_URL)!;
  props.poke('sheet', 'script', PUSH_URL, 'https://script.google.com/macros/s/not-deployed/exec');
  try {
    const email = 'client-check@example.ru';
    card(email);
    const logBefore = office.workspace.log.entries().length;
    const person = office.workspace.people.seed(
      [{ names: [{ givenName: 'Поздний' }], emailAddresses: [{ value: email }] }],
      office.workspace.clock.now(),
    );
    expect(person).toHaveLength(1);
    // The sheet project learns of the contact through the nightly rebuild; its push fails.
    call(office.sheet, 'refreshIndexTrigger', {});
    expect(sheetLookup(email)?.name).toBe('Поздний');
    const stats = call<{ push: { configured: boolean; lastFailedAt: string | null; lastFailure: string | null } }>(
      office.sheet,
      'clientIndexStats_',
    );
    expect(stats.push).toMatchObject({ configured: true, lastFailure: expect.stringMatching(/^http-|error/) });
    expect(stats.push.lastFailedAt).not.toBeNull();
    const warnings = office.workspace.log
      .entries()
      .slice(logBefore)
      .filter((e) => e.level === 'warn');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.map((w) => w.message).join('\n')).not.toContain(email);
    // The add-on has not heard: still the cached answer, until the key expires.
    expect(card(email).card.header?.subtitle).toBe('Пока не клиент');
    office.workspace.clock.advance(11 * 60_000);
    expect(card(email).card.header?.title).toBe('Поздний');
  } finally {
    props.poke('sheet', 'script', PUSH_URL, url);
  }
  // The next push that goes through clears the report.
  call(office.sheet, 'refreshIndexTrigger', {});
  expect(
    call<{ push: { lastFailedAt: string | null } }>(office.sheet, 'clientIndexStats_').push.lastFailedAt,
  ).toBeNull();
});
