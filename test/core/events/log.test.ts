import { parseEventRows, eventCells, newEventId, parseEventDate, EventRecord } from '../../../src/core/events';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';

const MSK = 'Europe/Moscow';
const RU_HEADER = [
  'ID',
  'Дата и время',
  'Вид',
  'Повод',
  'Клиент',
  'Контакт (ID)',
  'Менеджер',
  'Результат',
  'Следующий шаг',
  'Статус',
  'Событие календаря',
  'Кто записал',
];
const EN_HEADER = [
  'ID',
  'Date and time',
  'Kind',
  'Reason',
  'Client',
  'Contact (ID)',
  'Manager',
  'Result',
  'Next step',
  'Status',
  'Calendar event',
  'Logged by',
];

const rows: unknown[][] = [
  [
    'E1',
    new Date('2025-03-01T07:00:00Z'),
    'Звонок',
    'Заказ',
    'Иванов Иван',
    'people/c1',
    'Ольга',
    'Заказал 10 шт.',
    '',
    'сделано',
    '',
    'olga@x.ru',
  ],
  [
    'E2',
    '05.03.2025 10:30',
    'Встреча',
    'Презентация',
    'Петров Пётр',
    'people/c2',
    'Ольга',
    '',
    'Показать каталог',
    'ПЛАН',
    'cal-2',
    'olga@x.ru',
  ],
  [
    'E3',
    '2025-03-02T09:00:00Z',
    'E-mail',
    'Оплата',
    'Иванов Иван',
    'people/c1',
    'Анна',
    '',
    '',
    'Отменено',
    '',
    'anna@x.ru',
  ],
  ['E4', '03.03.2025', 'Визит', 'Обучение', 'Сидоров', '', 'Анна', '', '', 'გაუქმებული', '', ''],
];

