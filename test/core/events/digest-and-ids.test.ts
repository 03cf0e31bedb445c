// The adapters' small decisions that moved to core: who gets the morning digest and which of the due items are
// theirs, the quiet list's options when a period is asked for, and the ids given to rows typed by hand.

import {
  digestItems,
  digestRecipients,
  dueList,
  EventRecord,
  handTypedIds,
  quietOptions,
  StaffMember,
  staffMemberNamed,
} from '../../../src/core/events';

const member = (name: string, email: string, dailyDigest = true): StaffMember => ({
  name,
  email,
  role: 'manager',
  head: '',
  dailyDigest,
});

let seq = 0;
const planned = (fields: Partial<EventRecord>): EventRecord => ({
  id: `E${++seq}`,
  at: new Date('2026-03-02T06:00:00Z'),
  allDay: false,
  kind: 'Звонок',
  reason: '',
  client: 'Иванов',
  clientId: `people/c${seq}`,
  phone: '+7 912 000-00-0' + (seq % 10),
  manager: '',
  result: '',
  nextStep: '',
  status: 'planned',
  calendarEventId: '',
  createdBy: '',
  rowNumber: seq + 1,
  ...fields,
});

describe('the morning digest', () => {
  test('goes only to members who opted in and have an e-mail', () => {
    const staff = [member('Ольга', 'olga@x.ru'), member('Без почты', ''), member('Дмитрий', 'dmitry@x.ru', false)];
    expect(digestRecipients(staff).map((s) => s.name)).toEqual(['Ольга']);
  });

  test('a manager gets the items naming them however the cell spells it, by name or e-mail, and no one else’s', () => {
    const olga = member('Ольга Смирнова', 'olga@x.ru');
    const events = [
      planned({ manager: 'ольга  смирнова' }),
      planned({ manager: ' OLGA@x.ru ' }),
      planned({ manager: 'Дмитрий' }),
      planned({ manager: '' }),
    ];
    const due = dueList(events, new Date('2026-03-02T09:00:00Z'), 'Europe/Moscow');
    const mine = digestItems(due, olga);
    expect(mine.map((i) => i.event.id)).toEqual([events[0].id, events[1].id]);
    // Each item carries the phone to call, as the Events row holds it.
    expect(mine.map((i) => i.phone)).toEqual([events[0].phone, events[1].phone]);
  });

  test('a member with no e-mail is never matched by an empty manager cell', () => {
    expect(staffMemberNamed([member('Ольга', '')], '')).toBeUndefined();
    expect(staffMemberNamed([member('Ольга', ''), member('Дмитрий', 'd@x.ru')], 'D@X.RU')?.name).toBe('Дмитрий');
  });
});

describe('the quiet list asked for a period', () => {
  const office = { defaultDays: 30, daysByLabel: { VIP: 14 }, startDay: new Date('2026-01-01T00:00:00Z') };
  const at = new Date('2026-03-02T09:00:00Z');

  test('the daily list uses the office’s periods and spreads', () => {
    expect(quietOptions(at, 'Europe/Moscow', undefined, office)).toEqual({
      at,
      timeZone: 'Europe/Moscow',
      defaultDays: 30,
      daysByLabel: { VIP: 14 },
      startDay: office.startDay,
    });
  });

  test('an explicit period replaces every label’s and is answered whole, without spreading', () => {
    expect(quietOptions(at, 'UTC', 59.6, office)).toMatchObject({ defaultDays: 60, daysByLabel: {}, spread: false });
  });

  test('a period that is no positive number is ignored', () => {
    for (const days of [0, -5, NaN, Infinity]) {
      const options = quietOptions(at, 'UTC', days, office);
      expect(options).toMatchObject({ defaultDays: 30, daysByLabel: { VIP: 14 } });
      expect(options.spread).toBeUndefined();
    }
  });

  test('the office’s periods are not read when the question replaces them', () => {
    const untouched = {
      get defaultDays(): number {
        throw new Error('Settings read');
      },
      get daysByLabel(): Record<string, number> {
        throw new Error('Labels read');
      },
      startDay: office.startDay,
    };
    expect(quietOptions(at, 'UTC', 60, untouched).defaultDays).toBe(60);
  });
});

describe('rows typed by hand', () => {
  test('get an id from their date and row, the same in two sidebars opened at once; rows with ids keep theirs', () => {
    const typed = planned({ id: '', rowNumber: 12 });
    const kept = planned({ id: 'E-own' });
    const ids = handTypedIds([typed, kept]);
    expect(ids).toEqual([{ event: typed, id: `E${typed.at.getTime().toString(36)}-c` }]);
    expect(handTypedIds([{ ...typed }])[0].id).toBe(ids[0].id);
  });
});
