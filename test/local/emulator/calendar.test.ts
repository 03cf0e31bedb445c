import * as vm from 'node:vm';
import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createCalendarApp } from 'workspace-emulator';
import { CalendarStore } from 'workspace-emulator';
import { Membrane, Realm } from 'workspace-emulator';
import { messageOf } from './support';

const EMAIL = 'office@example.com';
const HOUR = 3600_000;

function setup(start = '2024-03-01T09:00:00Z') {
  const clock = new VirtualClock(start);
  const calls = new CallLog();
  const faults = new FaultInjector(1);
  const ctx = new ServiceContext(clock, calls, faults, { email: EMAIL, locale: 'ru', timeZone: 'Europe/Moscow' });
  const store = CalendarStore.fromJSON(undefined);
  const app = createCalendarApp(store, ctx);
  return { clock, calls, faults, ctx, store, app };
}

const at = (iso: string) => new Date(iso);

describe('CalendarApp: creating events', () => {
  it('creates an event on the default calendar with a Google-like id, Date times and the options', () => {
    const { app, store, calls } = setup();
    const e = app.createEvent('Visit: Иванов', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'), {
      description: 'First visit',
      location: 'Office 2',
    });
    expect(e.getId()).toMatch(/^[0-9a-v]{26}@google\.com$/);
    expect(e.getStartTime()).toEqual(at('2024-03-05T10:00:00Z'));
    expect(e.getEndTime()).toEqual(at('2024-03-05T11:00:00Z'));
    expect(e.getTitle()).toBe('Visit: Иванов');
    expect(e.getDescription()).toBe('First visit');
    expect(e.getLocation()).toBe('Office 2');
    expect(e.isAllDayEvent()).toBe(false);
    expect(store.eventsOf(EMAIL).map((x) => x.id)).toEqual([e.getId()]);
    expect(store.eventsOf(EMAIL)[0].start).toBe(Date.parse('2024-03-05T10:00:00Z'));
    expect(calls.byService()).toEqual({ 'CalendarApp.createEvent': 1 });
    // Reading what was fetched costs nothing.
    expect(calls.count()).toBe(1);
  });

  it('refuses an end before (or at) the start with Google wording, and stores nothing', () => {
    const { app, store } = setup();
    expect(messageOf(() => app.createEvent('x', at('2024-03-05T11:00:00Z'), at('2024-03-05T10:00:00Z')))).toBe(
      'Event start date must be before event end date.',
    );
    expect(messageOf(() => app.createEvent('x', at('2024-03-05T11:00:00Z'), at('2024-03-05T11:00:00Z')))).toBe(
      'Event start date must be before event end date.',
    );
    expect(store.allEvents()).toHaveLength(0);
  });

  it('refuses strings where Dates are required, naming the types like Apps Script', () => {
    const { app } = setup();
    expect(messageOf(() => app.createEvent('x', '2024-03-05' as never, at('2024-03-05T11:00:00Z')))).toBe(
      "The parameters (String,String,Date) don't match the method signature for CalendarApp.createEvent.",
    );
  });

  it('creates all-day events on the calendar date, end date exclusive', () => {
    const { app } = setup();
    // 22:30 UTC is already March 6 in Moscow.
    const one = app.createAllDayEvent('Birthday', at('2024-03-05T22:30:00Z'));
    expect(one.isAllDayEvent()).toBe(true);
    expect(one.getStartTime()).toEqual(at('2024-03-05T21:00:00Z'));
    expect(one.getEndTime()).toEqual(at('2024-03-06T21:00:00Z'));
    const three = app.createAllDayEvent('Conference', at('2024-03-10T09:00:00Z'), at('2024-03-13T09:00:00Z'), {
      location: 'Tbilisi',
    });
    expect(three.getAllDayStartDate()).toEqual(at('2024-03-09T21:00:00Z'));
    expect(three.getAllDayEndDate()).toEqual(at('2024-03-12T21:00:00Z'));
    expect(three.getLocation()).toBe('Tbilisi');
    const timed = app.createEvent('Call', at('2024-03-05T10:00:00Z'), at('2024-03-05T10:30:00Z'));
    expect(() => timed.getAllDayStartDate()).toThrow();
  });

  it('applies the daily creation quota over a rolling 24 hours (configurable: Workspace allows 10,000)', () => {
    const { app, store, clock } = setup();
    store.setDailyCreateLimit(3);
    for (let i = 0; i < 3; i++) app.createEvent(`e${i}`, at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    expect(messageOf(() => app.createAllDayEvent('one more', at('2024-03-06T10:00:00Z')))).toBe(
      'Service invoked too many times for one day: calendar.',
    );
    expect(store.allEvents()).toHaveLength(3);
    clock.advance(23 * HOUR);
    expect(() => app.createEvent('too early', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).toThrow(
      /too many times/,
    );
    // Uses are counted in one-minute buckets, so the window may hold them up to a minute longer (never shorter).
    clock.advance(HOUR + 60_000);
    expect(() => app.createEvent('next day', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).not.toThrow();
    expect(CalendarStore.fromJSON(undefined).limits.eventsCreatedPerDay).toBe(5000);
  });

  it('leaves the event created when the response is lost, so a blind retry duplicates it', () => {
    const { app, store, faults } = setup();
    faults.add({ service: 'CalendarApp.createEvent', kind: 'lost-response', nth: [1] });
    expect(() => app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).toThrow(/timed out/);
    expect(store.allEvents().map((e) => e.title)).toEqual(['Visit']);
  });

  it('can rate-limit bursts of creations when a test asks for it', () => {
    const { app, store, clock } = setup();
    store.limits.burst = { count: 2, windowMs: 10_000 };
    app.createEvent('a', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    app.createEvent('b', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    expect(messageOf(() => app.createEvent('c', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z')))).toBe(
      'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.',
    );
    clock.advance(10_000);
    expect(() => app.createEvent('c', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).not.toThrow();
  });
});

describe('CalendarApp: finding, moving, deleting', () => {
  it('finds events by id and by time window; moving one changes where it is found and its last-updated time', () => {
    const { app, clock } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    const created = e.getLastUpdated().getTime();
    expect(app.getEventById(e.getId())?.getTitle()).toBe('Visit');
    expect(app.getEvents(at('2024-03-05T10:30:00Z'), at('2024-03-05T12:00:00Z')).map((x) => x.getId())).toEqual([
      e.getId(),
    ]);

    clock.advance(60_000);
    e.setTime(at('2024-03-07T10:00:00Z'), at('2024-03-07T12:00:00Z'));
    expect(e.getLastUpdated().getTime()).toBeGreaterThan(created);
    expect(app.getEvents(at('2024-03-05T00:00:00Z'), at('2024-03-06T00:00:00Z'))).toHaveLength(0);
    const moved = app.getEventsForDay(at('2024-03-07T08:00:00Z'));
    expect(moved.map((x) => x.getEndTime())).toEqual([at('2024-03-07T12:00:00Z')]);
    expect(messageOf(() => e.setTime(at('2024-03-07T12:00:00Z'), at('2024-03-07T10:00:00Z')))).toBe(
      'Event start date must be before event end date.',
    );
    expect(e.getStartTime()).toEqual(at('2024-03-07T10:00:00Z'));
  });

  it('searches by words in title, description, location and guests, with start/max paging', () => {
    const { app } = setup();
    app.createEvent('Visit Иванов', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'), {
      description: 'crm:client=17',
    });
    app.createEvent('Visit Петров', at('2024-03-05T12:00:00Z'), at('2024-03-05T13:00:00Z'), {
      guests: 'petrov@example.org',
    });
    app.createEvent('Lunch', at('2024-03-05T14:00:00Z'), at('2024-03-05T15:00:00Z'));
    const range = [at('2024-03-05T00:00:00Z'), at('2024-03-06T00:00:00Z')] as const;
    expect(app.getEvents(...range, { search: 'visit' }).map((e) => e.getTitle())).toEqual([
      'Visit Иванов',
      'Visit Петров',
    ]);
    expect(app.getEvents(...range, { search: 'client=17' }).map((e) => e.getTitle())).toEqual(['Visit Иванов']);
    expect(app.getEvents(...range, { search: 'petrov@example.org' })).toHaveLength(1);
    expect(app.getEvents(...range, { start: 1, max: 1 }).map((e) => e.getTitle())).toEqual(['Visit Петров']);
  });

  it('deleting hides the event everywhere and makes further changes fail', () => {
    const { app, store } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    e.deleteEvent();
    expect(app.getEventById(e.getId())).toBeNull();
    expect(app.getEvents(at('2024-03-05T00:00:00Z'), at('2024-03-06T00:00:00Z'))).toHaveLength(0);
    expect(() => e.setTitle('again')).toThrow('The event has been deleted.');
    expect(() => e.deleteEvent()).toThrow('The event has been deleted.');
    expect(store.allEvents()).toHaveLength(0);
    expect(store.allEvents({ includeDeleted: true })).toHaveLength(1);
    // Some report that Google still returns deleted events by id: a switch lets product code be tested against it.
    store.limits.deletedEventsFoundById = true;
    expect(app.getEventById(e.getId())?.getTitle()).toBe('Visit');
  });

  it('notices an event deleted by a person in the Calendar UI', () => {
    const { app, store, clock } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    store.deleteByUser(e.getId(), clock.now());
    expect(app.getEventById(e.getId())).toBeNull();
  });

  it('keeps other calendars apart: CalendarApp.getEventById only looks in the default calendar', () => {
    const { app, store } = setup();
    store.addCalendar({ id: 'team@group.calendar.google.com', name: 'Team', timeZone: 'Asia/Tbilisi' });
    expect(app.getCalendarById('nope@group.calendar.google.com')).toBeNull();
    const team = app.getCalendarById('team@group.calendar.google.com')!;
    expect(team.getName()).toBe('Team');
    expect(team.isMyPrimaryCalendar()).toBe(false);
    expect(app.getDefaultCalendar().getId()).toBe(EMAIL);
    expect(app.getDefaultCalendar().isMyPrimaryCalendar()).toBe(true);
    const e = team.createAllDayEvent('Day off', at('2024-03-05T12:00:00Z'));
    // All-day dates follow the calendar's own zone (Tbilisi, UTC+4).
    expect(e.getStartTime()).toEqual(at('2024-03-04T20:00:00Z'));
    expect(app.getEventById(e.getId())).toBeNull();
    expect(team.getEventById(e.getId())?.getTitle()).toBe('Day off');
    expect(store.eventsOf('team@group.calendar.google.com')).toHaveLength(1);
    expect(store.eventsOf(EMAIL)).toHaveLength(0);
  });
});

describe('CalendarEvent: reminders, guests, tags', () => {
  it('keeps popup and e-mail reminders within 5..40320 minutes and at most 5 per event', () => {
    const { app } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    expect(e.getPopupReminders()).toEqual([]);
    e.addPopupReminder(30).addEmailReminder(1440);
    expect(e.getPopupReminders()).toEqual([30]);
    expect(e.getEmailReminders()).toEqual([1440]);
    expect(messageOf(() => e.addPopupReminder(4))).toBe('Invalid argument: minutesBefore');
    expect(messageOf(() => e.addEmailReminder(40321))).toBe('Invalid argument: minutesBefore');
    expect(() => e.addPopupReminder(40320)).not.toThrow();
    e.addPopupReminder(10).addPopupReminder(60);
    expect(() => e.addEmailReminder(120)).toThrow();
    expect(e.getPopupReminders().length + e.getEmailReminders().length).toBe(5);
    e.removeAllReminders();
    expect(e.getPopupReminders()).toEqual([]);
    expect(e.getEmailReminders()).toEqual([]);
  });

  it('invites guests from a comma-separated list, rejects bad addresses and tracks answers', () => {
    const { app, store } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'), {
      guests: 'anna@example.org, boris@example.com',
      sendInvites: true,
    });
    expect(e.getGuestList().map((g) => g.getEmail())).toEqual(['anna@example.org', 'boris@example.com']);
    expect(e.getGuestList().every((g) => g.getGuestStatus() === app.GuestStatus.INVITED)).toBe(true);
    expect(e.getGuestList(true)[0].getGuestStatus()).toBe(app.GuestStatus.OWNER);
    expect(store.event(e.getId())?.invited).toEqual(['anna@example.org', 'boris@example.com']);

    store.respond(e.getId(), 'anna@example.org', 'YES');
    expect(e.getGuestByEmail('anna@example.org')?.getGuestStatus()).toBe(app.GuestStatus.YES);
    expect(String(e.getGuestByEmail('anna@example.org')?.getGuestStatus())).toBe('YES');

    e.removeGuest('boris@example.com').addGuest('vera@example.net');
    expect(e.getGuestList().map((g) => g.getEmail())).toEqual(['anna@example.org', 'vera@example.net']);
    expect(messageOf(() => e.addGuest('not an address'))).toBe('Invalid argument: email');
    expect(
      messageOf(() =>
        app.createEvent('x', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'), {
          guests: 'ok@example.org, 8 912 345-67-89',
        }),
      ),
    ).toBe('Invalid argument: guests');
    expect(store.allEvents()).toHaveLength(1);
  });

  it('stores tags like the Calendar API: long keys silently dropped, long values silently truncated', () => {
    const { app } = setup();
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    e.setTag('crm.visitId', 'v-17');
    expect(e.getTag('crm.visitId')).toBe('v-17');
    expect(e.getTag('missing')).toBeNull();
    e.setTag('k'.repeat(45), 'lost');
    expect(e.getAllTagKeys()).toEqual(['crm.visitId']);
    e.setTag('note', 'x'.repeat(1500));
    expect(e.getTag('note')).toHaveLength(1024);
    e.deleteTag('note');
    expect(e.getAllTagKeys()).toEqual(['crm.visitId']);
  });
});

describe('CalendarStore persistence', () => {
  it('round-trips calendars, events, limits and the quota window through JSON', () => {
    const { app, store, ctx } = setup();
    store.setDailyCreateLimit(2);
    const e = app.createEvent('Visit', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'), {
      guests: 'a@example.org',
    });
    e.addPopupReminder(15).setTag('id', '1');
    const copy = CalendarStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(copy.allEvents()).toEqual(store.allEvents());
    const again = createCalendarApp(copy, ctx);
    again.createEvent('second', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'));
    expect(() => again.createEvent('third', at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).toThrow(
      /too many times/,
    );
    expect(again.getEventById(e.getId())?.getPopupReminders()).toEqual([15]);
  });
});

describe('CalendarApp through the membrane', () => {
  it('hands the script its own Dates and enum values, and nothing that reaches the store', () => {
    const { app, store } = setup();
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Object, Array, Error })', context) as Realm;
    context.CalendarApp = new Membrane(realm).inward(app);
    const out = vm.runInContext(
      `var e = CalendarApp.getDefaultCalendar().createEvent('Visit', new Date('2024-03-05T10:00:00Z'), new Date('2024-03-05T11:00:00Z'),
         { guests: 'anna@example.org' });
       e.addPopupReminder(30).setTag('crm.visitId', 'v1');
       var found = CalendarApp.getEventById(e.getId());
       ({
         isDate: found.getStartTime() instanceof Date,
         start: found.getStartTime().toISOString(),
         invited: found.getGuestList()[0].getGuestStatus() === CalendarApp.GuestStatus.INVITED,
         reminders: found.getPopupReminders().concat([]),
         hidden: [typeof CalendarApp.store, typeof CalendarApp.ctx, typeof e.store].join(',')
       })`,
      context,
    ) as Record<string, unknown>;
    expect(out).toEqual({
      isDate: true,
      start: '2024-03-05T10:00:00.000Z',
      invited: true,
      reminders: [30],
      hidden: 'undefined,undefined,undefined',
    });
    expect(store.allEvents()[0].tags).toEqual({ 'crm.visitId': 'v1' });
  });
});
