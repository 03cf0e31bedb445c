// The demo office is a salon on its working day, in the office's zone: its own Lists, visits at office hours, planned
// visits today, tomorrow and later this week for each master, a few overdue, three birthdays this week, a missed call
// nobody returned, clients gone quiet and clients interested who did not order. Asserted on the seeded data.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays, localDayKey, localParts } from '../../../src/core/events/zone';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { openOffice, Office } from '../../../src/local/office';
import { seedDemoOffice } from '../../../src/local/sandbox/demo-office';

const ZONE = 'Europe/Moscow';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function seeded(clockStart: string): Office {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-demo-'));
  dirs.push(dir);
  const office = openOffice({ dir, clockStart });
  seedDemoOffice(office, dir);
  return office;
}

function rowsOf(office: Office, key: 'events' | 'lists') {
  const values = office.workspace.spreadsheets.values(office.spreadsheetId, template(key).title.ru);
  const at = locateColumns(template(key), values[0]);
  return values.slice(1).map((row) => Object.fromEntries(Object.entries(at).map(([k, c]) => [k, row[c]])));
}

describe("seeded on a Monday at 09:00 (the browser tests' clock)", () => {
  const now = Date.parse('2026-03-02T09:00:00+03:00');
  const today = localDayKey(now, ZONE);
  let office: Office;
  let events: Array<Record<string, unknown>>;
  beforeAll(() => {
    office = seeded('2026-03-02T09:00:00+03:00');
    events = rowsOf(office, 'events');
  });
  const day = (e: Record<string, unknown>) => localDayKey(e.date as Date, ZONE);
  const planned = () => events.filter((e) => e.status === 'план');

  test("the salon's Lists: visits, calls, reminders, messages; haircut, colouring, manicure…; no fax", () => {
    const lists = rowsOf(office, 'lists');
    const kinds = lists.map((r) => r.kinds).filter(Boolean);
    const reasons = lists.map((r) => r.reasons).filter(Boolean);
    expect(kinds).toEqual(expect.arrayContaining(['Визит', 'Звонок', 'Напоминание', 'Сообщение', 'E-mail']));
    expect(kinds).not.toContain('Факс');
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Стрижка',
        'Окрашивание',
        'Маникюр',
        'Консультация',
        'Запись',
        'Оплата',
        'Интерес',
        'Заказ',
      ]),
    );
    expect(reasons).not.toContain('Заключение договора');
    // Every event uses the salon's words.
    for (const e of events) {
      expect(kinds).toContain(e.kind);
      expect(reasons).toContain(e.reason);
    }
  });

  test('every event is at office hours, 09:00–20:00 in the office zone', () => {
    for (const e of events) {
      const { hour, minute } = localParts(e.date as Date, ZONE);
      expect(hour * 60 + minute).toBeGreaterThanOrEqual(9 * 60);
      expect(hour * 60 + minute).toBeLessThanOrEqual(20 * 60);
    }
  });

  test('planned: later today, tomorrow and this week for two or three masters, and a few overdue', () => {
    const todays = planned().filter((e) => day(e) === today);
    expect(todays.length).toBeGreaterThanOrEqual(3);
    expect(todays.every((e) => (e.date as Date).getTime() > now)).toBe(true);
    expect(new Set(todays.map((e) => e.manager)).size).toBeGreaterThanOrEqual(2);
    expect(planned().filter((e) => day(e) === addDays(today, 1)).length).toBeGreaterThanOrEqual(2);
    const week = planned().filter((e) => day(e) > addDays(today, 1) && day(e) <= addDays(today, 6));
    expect(week.length).toBeGreaterThanOrEqual(3);
    expect(new Set(planned().map((e) => e.manager))).toEqual(
      new Set(['Ольга Смирнова', 'Дмитрий Ковалёв', 'Нино Беридзе']),
    );
    const overdue = planned().filter((e) => day(e) < today);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  test('three clients have a birthday this week, one of them today', () => {
    const upcoming = new Map(Array.from({ length: 7 }, (_, k) => [addDays(today, k).slice(5), k]));
    const birthdays = office.workspace.people
      .allContacts()
      .map((p) => p.birthdays?.[0]?.date)
      .filter((d) => d && upcoming.has(`${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`))
      .map((d) => upcoming.get(`${String(d!.month).padStart(2, '0')}-${String(d!.day).padStart(2, '0')}`));
    expect(birthdays.sort()).toEqual([0, 2, 5]);
  });

  test('a missed call nobody returned, a client gone quiet, a client interested who did not order', () => {
    const byClient = new Map<string, Array<Record<string, unknown>>>();
    for (const e of events) byClient.set(String(e.clientId), [...(byClient.get(String(e.clientId)) ?? []), e]);
    const last = (list: Array<Record<string, unknown>>) => list[list.length - 1];
    const missed = [...byClient.values()].filter((list) => last(list).kind === 'Пропущенный звонок');
    expect(missed.length).toBeGreaterThanOrEqual(1);
    const quiet = [...byClient.values()].filter((list) => now - (last(list).date as Date).getTime() > 120 * 86_400_000);
    expect(quiet.length).toBeGreaterThanOrEqual(2);
    const interested = [...byClient.values()].filter(
      (list) => list.some((e) => e.reason === 'Интерес') && !list.some((e) => e.reason === 'Заказ'),
    );
    expect(interested.length).toBeGreaterThanOrEqual(2);
  });

  test('the Reminders screen on the demo has every list filled', () => {
    const view = office.rpc.getReminders({ manager: '' });
    expect(view.timeZone).toBe(ZONE);
    expect(view.due.total).toBeGreaterThanOrEqual(6);
    expect(view.due.overdue).toBeGreaterThanOrEqual(2);
    expect(view.ahead.tomorrow).toBeGreaterThanOrEqual(2);
    expect(view.ahead.week).toBeGreaterThanOrEqual(view.ahead.tomorrow + 3);
    expect(view.birthdays.items.map((b) => b.day)).toEqual([today, addDays(today, 2), addDays(today, 5)]);
    expect(view.missedCalls.total).toBeGreaterThanOrEqual(1);
    expect(view.quiet.total).toBeGreaterThanOrEqual(1);
    expect(view.interested.total).toBeGreaterThanOrEqual(2);
    expect(view.problems).toEqual([]);
  });
});

