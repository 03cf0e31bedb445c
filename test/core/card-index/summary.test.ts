import { emptyEntry, keysCell, summaryCell, summaryFrom, summaryOfRowCells } from '../../../src/core/card-index';

describe('the Card index list line (summary column)', () => {
  const entry = {
    ...emptyEntry('people/c1', 'Иванов Иван Иванович', ['8 (912) 345-67-89'], ['VIP'], 'Анна Смирнова'),
    birthday: '--03-08',
    lastContact: { at: '2026-02-01T09:00:00.000Z', kind: 'Звонок', reason: 'Заказ' },
    planned: [
      { id: 'ev1', row: 5, at: '2026-03-05T09:00:00.000Z', kind: 'Звонок', reason: 'Заказ', manager: 'Анна Смирнова' },
    ],
  };

  it('reads back what a list shows, with e-mails and phones from the keys column', () => {
    const summary = summaryFrom(keysCell(['ivanov@example.ru', '+79123456789']), 'people/c1', summaryCell(entry));
    expect(summary).toEqual({
      resourceName: 'people/c1',
      name: 'Иванов Иван Иванович',
      phones: ['+79123456789'],
      emails: ['ivanov@example.ru'],
      labels: ['VIP'],
      manager: 'Анна Смирнова',
      lastContact: '2026-02-01T09:00:00.000Z',
      nextPlanned: '2026-03-05T09:00:00.000Z',
      birthday: '--03-08',
      lastKind: 'Звонок',
      lastReason: 'Заказ',
      missed: null,
    });
  });

  it('counts the missed calls since the last real contact (the callback list reads it)', () => {
    const base = emptyEntry('people/c3', 'Сидоров Олег', [], [], '');
    const done = (id: string, at: string, kind: string) => ({ id, row: 0, at, kind, reason: '', result: '' });
    const entry = {
      ...base,
      recent: [
        done('e3', '2026-03-02T09:00:00.000Z', 'Пропущенный звонок'),
        done('e2', '2026-03-01T09:00:00.000Z', 'Missed call'),
        done('e1', '2026-02-20T09:00:00.000Z', 'Звонок'),
      ],
    };
    expect(summaryFrom(',+79120000000,', 'people/c3', summaryCell(entry))?.missed).toEqual({
      count: 2,
      at: '2026-03-02T09:00:00.000Z',
    });
  });

  it('keeps a never-contacted client apart from a contacted one', () => {
    const bare = summaryFrom(',a@b.c,', 'people/c2', summaryCell(emptyEntry('people/c2', 'Петрова Мария', [], [], '')));
    expect(bare).toMatchObject({ lastContact: null, nextPlanned: null, labels: [], manager: '', birthday: '' });
  });

  it('skips a row damaged by hand instead of failing the search', () => {
    expect(summaryFrom(',a@b.c,', 'people/c3', 'not json')).toBeUndefined();
    expect(summaryFrom(',a@b.c,', '', summaryCell(entry))).toBeUndefined();
    expect(summaryFrom(',a@b.c,', 'people/c3', '{"x":1}')).toBeUndefined();
  });

  it('reads a row of an index written before the list line had its column (the JSON third) until a rebuild', () => {
    const keys = keysCell(['ivanov@example.ru', '+79123456789']);
    expect(summaryOfRowCells(keys, 'people/c1', JSON.stringify(entry))).toEqual(
      summaryFrom(keys, 'people/c1', summaryCell(entry)),
    );
    expect(summaryOfRowCells(keys, 'people/c1', 'garbage')).toBeUndefined();
  });
});
