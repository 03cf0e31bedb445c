// The Reports sheet through the built bundle, every cell against the hand-counted fixture (fixture.ts): done events by
// manager × kind / reason, kind × reason, label and shift; follow-ups on time, late and overdue; new and quiet clients;
// the funnel with a renamed stage. Then what a second refresh leaves (nothing of the first), and the call bound.

import { serverRpc } from '../../../src/local/gas/server-rpc';
import { call } from '../../support/office';
import { eventRows, logEvent } from '../events/office';
import { DMITRY, NINO, reportsOffice } from './fixture';

interface Shown {
  found: true;
  title: string;
  header: string[];
  rows: string[][];
  formulas: string[][];
}

/** The sheet as `crm sheet Отчёты` prints it, trailing empty cells dropped, split into sections at blank rows. */
function shown(office: ReturnType<typeof reportsOffice>, title = 'Отчёты') {
  const sheet = call<Shown>(office.sheet, 'sheetContents_', title);
  const trim = (r: string[]) => {
    const out = [...r];
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  };
  const rows = sheet.rows.map(trim);
  const sections: string[][][] = [];
  let current: string[][] = [];
  for (const r of rows) {
    if (r.length === 0) {
      if (current.length) sections.push(current);
      current = [];
    } else current.push(r);
  }
  if (current.length) sections.push(current);
  return { sheet, rows, sections };
}

test('every section of the Reports sheet, counted by hand, in the office language', () => {
  const office = reportsOffice();
  // Marking E7 done recorded when: the "Done at" column of the Events sheet.
  const e7 = eventRows(office).find((r) => r.id === 'E7')!;
  // 09:00 on 2 March in Moscow (the virtual clock moves on by the seconds the calls before it took).
  expect(Math.abs((e7.doneAt as Date).getTime() - Date.parse('2026-03-02T06:00:00Z'))).toBeLessThan(60_000);

  const result = office.rpc.refreshReports();
  expect(result.sheet).toBe('Отчёты');
  const { sheet, sections } = shown(office);
  expect(sheet.header[0]).toMatch(/^Отчёты/);
  const [choice, ...body] = sections;
  expect(choice).toEqual([
    ['Период', 'месяц', 'день, неделя, месяц, квартал или свой период'],
    ['С', '', 'любой день периода; пусто = сегодня'],
    ['По (свой период)', '', 'последний день своего периода'],
    ['Обновлено', '02.03.2026 09:00'],
    ['Показан период', '01.03.2026 – 31.03.2026', 'CRM → Отчёты → Обновить (и каждую ночь)'],
  ]);
  expect(body).toEqual([
    [
      ['Сделано по менеджерам и видам'],
      ['Менеджер', 'Вид', 'Сделано'],
      ['=cmd', 'Звонок', '1'],
      [DMITRY, 'Встреча', '1'],
      [DMITRY, 'Звонок', '1'],
      [NINO, 'Звонок', '3'],
    ],
    [
      ['Сделано по менеджерам и поводам'],
      ['Менеджер', 'Повод', 'Сделано'],
      ['=cmd', 'Интерес', '1'],
      [DMITRY, 'Интерес', '1'],
      [DMITRY, 'Презентация', '1'],
      [NINO, 'Заказ', '1'],
      [NINO, 'Интерес', '1'],
      [NINO, '(нет)', '1'],
    ],
    [
      ['Сделано по видам и поводам'],
      ['Вид', 'Повод', 'Сделано'],
      ['Встреча', 'Презентация', '1'],
      ['Звонок', 'Заказ', '1'],
      ['Звонок', 'Интерес', '3'],
      ['Звонок', '(нет)', '1'],
    ],
    [['Сделано по меткам клиентов'], ['Метка', 'Сделано'], ['VIP', '3'], ['Постоянный', '3']],
    [
      ['Сделано по менеджерам и сменам'],
      ['Менеджер', 'Смена', 'Сделано'],
      ['=cmd', 'утро', '1'],
      [DMITRY, 'вечер', '1'],
      [DMITRY, 'утро', '1'],
      [NINO, 'вечер', '1'],
      [NINO, 'утро', '2'],
    ],
    [
      ['Задачи по менеджерам (запланированные на период)'],
      ['Менеджер', 'Запланировано', 'Сделано вовремя', 'Сделано с опозданием', 'Просрочено'],
      [DMITRY, '1', '0', '0', '1'],
      [NINO, '2', '1', '0', '0'],
    ],
    [
      ['Новые клиенты'],
      ['Новых клиентов за период', '2'],
      ['Метка', 'Новые клиенты'],
      ['VIP', '1'],
      ['Постоянный', '1'],
    ],
    [['Затихшие клиенты на сегодня, по меткам'], ['Метка', 'Затихли'], ['затихших клиентов нет']],
    [
      ['Воронка (клиенты со сделанным событием этапа)'],
      ['Этап', 'Клиентов', 'Конверсия из предыдущего этапа, %'],
      ['Интерес', '2'],
      // Renamed in Lists: E2, logged as "Презентация", still counts.
      ['Демонстрация', '1', '50'],
      ['Заказ', '1', '100'],
      ['Оплата', '0', '0'],
    ],
    // Money by manager (orders: none logged in this office yet).
    [
      ['Выручка, долг и прогноз по менеджерам (заказы с датой в периоде)'],
      ['Менеджер', 'Валюта', 'Выручка (оплачено)', 'Долг (счёт выставлен)', 'Прогноз (взвешенный)', 'Заказов'],
      ['заказов в этом периоде нет'],
    ],
  ]);
  // "=cmd" is the text the office typed, never a formula.
  expect(sheet.formulas.flat().every((f) => f === '')).toBe(true);
});