test("just after midnight in Moscow (still yesterday in UTC): today is the office's date", () => {
  const office = seeded('2026-12-01T21:30:00Z');
  const today = localDayKey(Date.parse('2026-12-01T21:30:00Z'), ZONE);
  expect(today).toBe('2026-12-02');
  const todays = rowsOf(office, 'events').filter(
    (e) => e.status === 'план' && localDayKey(e.date as Date, ZONE) === today,
  );
  expect(todays.map((e) => localParts(e.date as Date, ZONE).hour).every((h) => h >= 10 && h < 20)).toBe(true);
  expect(todays.length).toBeGreaterThanOrEqual(3);
  // The birthday "today" is the 2nd, the office's date.
  const birthdays = office.workspace.people.allContacts().map((p) => p.birthdays?.[0]?.date);
  expect(birthdays).toContainEqual({ year: 1988, month: 12, day: 2 });
});

test('seeded at 19:50, when no office hour of the day is left, today still has visits planned after now', () => {
  const office = seeded('2026-12-02T16:50:00Z');
  const now = Date.parse('2026-12-02T16:50:00Z');
  const todays = rowsOf(office, 'events').filter(
    (e) => e.status === 'план' && localDayKey(e.date as Date, ZONE) === '2026-12-02',
  );
  expect(todays.filter((e) => (e.date as Date).getTime() > now).length).toBeGreaterThanOrEqual(3);
});
