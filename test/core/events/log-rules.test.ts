// The event log's rules without Sheets or Calendar: what a log or change request is refused for, what a new event's
// record says, what each change does and which cells a change rewrites.

import {
  ActingOffice,
  appliedChange,
  changedCells,
  changeTarget,
  checkLogInput,
  Checked,
  eventCells,
  EventRecord,
  findEvent,
  freshEventId,
  newEventRecord,
  newEventTerms,
  readMoment,
  Refusal,
  StaffMember,
} from '../../../src/core/events';
import { identify } from '../../../src/core/roles/identity';
import type { EventChange, LogEventInput } from '../../../src/shared/events-dto';
import { plannedEvent as event } from './planned-event';

const NOW = Date.parse('2026-03-02T09:30:00Z');
const clock = { now: () => NOW };
const member = (name: string, email: string, head = '', role = 'manager'): StaffMember => ({
  name,
  email,
  role,
  head,
  dailyDigest: false,
});
const OLGA = member('Ольга Смирнова', 'olga@example.com', '', 'руководитель отдела');
const DMITRY = member('Дмитрий Ковалёв', 'dmitry@example.com', 'olga@example.com');
const ANNA = member('Анна Петрова', 'anna@example.com', 'olga@example.com');
const STAFF = [OLGA, DMITRY, ANNA];

/** The office as the person with `email` sees it; the shared account ('office@…') is on no Staff row. */
function actingAs(email: string, staff = STAFF): ActingOffice {
  return {
    timeZone: 'Europe/Moscow',
    actorEmail: email,
    actor: staff.find((s) => s.email === email),
    staff,
    identity: (chosen) => identify(email, 'office@example.com', staff, chosen),
  };
}

function refusal<T>(checked: Checked<T>): Refusal | undefined {
  return checked.ok ? undefined : checked.refusal;
}

function value<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new Error(`refused: ${checked.refusal.key}`);
  return checked.value;
}

describe('a log request is refused before anything is read', () => {
  const base: LogEventInput = { client: 'ivan@example.com', kind: 'Звонок', reason: '' };

  test('without a kind, without a client, or with an id that is not ours', () => {
    expect(refusal(checkLogInput({ ...base, kind: '  ' }))).toEqual({ key: 'noKind', params: {} });
    expect(refusal(checkLogInput({ ...base, client: ' ' }))).toEqual({ key: 'noClient', params: {} });
    expect(refusal(checkLogInput({ ...base, id: '-starts-with-a-dash' }))).toMatchObject({ key: 'badId' });
    // A pasted wall of text is quoted only in part: the message stays one readable line.
    const long = `x y${'z'.repeat(100)}`;
    expect(refusal(checkLogInput({ ...base, id: long }))).toEqual({
      key: 'badId',
      params: { value: long.slice(0, 40) },
    });
  });

  test('a good request keeps its trimmed kind and the id the caller chose', () => {
    expect(value(checkLogInput({ ...base, kind: ' Звонок ', id: ' E-retry.1 ' }))).toEqual({
      kind: 'Звонок',
      id: 'E-retry.1',
    });
    expect(value(checkLogInput(base)).id).toBe('');
  });

  test('the id the sidebar makes before sending is one the log accepts, so its retry is recognised', () => {
    for (const random of [0, 0.5, 0.999999]) {
      const id = freshEventId(NOW, () => random);
      expect(value(checkLogInput({ ...base, id })).id).toBe(id);
    }
  });
});