test('the office chooses the period in the top cells; a later refresh leaves nothing of a longer one behind', () => {
  const office = reportsOffice();
  office.rpc.refreshReports();
  // A custom period of one day: 2 March only.
  const result = office.rpc.refreshReports({ kind: 'custom', from: '2026-03-02', to: '2026-03-02' });
  expect(result.data.period).toMatchObject({ kind: 'custom', firstDay: '2026-03-02', lastDay: '2026-03-02' });
  const { sections, rows } = shown(office);
  expect(sections[0].slice(0, 3)).toEqual([
    ['Период', 'свой период', 'день, неделя, месяц, квартал или свой период'],
    ['С', '02.03.2026', 'любой день периода; пусто = сегодня'],
    ['По (свой период)', '02.03.2026', 'последний день своего периода'],
  ]);
  expect(sections[1]).toEqual([
    ['Сделано по менеджерам и видам'],
    ['Менеджер', 'Вид', 'Сделано'],
    [NINO, 'Звонок', '2'],
  ]);
  // The three choice rows and what this refresh wrote (its last row is blank): the month's longer sections are gone.
  expect(rows.length).toBe(3 + result.rows - 1);
  expect(sections).toHaveLength(11);
  // The choice stays in the sheet: the nightly refresh (no input) reads it from there.
  expect(office.rpc.refreshReports().data.period.firstDay).toBe('2026-03-02');
});

test('a refresh on a set-up office is one read, the grid size and one write (and the locale), whatever the log', () => {
  const office = reportsOffice();
  office.rpc.refreshReports();
  logEvent(office, { client: 'ivanov@example.ru', kind: 'Звонок', reason: 'Заказ' });
  office.workspace.calls.reset();
  const runs: number[] = [];
  const rpc = serverRpc(office.sheet, { afterRun: (run) => runs.push(run.report.serviceCalls) });
  rpc.refreshReports();
  const byService = office.workspace.calls.byService();
  expect(runs[0]).toBeLessThanOrEqual(10);
  expect(byService['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
  expect(byService['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  expect(runs[0]).toBeLessThanOrEqual(4);
});
