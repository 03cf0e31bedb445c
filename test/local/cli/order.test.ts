// Orders from a terminal: `crm order` logs an order for a client and changes its state (undo-last reverts it), the
// client's money (getClient's `money`, what the sidebar shows), a typed amount that is not a number reported, and
// revenue / debt / forecast by manager in `crm report` and on the Reports sheet.

import * as fs from 'node:fs';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { openOffice } from '../../../src/local/office';
import type { EventView } from '../../../src/shared/events-dto';
import type { ClientMoney, MoneyRow, MoneyTotals } from '../../../src/shared/orders-dto';
import { runCli, tempDir } from './run-cli';

interface OrderOut {
  event: EventView;
  totals: Record<string, MoneyTotals>;
  problems: ClientMoney['problems'];
  message?: string;
}

let dir: string;

function spreadsheet() {
  const office = openOffice({ dir });
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
  return { office, ws, ss };
}

beforeEach(async () => {
  dir = tempDir();
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
  const { office, ws, ss } = spreadsheet();
  const staff = ss.getSheetByName(template('staff').title.ru)!;
  const at = locateColumns(template('staff'), staff.getRange(1, 1, 1, staff.getLastColumn()).getValues()[0]);
  staff.getRange(2, at.name + 1, 2, 1).setValues([['Анна'], ['Борис']]);
  ws.people.seed(
    [
      { names: [{ familyName: 'Зайцева', givenName: 'Вера' }], emailAddresses: [{ value: 'vera@example.ru' }] },
      { names: [{ familyName: 'Орлов', givenName: 'Илья' }], emailAddresses: [{ value: 'ilya@example.ru' }] },
    ],
    ws.clock.now(),
  );
  const run = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (run.error) throw run.error;
  ws.save();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const order = async (...args: string[]) => {
  const run = await runCli(dir, 'order', ...args, '--json');
  if (run.code !== 0) throw new Error(`crm order ${args.join(' ')}: ${run.stderr}`);
  return run.json<OrderOut>();
};

test('crm order logs an order (Settings kind, reason, currency), changes its state, undo-last reverts it', async () => {
  const first = await order('--client', 'vera@example.ru', '--amount', '15 000,50', '--state', 'invoiced');
  expect(first.event).toMatchObject({
    kind: 'Заказ',
    reason: 'Заказ',
    client: 'Зайцева Вера',
    amount: 15000.5,
    currency: 'RUB',
    orderState: 'invoiced',
    status: 'done',
  });
  expect(first.totals).toEqual({ RUB: { paid: 0, debt: 15000.5, forecast: 0, orders: 1 } });
  const offer = await order('--client', 'Зайцева', '--amount', '1000', '--state', 'offer', '--currency', 'gel');
  expect(offer.totals.GEL).toEqual({ paid: 0, debt: 0, forecast: 300, orders: 1 });

  const paid = await order('--event', first.event.id, '--state', 'paid');
  expect(paid.event).toMatchObject({ id: first.event.id, orderState: 'paid', amount: 15000.5 });
  expect(paid.totals.RUB).toEqual({ paid: 15000.5, debt: 0, forecast: 0, orders: 1 });
  expect(paid.message).toMatch(/оплачен/);
  // The sheet says it in the office's words.
  const events = (await runCli(dir, 'sheet', 'events', '--json')).json<{ header: string[]; rows: string[][] }>();
  const state = events.header.indexOf('Состояние заказа');
  expect(events.rows.map((r) => r[state])).toEqual(['оплачен', 'предложение']);

  expect((await runCli(dir, 'undo-last', '--json')).code).toBe(0);
  const client = (await runCli(dir, 'client', 'vera@example.ru', '--json')).json<{ money: ClientMoney }>();
  expect(client.money.totals.RUB).toEqual({ paid: 0, debt: 15000.5, forecast: 0, orders: 1 });
  expect(client.money.orders.map((o) => o.orderState)).toEqual(['offer', 'invoiced']);
  expect(client.money).toMatchObject({ currency: 'RUB', kind: 'Заказ', offerPercent: 30, orderedPercent: 70 });
});

test('crm order refuses a bad amount, currency or state with exit 2 and writes nothing', async () => {
  for (const args of [
    ['--amount', '10.005'],
    ['--amount', '-5'],
    ['--amount', '100', '--currency', 'рубли'],
    ['--state', 'half paid'],
    [],
  ]) {
    const run = await runCli(dir, 'order', '--client', 'vera@example.ru', ...args, '--json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  }
  const events = (await runCli(dir, 'sheet', 'events', '--json')).json<{ rows: string[][] }>();
  expect(events.rows).toEqual([]);
  // A plain event is not an order until a state is named.
  const logged = await runCli(dir, 'log', '--client', 'vera@example.ru', '--kind', 'Звонок', '--reason', 'Интерес');
  const id = logged.json<EventView>().id;
  const change = await runCli(dir, 'order', '--event', id, '--amount', '500', '--json');
  expect(change.code).toBe(1);
  expect(change.stderr).toMatch(/не заказ/);
});

test('a typed amount that is not a number: listed with its row and column for the client and in the report', async () => {
  await order('--client', 'vera@example.ru', '--amount', '700', '--state', 'paid', '--at', '2026-03-02T10:00');
  await order('--client', 'vera@example.ru', '--amount', '300', '--state', 'paid', '--at', '2026-03-03T10:00');
  const { ws, ss } = spreadsheet();
  const sheet = ss.getSheetByName(template('events').title.ru)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const amount = header.indexOf('Сумма') + 1;
  // Someone types words into the second order's amount.
  sheet.getRange(3, amount).setValue('триста');
  ws.save();
  const client = (await runCli(dir, 'client', 'vera@example.ru', '--json')).json<{ money: ClientMoney }>();
  expect(client.money.problems).toEqual([
    { row: 3, column: 'Сумма', value: 'триста', message: expect.stringMatching(/не число/) },
  ]);
  // Counted without the money it could not read: 700 paid, not 1000 and not a silent 0 without a word.
  expect(client.money.totals.RUB.paid).toBe(700);
  const report = await runCli(dir, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--json');
  expect(report.json<{ orderProblems: unknown[] }>().orderProblems).toHaveLength(1);
});

test('revenue, debt and forecast by manager and period: crm report and the Reports sheet', async () => {
  const at = (day: string) => ['--at', `2026-03-${day}T10:00`];
  await order('--client', 'vera@example.ru', '--amount', '1000', '--state', 'paid', '--manager', 'Анна', ...at('02'));
  await order(
    '--client',
    'ilya@example.ru',
    '--amount',
    '400',
    '--state',
    'invoiced',
    '--manager',
    'Анна',
    ...at('05'),
  );
  await order('--client', 'ilya@example.ru', '--amount', '1000', '--state', 'offer', '--manager', 'Борис', ...at('06'));
  await order(
    '--client',
    'vera@example.ru',
    '--amount',
    '2000',
    '--state',
    'ordered',
    '--manager',
    'Борис',
    ...at('07'),
  );
  // April's: not in March's figures.
  await order(
    '--client',
    'vera@example.ru',
    '--amount',
    '5000',
    '--state',
    'paid',
    '--manager',
    'Анна',
    ...at('31').map((a) => a.replace('03-31', '04-01')),
  );
  const report = await runCli(dir, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--json');
  expect(report.code).toBe(0);
  const march: MoneyRow[] = [
    { manager: 'Анна', currency: 'RUB', revenue: 1000, debt: 400, forecast: 0, orders: 2 },
    { manager: 'Борис', currency: 'RUB', revenue: 0, debt: 0, forecast: 1700, orders: 2 },
  ];
  expect(report.json<{ money: MoneyRow[] }>().money).toEqual(march);

  const { office, ws, ss } = spreadsheet();
  const refreshed = office.rpc.refreshReports({ kind: 'month', from: '2026-03-15' });
  expect(refreshed.data.money).toEqual(march);
  ws.save();
  const reports = ss.getSheetByName(refreshed.sheet)!;
  const rows = reports
    .getDataRange()
    .getValues()
    .map((r) => r.map(String));
  const title = rows.findIndex((r) => r[0].startsWith('Выручка, долг и прогноз'));
  expect(title).toBeGreaterThan(0);
  expect(rows[title + 1].slice(0, 6)).toEqual([
    'Менеджер',
    'Валюта',
    'Выручка (оплачено)',
    'Долг (счёт выставлен)',
    'Прогноз (взвешенный)',
    'Заказов',
  ]);
  expect(rows.slice(title + 2, title + 4).map((r) => r.slice(0, 6))).toEqual([
    ['Анна', 'RUB', '1000', '400', '0', '2'],
    ['Борис', 'RUB', '0', '0', '1700', '2'],
  ]);
});

test('the server refuses a bad order on its own (the sidebar and the CLI check first, a script may not)', async () => {
  const { office, ws } = spreadsheet();
  const client = office.rpc.findClients({ query: 'vera@example.ru' }).clients[0].resourceName;
  const base = { client, kind: 'Заказ', reason: 'Заказ' };
  expect(() => office.rpc.logEvent({ ...base, amount: 10.005 })).toThrow(/Сумма «10.005» недопустима/);
  expect(() => office.rpc.logEvent({ ...base, amount: 5, currency: 'RUBL' })).toThrow(/Валюта «RUBL»/);
  const logged = office.rpc.logEvent({ ...base, amount: 5 });
  // An amount without a state is an order placed, in the office's currency.
  expect(logged).toMatchObject({ amount: 5, currency: 'RUB', orderState: 'ordered' });
  expect(() => office.rpc.changeEvent({ id: logged.id, action: 'order', state: 'half' as never })).toThrow(
    /Неизвестное состояние заказа «half»/,
  );
  const patch = office.rpc.changeEvent({ id: logged.id, action: 'order', amount: 7, currency: 'usd' });
  expect(patch.event).toMatchObject({ amount: 7, currency: 'USD', orderState: 'ordered' });
  // Undone: the amount and currency it had.
  expect(office.rpc.undoChange(patch.undo!).event).toMatchObject({ amount: 5, currency: 'RUB' });
  ws.save();
});