describe('when a new event is and who is responsible', () => {
  const base: LogEventInput = { client: 'ivan@example.com', kind: 'Звонок', reason: '' };

  test('no date means now; a typed date is read in the office zone; an unreadable one is refused', () => {
    expect(value(newEventTerms(base, actingAs('dmitry@example.com'), clock)).at.getTime()).toBe(NOW);
    const typed = value(newEventTerms({ ...base, at: '05.03.2026 10:00' }, actingAs('dmitry@example.com'), clock));
    expect(typed).toMatchObject({ at: new Date('2026-03-05T07:00:00Z'), allDay: false });
    expect(value(newEventTerms({ ...base, at: '05.03.2026' }, actingAs('dmitry@example.com'), clock)).allDay).toBe(
      true,
    );
    expect(refusal(newEventTerms({ ...base, at: '31.02.2026' }, actingAs('dmitry@example.com'), clock))).toEqual({
      key: 'badDate',
      params: { value: '31.02.2026' },
    });
  });

  test('the manager defaults to the staff member logging; the shared account leaves it empty', () => {
    expect(value(newEventTerms(base, actingAs('dmitry@example.com'), clock)).manager).toBe('Дмитрий Ковалёв');
    expect(value(newEventTerms(base, actingAs('office@example.com'), clock)).manager).toBe('');
  });

  test('a staff member cannot make their head or a colleague responsible; the head can give it below', () => {
    expect(
      refusal(newEventTerms({ ...base, manager: 'Ольга Смирнова' }, actingAs('dmitry@example.com'), clock)),
    ).toEqual({ key: 'cannotAssign', params: { manager: 'Ольга Смирнова' } });
    expect(
      refusal(newEventTerms({ ...base, manager: 'Анна Петрова' }, actingAs('dmitry@example.com'), clock)),
    ).toMatchObject({ key: 'cannotAssign' });
    expect(
      value(newEventTerms({ ...base, manager: 'Анна Петрова' }, actingAs('olga@example.com'), clock)).manager,
    ).toBe('Анна Петрова');
    // Naming oneself is always allowed.
    expect(
      value(newEventTerms({ ...base, manager: 'Дмитрий Ковалёв' }, actingAs('dmitry@example.com'), clock)),
    ).toMatchObject({ manager: 'Дмитрий Ковалёв' });
  });

  test('an event logged now by the shared account asks neither the zone nor who it is unless it names a manager', () => {
    let asked = 0;
    const office: ActingOffice = {
      get timeZone(): string {
        throw new Error('zone read');
      },
      staff: STAFF,
      actorEmail: 'office@example.com',
      actor: undefined,
      identity: (chosen) => (asked++, identify('office@example.com', 'office@example.com', STAFF, chosen)),
    };
    expect(value(newEventTerms(base, office, clock)).manager).toBe('');
    expect(asked).toBe(0);
    expect(value(newEventTerms({ ...base, manager: 'Ольга Смирнова' }, office, clock)).manager).toBe('Ольга Смирнова');
  });

  test('a shared-account browser that chose to be Дмитрий logs as him: author, default manager and his rules', () => {
    const office = actingAs('office@example.com');
    expect(value(newEventTerms({ ...base, as: 'dmitry@example.com' }, office, clock))).toMatchObject({
      manager: 'Дмитрий Ковалёв',
      createdBy: 'dmitry@example.com',
    });
    expect(
      refusal(newEventTerms({ ...base, as: 'dmitry@example.com', manager: 'Анна Петрова' }, office, clock)),
    ).toMatchObject({ key: 'cannotAssign' });
    // A user Google names is who they are: their choice is ignored.
    expect(
      value(newEventTerms({ ...base, as: 'olga@example.com' }, actingAs('dmitry@example.com'), clock)),
    ).toMatchObject({ manager: 'Дмитрий Ковалёв', createdBy: 'dmitry@example.com' });
  });

  test('a user Google leaves blank is not the shared account: naming a manager is refused, none leaves it empty', () => {
    expect(refusal(newEventTerms({ ...base, manager: 'Ольга Смирнова' }, actingAs(''), clock))).toEqual({
      key: 'cannotAssign',
      params: { manager: 'Ольга Смирнова' },
    });
    expect(value(newEventTerms(base, actingAs(''), clock)).manager).toBe('');
  });

  test('the office’s shared account, on no Staff row, may name anyone', () => {
    expect(
      value(newEventTerms({ ...base, manager: 'Ольга Смирнова' }, actingAs('office@example.com'), clock)),
    ).toMatchObject({ manager: 'Ольга Смирнова' });
  });
});

