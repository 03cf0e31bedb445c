// `crm import-calls`: an Asterisk Master.csv through the same plan as webhooks; a second import of the same file
// makes nothing twice (the keys are checked against the whole Inbox, where each imported call is kept as done).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CallsView, ImportCallsResult } from '../../../src/shared/pbx-dto';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';

jest.setTimeout(60_000);

interface Sheet {
  header: string[];
  rows: string[][];
}

const FILE = fs.readFileSync(path.join(__dirname, '../../fixtures/pbx/Master.csv')).toString('base64');
let office: Office;
let ivanov: string;

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  [ivanov] = ws.people.seed(
    [{ names: [{ givenName: 'Пётр', familyName: 'Иванов' }], phoneNumbers: [{ value: '+7 912 345-67-89' }] }],
    ws.clock.now(),
  );
  call(office.sheet, 'refreshIndexTrigger', {});
});

const rows = (key: string) => call<Sheet>(office.sheet, 'sheetContents_', key);

test('a Master.csv: answered calls become events, missed ones callbacks; imported again, nothing twice', () => {
  const first = call<ImportCallsResult>(office.sheet, 'importCalls_', FILE, 'Master.csv');
  // A ring group's two legs are one call; an internal call is skipped; a damaged start is a problem with its line.
  expect(first).toMatchObject({
    format: 'asterisk',
    rows: 8,
    events: 2,
    missed: 2,
    unknown: 3,
    duplicates: 0,
    skipped: 1,
  });
  expect(first.problems).toEqual([expect.objectContaining({ row: 8, column: 'start', value: 'вчера' })]);
  const events = rows('events');
  const col = (title: string) => events.header.indexOf(title);
  const written = events.rows.map((r) => [r[col('Клиент')], r[col('Контакт (ID)')], r[col('Результат')]]);
  expect(written).toHaveLength(2);
  expect(written[0]).toEqual([
    'Иванов Пётр',
    ivanov,
    expect.stringMatching(/^Входящий · разговор 3:05 · линия 8 \(495\) 123-45-67 · доб. 102/),
  ]);
  const inbox = rows('inbox').rows;
  expect(inbox.map((r) => [r[1], r[3]])).toEqual(Array.from({ length: inbox.length }, () => ['asterisk', 'done']));
  expect(inbox.map((r) => r[4].replace(/^E[0-9a-z-]+@/, 'E@'))).toEqual([
    'E@2',
    'callback',
    'E@3',
    'unanswered',
    'callback',
  ]);
  const view = call<CallsView>(office.sheet, 'callbacks_');
  expect(view.callbacks.map((c) => [c.phone, c.attempts, c.state])).toEqual([
    ['+79265554433', 1, 'open'],
    ['+79169998877', 1, 'open'],
  ]);

  const again = call<ImportCallsResult>(office.sheet, 'importCalls_', FILE, 'Master.csv');
  expect(again).toMatchObject({ events: 0, missed: 0, unknown: 0, duplicates: inbox.length });
  expect(rows('events').rows).toHaveLength(2);
  expect(rows('inbox').rows).toHaveLength(inbox.length);
  expect(call<CallsView>(office.sheet, 'callbacks_').callbacks).toEqual(view.callbacks);
});
