import type { ClientIndexEntry } from '../../../src/core/card-index/entry';
import {
  crmLine,
  crmLineOf,
  keepingCrmLine,
  MAX_CHARS,
  staffNote,
  withCrmLine,
  withoutCrmLines,
} from '../../../src/core/clients/crm-line';

const TZ = 'Europe/Moscow';

function entry(over: Partial<ClientIndexEntry> = {}): ClientIndexEntry {
  return {
    resourceName: 'people/c1',
    name: 'Иванова Мария',
    labels: ['VIP', 'Опт'],
    manager: 'Петрова А.',
    phones: ['+79121234567'],
    planned: [{ id: 'P1', row: 9, at: '2026-12-03T12:00:00.000Z', kind: 'Встреча', reason: '', manager: 'Петрова А.' }],
    recent: [
      {
        id: 'E1',
        row: 8,
        at: '2026-12-01T08:30:00.000Z',
        kind: 'Звонок',
        reason: '',
        result: 'договорились о встрече',
      },
    ],
    rows: [9, 8],
    ...over,
  };
}

describe('crmLine', () => {
  test('labels, manager, last contact with its gist and the next step, in the office zone and language', () => {
    expect(crmLine(entry(), 'ru', TZ)).toBe(
      '[CRM] VIP, Опт · Петрова А. · 01.12.2026 Звонок: договорились о встрече · далее: 03.12 15:00 Встреча',
    );
    expect(crmLine(entry({ planned: [], labels: [] }), 'en', TZ)).toBe(
      '[CRM] Петрова А. · 01.12.2026 Звонок: договорились о встрече · next: none',
    );
    expect(crmLine(entry({ planned: [], recent: [], manager: '' }), 'ka', TZ)).toBe('[CRM] VIP, Опт · შემდეგ: არაფერი');
  });

  test('a long result is cut on a word with …, the next step stays; never a newline, never over the bound', () => {
    const result = `${'очень длинный итог разговора '.repeat(12)}\nвторая строка`;
    const line = crmLine(entry({ recent: [{ ...entry().recent[0], result }] }), 'ru', TZ);
    expect(line.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toMatch(/разговора…|итог…|очень…|длинный…/);
    expect(line).toMatch(/· далее: 03\.12 15:00 Встреча$/);
    const labels = Array.from({ length: 40 }, (_, i) => `Метка${i}`);
    const crowded = crmLine(entry({ labels }), 'ru', TZ);
    expect(crowded.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(crowded.endsWith('…')).toBe(true);
  });
});

describe('the note around the line', () => {
  const LINE = '[CRM] VIP · Анна · далее: нет';

  test('staffNote drops every marked line wherever it is and keeps the rest byte for byte', () => {
    expect(staffNote('')).toBe('');
    expect(staffNote('Звонить после 12\r\n  отступ \n')).toBe('Звонить после 12\r\n  отступ \n');
    expect(staffNote(`${LINE}\nЗвонить после 12\r\n\nвторая`)).toBe('Звонить после 12\r\n\nвторая');
    expect(staffNote(`Звонить\n[CRM] старая строка из импорта\nещё`)).toBe('Звонить\nещё');
    expect(staffNote(LINE)).toBe('');
  });

  test('withCrmLine puts the line first, replaces an old one, removes it with an empty line', () => {
    expect(withCrmLine('', LINE)).toBe(LINE);
    expect(withCrmLine('Звонить после 12', LINE)).toBe(`${LINE}\nЗвонить после 12`);
    expect(withCrmLine('[CRM] old\nЗвонить\n[CRM] older', LINE)).toBe(`${LINE}\nЗвонить`);
    expect(withCrmLine(`${LINE}\nЗвонить`, '')).toBe('Звонить');
    expect(withCrmLine('x', 'без маркера\nи строк')).toBe('[CRM] без маркера и строк\nx');
    const note = `${LINE}\n\n  Заметка\r\n`;
    expect(staffNote(withCrmLine(note, '[CRM] new'))).toBe(staffNote(note));
    expect(crmLineOf(withCrmLine(note, '[CRM] new'))).toBe('[CRM] new');
  });

  test('comparisons see notes without the line; an undo keeps the line there is now', () => {
    const a = [{ value: `${LINE}\nЗвонить`, contentType: 'TEXT_PLAIN' }];
    const b = [{ value: '[CRM] другая\nЗвонить', contentType: 'TEXT_PLAIN' }];
    expect(withoutCrmLines(a)).toEqual(withoutCrmLines(b));
    expect(withoutCrmLines([{ value: LINE }])).toEqual([]);
    expect(keepingCrmLine([{ value: 'было' }], a)).toEqual([{ value: `${LINE}\nбыло` }]);
    expect(keepingCrmLine(undefined, a)).toEqual([{ contentType: 'TEXT_PLAIN', value: LINE }]);
    expect(keepingCrmLine(undefined, [{ value: 'x' }])).toBeUndefined();
  });
});