describe('the record a log request writes', () => {
  const client = { name: 'Иван Сидоров', clientId: 'people/c1', phone: '+7 912 444-55-66' };
  const terms = { at: new Date('2026-03-05T07:00:00Z'), allDay: false, manager: 'Дмитрий Ковалёв' };
  const sources = { clock, random: () => 0.5, createdBy: 'dmitry@example.com' };
  const record = (input: Partial<LogEventInput>, id = '') =>
    newEventRecord(
      { client: 'x', kind: 'Звонок', reason: ' Заказ ', ...input },
      { kind: 'Звонок', id },
      terms,
      client,
      sources,
    );

  test('a done event keeps its note as the result; a planned one as what to do next', () => {
    expect(record({ note: ' договорились ', nextStep: ' счёт ' })).toMatchObject({
      status: 'done',
      result: 'договорились',
      nextStep: 'счёт',
      reason: 'Заказ',
    });
    expect(record({ planned: true, note: 'позвонить насчёт счёта' })).toMatchObject({
      status: 'planned',
      result: '',
      nextStep: 'позвонить насчёт счёта',
    });
    // A planned event with its own next step keeps it; the note does not replace it.
    expect(record({ planned: true, note: 'заметка', nextStep: 'встреча' })).toMatchObject({
      result: '',
      nextStep: 'встреча',
    });
  });

  test('the record carries the resolved client, the terms and who logged it; no calendar event yet', () => {
    expect(record({})).toMatchObject({
      client: 'Иван Сидоров',
      clientId: 'people/c1',
      phone: '+7 912 444-55-66',
      at: terms.at,
      manager: 'Дмитрий Ковалёв',
      createdBy: 'dmitry@example.com',
      calendarEventId: '',
      rowNumber: 0,
    });
  });

  test('the caller’s id is kept; without one the id sorts by time and differs with the random part', () => {
    expect(record({}, 'E-retry').id).toBe('E-retry');
    const fresh = record({}).id;
    expect(fresh).toBe(`E${NOW.toString(36)}-${Math.floor(0.5 * 36 ** 4).toString(36)}`);
    const other = newEventRecord(
      { client: 'x', kind: 'Звонок', reason: '' },
      { kind: 'Звонок', id: '' },
      terms,
      client,
      {
        ...sources,
        random: () => 0.25,
      },
    ).id;
    expect(other).not.toBe(fresh);
  });
});

/** A change without its id, one action at a time (Omit over the union would merge the actions). */
type ChangeBody<C = EventChange> = C extends EventChange ? Omit<C, 'id'> : never;