describe('reading the Events sheet', () => {
  test('every supported date form becomes the right instant in the spreadsheet zone', () => {
    const { events, problems } = parseEventRows([RU_HEADER, ...rows], { timeZone: MSK });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.id, e.at.toISOString(), e.status, e.allDay, e.rowNumber])).toEqual([
      ['E1', '2025-03-01T07:00:00.000Z', 'done', false, 2],
      ['E2', '2025-03-05T07:30:00.000Z', 'planned', false, 3],
      ['E3', '2025-03-02T09:00:00.000Z', 'cancelled', false, 4],
      ['E4', '2025-03-02T21:00:00.000Z', 'cancelled', true, 5],
    ]);
    expect(events[1]).toMatchObject({
      kind: 'Встреча',
      client: 'Петров Пётр',
      clientId: 'people/c2',
      nextStep: 'Показать каталог',
      calendarEventId: 'cal-2',
    });
    // A date cell shown as a plain number (Sheets serial days) is local wall-clock time too.
    expect(parseEventDate(45717.5, MSK)?.at.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(parseEventDate('2025-03-01 12:00', 'UTC')?.at.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    // Clocks going forward skip 02:30 in Berlin: read as 03:30 summer time; going back, the first 02:30 is taken.
    expect(parseEventDate('30.03.2025 02:30', 'Europe/Berlin')?.at.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(parseEventDate('26.10.2025 02:30', 'Europe/Berlin')?.at.toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(parseEventDate('2025-03-01T12:00+04:00', MSK)?.at.toISOString()).toBe('2025-03-01T08:00:00.000Z');
  });

  test('damaged rows are reported with their row and column and skipped; blank rows are not problems', () => {
    const values = [
      RU_HEADER,
      rows[0],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['E5', '31.02.2025 10:00', 'Звонок', '', 'Кто-то', '', '', '', '', 'план', '', ''],
      ['E6', '', 'Звонок', '', 'Без даты', '', '', '', '', 'план', '', ''],
      ['E7', '01.04.2025', 'Звонок', '', 'Странный', '', '', '', '', 'может быть', '', ''],
      ['E1', '02.04.2025', 'Звонок', '', 'Копия', '', '', '', '', 'план', '', ''],
      ['E8', 'завтра', 'Звонок', '', 'Текст', '', '', '', '', '', '', ''],
      ['E9', '01.04.2025 09:00', 'Звонок', '', 'Хороший', '', '', '', '', 'план', '', ''],
    ];
    const { events, problems } = parseEventRows(values, { timeZone: MSK, locale: 'ru' });
    expect(events.map((e) => e.id)).toEqual(['E1', 'E9']);
    expect(problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
      [4, 'Дата и время', '31.02.2025 10:00', 'bad-date'],
      [5, 'Дата и время', '', 'no-date'],
      [6, 'Статус', 'может быть', 'bad-status'],
      [7, 'ID', 'E1', 'duplicate-id'],
      [8, 'Дата и время', 'завтра', 'bad-date'],
    ]);
    expect(problems[2].message).toBe('Неизвестный статус «может быть»: используйте план, сделано или отменено.');
    expect(problems[3].message).toContain('строке 2');
  });

  test('a sheet with reordered English columns, a title line above the header and sorted rows reads the same', () => {
    const order = [9, 4, 1, 0, 11, 2, 3, 5, 6, 7, 8, 10];
    const reordered = [
      ['Журнал событий'],
      order.map((i) => EN_HEADER[i]),
      ...[...rows].reverse().map((r) => order.map((i) => r[i])),
    ];
    const strip = (e: EventRecord) => ({ ...e, rowNumber: 0 });
    const a = parseEventRows([RU_HEADER, ...rows], { timeZone: MSK }).events.map(strip);
    const b = parseEventRows(reordered, { timeZone: MSK }).events.map(strip);
    expect(b.sort((x, y) => x.id.localeCompare(y.id))).toEqual(a);
  });

  test('a blank status is history in the past and a plan in the future; the office’s own status words count', () => {
    const values = [
      RU_HEADER,
      ['A', '01.03.2025 10:00', '', '', 'X', '', '', '', '', '', '', ''],
      ['B', '01.05.2025 10:00', '', '', 'X', '', '', '', '', '', '', ''],
      ['C', '01.05.2025 10:00', '', '', 'X', '', '', '', '', 'в работе', '', ''],
    ];
    const { events, problems } = parseEventRows(values, {
      timeZone: MSK,
      now: new Date('2025-04-01T00:00:00Z'),
      statusNames: { planned: ['В работе'] },
    });
    expect(problems).toEqual([]);
    expect(events.map((e) => e.status)).toEqual(['done', 'planned', 'planned']);
  });

  test('a sheet without a date column is one problem, not a crash', () => {
    const { events, problems } = parseEventRows(
      [
        ['Что', 'Кто'],
        ['x', 'y'],
      ],
      { timeZone: MSK },
    );
    expect(events).toEqual([]);
    expect(problems).toMatchObject([{ row: 1, code: 'no-header' }]);
  });
});

describe('writing an event row', () => {
  test('cells by column key with the status in the office’s words; placed in any column order they read back', () => {
    const { events } = parseEventRows([RU_HEADER, rows[1]], { timeZone: MSK });
    const event = { ...events[0], status: 'done' as const, phone: '+7 912 111-22-33' };
    expect(eventCells(event, 'ka').status).toBe('შესრულებული');
    expect(eventCells(event, 'ru', { done: ['Готово'] }).status).toBe('Готово');
    expect(eventCells(event, 'en').date).toEqual(new Date('2025-03-05T07:30:00Z'));
    // Escaping is the table layer's: the codec hands over the text as it is.
    expect(eventCells({ ...event, client: '=HYPERLINK("x")' }, 'en').client).toBe('=HYPERLINK("x")');
    const header = ['Статус', 'Клиент', 'Телефон клиента', 'Дата и время', 'ID', 'Вид'];
    const columns = locateColumns(template('events'), header);
    const cells = eventCells(event, 'en');
    const row = header.map((_, i) => cells[Object.keys(columns).find((k) => columns[k] === i) ?? '']);
    const back = parseEventRows([header, row], { timeZone: MSK }).events[0];
    expect(back).toMatchObject({ id: 'E2', at: event.at, status: 'done', kind: 'Встреча', phone: '+7 912 111-22-33' });
  });

  test('ids are short, deterministic and distinct per sequence number', () => {
    expect(newEventId(1_741_000_000_000, 0)).toBe(newEventId(1_741_000_000_000, 0));
    expect(newEventId(1_741_000_000_000, 0)).not.toBe(newEventId(1_741_000_000_000, 1));
    expect(newEventId(1_741_000_000_000, 35).length).toBeLessThanOrEqual(12);
  });
});