describe('changing an event', () => {
  const change = (c: ChangeBody, before = event(), as = 'dmitry@example.com') =>
    appliedChange(before, { id: before.id, ...c } as EventChange, actingAs(as));

  test('a change without an id, or naming an event no longer in the sheet, is refused', () => {
    expect(refusal(changeTarget({ id: '  ', action: 'cancel' }))).toEqual({ key: 'badId', params: { value: '' } });
    expect(value(changeTarget({ id: ' E1 ', action: 'cancel' }))).toBe('E1');
    expect(refusal(findEvent([event()], 'E2'))).toEqual({ key: 'notFound', params: { id: 'E2' } });
    expect(value(findEvent([event({ id: 'E0' }), event()], 'E1')).id).toBe('E1');
  });

  test('done keeps the date and takes the result; an absent next step stays as it was', () => {
    const after = value(change({ action: 'done', result: ' купил ' }));
    expect(after).toMatchObject({ status: 'done', result: 'купил', nextStep: 'перезвонить', at: event().at });
    expect(value(change({ action: 'done', nextStep: '' })).nextStep).toBe('');
  });

  test('rescheduling moves the event, and a done or cancelled event becomes planned again', () => {
    const moved = value(change({ action: 'reschedule', at: '06.03.2026' }, event({ status: 'done' })));
    expect(moved).toMatchObject({ status: 'planned', allDay: true, at: new Date('2026-03-05T21:00:00Z') });
    expect(
      value(change({ action: 'reschedule', at: '2026-03-06T12:00:00Z' }, event({ status: 'cancelled' }))),
    ).toMatchObject({ status: 'planned', allDay: false });
    expect(refusal(change({ action: 'reschedule', at: 'next tuesday' }))).toEqual({
      key: 'badDate',
      params: { value: 'next tuesday' },
    });
  });

  test('done records when a planned event was done; a reschedule forgets it; an event logged as done gets none', () => {
    const at = new Date('2026-03-07T15:30:00Z');
    const planned = event({ status: 'planned' });
    const done = value(appliedChange(planned, { id: planned.id, action: 'done' }, actingAs('dmitry@example.com'), at));
    expect(done.doneAt).toEqual(at);
    // Marked again later (a result added by a second click): the first instant stays.
    const again = value(
      appliedChange(done, { id: done.id, action: 'done', result: 'ok' }, actingAs('dmitry@example.com'), new Date()),
    );
    expect(again.doneAt).toEqual(at);
    expect(value(change({ action: 'reschedule', at: '09.03.2026' }, done)).doneAt).toBeUndefined();
    const logged = event({ status: 'done' });
    expect(value(change({ action: 'done', result: 'x' }, logged)).doneAt).toBeUndefined();
  });

  test('cancel changes only the status', () => {
    expect(value(change({ action: 'cancel' }))).toEqual({ ...event(), status: 'cancelled' });
  });

  test('a colleague may not touch an event that is not theirs; a stranger is told they are not on the staff', () => {
    const theirs = event({ manager: 'Анна Петрова' });
    expect(refusal(change({ action: 'done' }, theirs))).toEqual({
      key: 'cannotChange',
      params: { manager: 'Анна Петрова' },
    });
    expect(refusal(change({ action: 'cancel' }, theirs, 'stranger@y.ru'))).toEqual({ key: 'notOnStaff', params: {} });
    expect(value(change({ action: 'cancel' }, theirs, 'olga@example.com')).status).toBe('cancelled');
    expect(value(change({ action: 'cancel' }, theirs, 'office@example.com')).status).toBe('cancelled');
  });

  test('a staff member cannot assign someone who is not their subordinate; their head can', () => {
    expect(refusal(change({ action: 'assign', manager: 'Анна Петрова' }))).toEqual({
      key: 'cannotAssign',
      params: { manager: 'Анна Петрова' },
    });
    expect(value(change({ action: 'assign', manager: ' Анна Петрова ' }, event(), 'olga@example.com')).manager).toBe(
      'Анна Петрова',
    );
    // Without a Staff sheet there is no hierarchy yet: nobody is stopped.
    const noStaff = appliedChange(
      event(),
      { id: 'E1', action: 'assign', manager: 'Кто угодно' },
      actingAs('a@b.c', []),
    );
    expect(value(noStaff).manager).toBe('Кто угодно');
  });

  test('an action nobody knows is refused by name and the event is left as it was', () => {
    const before = event();
    expect(
      refusal(appliedChange(before, { id: 'E1', action: 'archive' } as unknown as EventChange, actingAs('x'))),
    ).toEqual({ key: 'unknownAction', params: { value: 'archive' } });
    expect(before).toEqual(event());
  });
});

describe('the cells a change rewrites', () => {
  const cells = (e: EventRecord) => eventCells(e, 'ru');

  test('only the changed cells, dates compared by instant, never the id, client or who logged it', () => {
    const before = event();
    expect(changedCells(cells(before), cells({ ...before, at: new Date(before.at.getTime()) }))).toEqual({});
    expect(
      changedCells(cells(before), cells({ ...before, status: 'done', result: 'купил', calendarEventId: '' })),
    ).toEqual({
      status: 'сделано',
      result: 'купил',
      calendarEventId: '',
    });
    const moved = changedCells(cells(before), cells({ ...before, at: new Date('2026-03-06T07:00:00Z') }));
    expect(Object.keys(moved)).toEqual(['date']);
    // A field no change action edits is not rewritten even if the record differs (the row is the office's).
    expect(changedCells(cells(before), cells({ ...before, client: 'Другой', createdBy: 'x@y.z' }))).toEqual({});
  });
});

describe('the moment a list is asked for', () => {
  test('now when not given, the given instant, or badDate for text that is no date', () => {
    expect(value(readMoment(undefined, clock)).getTime()).toBe(NOW);
    expect(value(readMoment('', clock)).getTime()).toBe(NOW);
    expect(value(readMoment('2026-03-01T06:00:00Z', clock)).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(refusal(readMoment('yesterday', clock))).toEqual({ key: 'badDate', params: { value: 'yesterday' } });
  });
});
