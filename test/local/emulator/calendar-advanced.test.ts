import { Workspace } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';
import { GoogleJsonResponseException } from 'workspace-emulator';
import type { CalendarAdvancedService } from 'workspace-emulator';
import { checkManifest } from '../../../src/local/build/manifests';
import { messageOf } from './support';

type CalendarAppLike = {
  getEventById(id: string): {
    getTitle(): string;
    getDescription(): string;
    getStartTime(): Date;
    getEndTime(): Date;
    getGuestList(): Array<{ getEmail(): string }>;
    getPopupReminders(): number[];
    getEmailReminders(): number[];
    getTag(k: string): string | null;
    isAllDayEvent(): boolean;
    setTitle(t: string): unknown;
  } | null;
  createEvent(title: string, start: Date, end: Date, options?: object): { getId(): string };
  createAllDayEvent(title: string, date: Date): { getId(): string };
};

const EMAIL = 'office@example.com';
const CALENDAR_V3 = { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' };

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
  const g = ws.globals({ project: 'sheet', htmlFiles: {}, ui: new UiHost(), advancedServices: [CALENDAR_V3] });
  return { ws, Calendar: g.Calendar as CalendarAdvancedService, CalendarApp: g.CalendarApp as CalendarAppLike };
}

const visit = (extra: object = {}) => ({
  summary: 'Visit: Иванов',
  description: 'First visit',
  start: { dateTime: '2024-03-05T13:00:00+03:00' },
  end: { dateTime: '2024-03-05T14:00:00+03:00' },
  ...extra,
});

function httpError(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GoogleJsonResponseException);
    return { code: (e as GoogleJsonResponseException).details.code, message: (e as Error).message };
  }
  throw new Error('expected an HTTP error');
}

describe('Calendar advanced service: gating by the manifest', () => {
  it('exists only when appsscript.json enables calendar v3, under the symbol it names', () => {
    const ws = Workspace.inMemory();
    const base = { project: 'sheet' as const, htmlFiles: {}, ui: new UiHost() };
    expect(ws.globals(base).Calendar).toBeUndefined();
    expect(ws.globals({ ...base, advancedServices: [{ ...CALENDAR_V3, version: 'v2' }] }).Calendar).toBeUndefined();
    expect(ws.globals({ ...base, advancedServices: [{ ...CALENDAR_V3, userSymbol: 'Cal' }] }).Cal).toBeDefined();
  });

  it('the build refuses a manifest that enables Calendar without a calendar scope', () => {
    const manifest = {
      runtimeVersion: 'V8',
      timeZone: 'Europe/Moscow',
      oauthScopes: ['https://www.googleapis.com/auth/contacts'],
      dependencies: { enabledAdvancedServices: [CALENDAR_V3] },
    };
    expect(messageOf(() => checkManifest('sheet', manifest, []))).toContain(
      'the Calendar advanced service needs one of https://www.googleapis.com/auth/calendar, https://www.googleapis.com/auth/calendar.events',
    );
    manifest.oauthScopes.push('https://www.googleapis.com/auth/calendar');
    expect(messageOf(() => checkManifest('sheet', manifest, []))).toBe('(no error)');
  });
});

describe('Calendar.Events.insert', () => {
  it('returns the Event resource, and CalendarApp sees the same event by its iCalUID', () => {
    const { ws, Calendar, CalendarApp } = setup();
    const e = Calendar.Events.insert(
      visit({
        attendees: [{ email: 'client@mail.ru' }],
        reminders: {
          useDefault: false,
          overrides: [
            { method: 'popup', minutes: 0 },
            { method: 'email', minutes: 60 },
          ],
        },
        extendedProperties: { private: { crmVisit: 'v-17' } },
      }),
      'primary',
    );
    expect(e.id).toMatch(/^[0-9a-v]{26}$/);
    expect(e.iCalUID).toBe(`${e.id}@google.com`);
    expect(e).toMatchObject({
      kind: 'calendar#event',
      status: 'confirmed',
      summary: 'Visit: Иванов',
      start: { dateTime: '2024-03-05T13:00:00+03:00' },
      end: { dateTime: '2024-03-05T14:00:00+03:00' },
      attendees: [{ email: 'client@mail.ru', responseStatus: 'needsAction' }],
      reminders: {
        useDefault: false,
        overrides: [
          { method: 'popup', minutes: 0 },
          { method: 'email', minutes: 60 },
        ],
      },
      extendedProperties: { private: { crmVisit: 'v-17' } },
      organizer: { email: EMAIL, self: true },
    });
    expect(e.etag).toMatch(/^"\d+"$/);
    expect(e.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    expect(e.created).toBe(e.updated);

    const seen = CalendarApp.getEventById(e.iCalUID as string);
    expect(seen?.getTitle()).toBe('Visit: Иванов');
    expect(seen?.getStartTime()).toEqual(new Date('2024-03-05T10:00:00Z'));
    expect(seen?.getGuestList().map((g) => g.getEmail())).toEqual(['client@mail.ru']);
    expect(seen?.getPopupReminders()).toEqual([0]);
    expect(seen?.getEmailReminders()).toEqual([60]);
    expect(seen?.getTag('crmVisit')).toBe('v-17');

    const call = ws.calls.all().find((c) => c.service === 'Calendar.Events.insert');
    expect(call?.bytes).toBeGreaterThan(100);
    expect(ws.calls.all().filter((c) => c.service === 'Calendar.Events.insert')).toHaveLength(1);
  });

  it('an all-day event is a {date} range with an exclusive end; wall time without offset needs a timeZone', () => {
    const { Calendar, CalendarApp } = setup();
    const day = Calendar.Events.insert(
      { summary: 'Day off', start: { date: '2024-03-08' }, end: { date: '2024-03-09' } },
      'primary',
    );
    expect(day.start).toEqual({ date: '2024-03-08' });
    expect(day.end).toEqual({ date: '2024-03-09' });
    expect(CalendarApp.getEventById(day.iCalUID as string)?.isAllDayEvent()).toBe(true);

    const wall = Calendar.Events.insert(
      visit({
        start: { dateTime: '2024-03-05T10:00:00', timeZone: 'Asia/Tbilisi' },
        end: { dateTime: '2024-03-05T11:00:00', timeZone: 'Asia/Tbilisi' },
      }),
      'primary',
    );
    expect(wall.start).toEqual({ dateTime: '2024-03-05T10:00:00+04:00', timeZone: 'Asia/Tbilisi' });
    expect(CalendarApp.getEventById(wall.iCalUID as string)?.getStartTime()).toEqual(new Date('2024-03-05T06:00:00Z'));

    expect(
      httpError(() => Calendar.Events.insert(visit({ start: { dateTime: '2024-03-05T10:00:00' } }), 'primary')).message,
    ).toBe('API call to calendar.events.insert failed with error: Missing time zone definition for start time.');
    expect(httpError(() => Calendar.Events.insert({ summary: 'x', start: visit().start }, 'primary'))).toEqual({
      code: 400,
      message: 'API call to calendar.events.insert failed with error: Missing end time.',
    });
    expect(
      httpError(() => Calendar.Events.insert(visit({ end: { dateTime: '2024-03-05T13:00:00+03:00' } }), 'primary'))
        .message,
    ).toBe('API call to calendar.events.insert failed with error: The specified time range is empty.');
  });

  it('refuses reminders Google refuses and stores nothing: >5 overrides, minutes outside 0..40320, both kinds', () => {
    const { ws, Calendar } = setup();
    const six = Array.from({ length: 6 }, (_, i) => ({ method: 'popup', minutes: i }));
    const cases = [
      { useDefault: false, overrides: six },
      { useDefault: false, overrides: [{ method: 'popup', minutes: 40321 }] },
      { useDefault: false, overrides: [{ method: 'popup', minutes: -1 }] },
      { useDefault: false, overrides: [{ method: 'sms', minutes: 10 }] },
      { useDefault: true, overrides: [{ method: 'popup', minutes: 10 }] },
    ];
    for (const reminders of cases)
      expect(httpError(() => Calendar.Events.insert(visit({ reminders }), 'primary')).code).toBe(400);
    expect(ws.calendar.allEvents()).toHaveLength(0);
    const ok = Calendar.Events.insert(
      visit({ reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 40320 }] } }),
      'primary',
    );
    expect(ok.reminders).toEqual({ useDefault: false, overrides: [{ method: 'email', minutes: 40320 }] });
  });

  it('sendUpdates decides who is e-mailed an invitation; unknown calendars, fields and values are refused', () => {
    const { ws, Calendar } = setup();
    const attendees = [{ email: 'client@mail.ru' }, { email: 'colleague@example.com' }];
    const quiet = Calendar.Events.insert(visit({ attendees }), 'primary', { sendUpdates: 'none' });
    const all = Calendar.Events.insert(visit({ attendees }), 'primary', { sendUpdates: 'all' });
    const external = Calendar.Events.insert(visit({ attendees }), 'primary', { sendUpdates: 'externalOnly' });
    const invited = (e: { iCalUID?: string }) => ws.calendar.event(e.iCalUID as string)?.invited;
    expect(invited(quiet)).toEqual([]);
    expect(invited(all)).toEqual(['client@mail.ru', 'colleague@example.com']);
    expect(invited(external)).toEqual(['client@mail.ru']);

    expect(httpError(() => Calendar.Events.insert(visit(), 'other@example.com'))).toEqual({
      code: 404,
      message: 'API call to calendar.events.insert failed with error: Not Found',
    });
    expect(httpError(() => Calendar.Events.insert(visit({ colorId: '5' }), 'primary')).code).toBe(400);
    expect(httpError(() => Calendar.Events.insert(visit(), 'primary', { sendUpdates: 'everyone' })).code).toBe(400);
    // The account's own address names its primary calendar, as in Google.
    expect(Calendar.Events.insert(visit(), EMAIL).organizer?.email).toBe(EMAIL);
  });
});

describe('Calendar.Events.get / patch / remove', () => {
  it('get reads an event CalendarApp created, by the id without @google.com', () => {
    const { Calendar, CalendarApp } = setup();
    const made = CalendarApp.createEvent(
      'Call back',
      new Date('2024-03-06T07:00:00Z'),
      new Date('2024-03-06T07:30:00Z'),
    );
    const id = made.getId().replace(/@google\.com$/, '');
    const e = Calendar.Events.get('primary', id);
    expect(e).toMatchObject({
      id,
      iCalUID: made.getId(),
      summary: 'Call back',
      start: { dateTime: '2024-03-06T10:00:00+03:00' },
      reminders: { useDefault: true },
    });
    expect(e.description).toBeUndefined();
    expect(httpError(() => Calendar.Events.get('primary', made.getId())).code).toBe(404);
    expect(httpError(() => Calendar.Events.get('primary', 'abcdefabcdefabcdefabcdefab')).code).toBe(404);
  });

  it('patch merges the given fields; attendees and reminders are replaced wholly; the etag changes', () => {
    const { Calendar, CalendarApp } = setup();
    const e = Calendar.Events.insert(
      visit({
        attendees: [{ email: 'a@mail.ru' }, { email: 'b@mail.ru' }],
        reminders: {
          useDefault: false,
          overrides: [
            { method: 'popup', minutes: 10 },
            { method: 'email', minutes: 60 },
          ],
        },
        extendedProperties: { private: { crmVisit: 'v-1' } },
      }),
      'primary',
    );
    const p = Calendar.Events.patch(
      {
        summary: 'Visit moved',
        end: { dateTime: '2024-03-05T15:00:00+03:00' },
        attendees: [{ email: 'b@mail.ru' }],
        reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 30 }] },
      },
      'primary',
      e.id as string,
    );
    expect(p).toMatchObject({
      summary: 'Visit moved',
      description: 'First visit',
      start: { dateTime: '2024-03-05T13:00:00+03:00' },
      end: { dateTime: '2024-03-05T15:00:00+03:00' },
      attendees: [{ email: 'b@mail.ru' }],
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 30 }] },
      extendedProperties: { private: { crmVisit: 'v-1' } },
    });
    expect(p.etag).not.toBe(e.etag);
    const seen = CalendarApp.getEventById(e.iCalUID as string);
    expect(seen?.getEmailReminders()).toEqual([]);
    expect(seen?.getEndTime()).toEqual(new Date('2024-03-05T12:00:00Z'));

    // A refused patch leaves the event as it was.
    expect(
      httpError(() =>
        Calendar.Events.patch(
          { summary: 'No', reminders: { overrides: [{ method: 'x' }] } },
          'primary',
          e.id as string,
        ),
      ).code,
    ).toBe(400);
    expect(Calendar.Events.get('primary', e.id as string).summary).toBe('Visit moved');
  });

  it('remove deletes for CalendarApp too; then remove and patch are 410, get shows it cancelled; unknown ids 404', () => {
    const { Calendar, CalendarApp } = setup();
    const e = Calendar.Events.insert(visit(), 'primary');
    Calendar.Events.remove('primary', e.id as string);
    expect(CalendarApp.getEventById(e.iCalUID as string)).toBeNull();
    expect(httpError(() => Calendar.Events.remove('primary', e.id as string))).toEqual({
      code: 410,
      message: 'API call to calendar.events.delete failed with error: Resource has been deleted',
    });
    expect(httpError(() => Calendar.Events.patch({ summary: 'x' }, 'primary', e.id as string))).toEqual({
      code: 410,
      message: 'API call to calendar.events.patch failed with error: Resource has been deleted',
    });
    expect(Calendar.Events.get('primary', e.id as string).status).toBe('cancelled');
    expect(httpError(() => Calendar.Events.remove('primary', 'abcdefabcdefabcdefabcdefab'))).toEqual({
      code: 404,
      message: 'API call to calendar.events.delete failed with error: Not Found',
    });
    expect(httpError(() => Calendar.Events.patch({}, 'primary', 'abcdefabcdefabcdefabcdefab')).code).toBe(404);
  });

  it('an event deleted in the Calendar UI is 410 for remove as well', () => {
    const { ws, Calendar } = setup();
    const e = Calendar.Events.insert(visit(), 'primary');
    ws.calendar.deleteByUser(e.iCalUID as string, ws.clock.now());
    expect(httpError(() => Calendar.Events.remove('primary', e.id as string)).code).toBe(410);
  });
});

describe('Calendar.Events.list', () => {
  it('finds the product’s own event by private extended property, within timeMin/timeMax, without deleted ones', () => {
    const { Calendar, CalendarApp } = setup();
    const a = Calendar.Events.insert(visit({ extendedProperties: { private: { crmVisit: 'v-1' } } }), 'primary');
    Calendar.Events.insert(visit({ extendedProperties: { private: { crmVisit: 'v-2' } } }), 'primary');
    const gone = Calendar.Events.insert(visit({ extendedProperties: { private: { crmVisit: 'v-1' } } }), 'primary');
    Calendar.Events.remove('primary', gone.id as string);
    // CalendarApp tags are the same private properties.
    const tagged = CalendarApp.createEvent(
      'Tagged',
      new Date('2024-03-07T07:00:00Z'),
      new Date('2024-03-07T08:00:00Z'),
    );
    CalendarApp.getEventById(tagged.getId());
    (CalendarApp.getEventById(tagged.getId()) as unknown as { setTag(k: string, v: string): void }).setTag(
      'crmVisit',
      'v-3',
    );

    const found = Calendar.Events.list('primary', { privateExtendedProperty: 'crmVisit=v-1', singleEvents: true });
    expect(found.items?.map((e) => e.id)).toEqual([a.id]);
    expect(found.kind).toBe('calendar#events');
    expect(
      Calendar.Events.list('primary', { privateExtendedProperty: ['crmVisit=v-3'] }).items?.map((e) => e.iCalUID),
    ).toEqual([tagged.getId()]);
    expect(
      Calendar.Events.list('primary', { privateExtendedProperty: 'crmVisit=v-1', showDeleted: true }).items,
    ).toHaveLength(2);

    const window = (timeMin: string, timeMax: string) =>
      Calendar.Events.list('primary', { timeMin, timeMax }).items?.length;
    expect(window('2024-03-05T10:30:00Z', '2024-03-05T10:45:00Z')).toBe(2);
    expect(window('2024-03-05T11:00:00Z', '2024-03-07T07:00:00Z')).toBe(0);
    expect(window('2024-03-05T00:00:00+03:00', '2024-03-08T00:00:00+03:00')).toBe(3);
    expect(httpError(() => Calendar.Events.list('primary', { timeMin: '2024-03-05T00:00:00' })).code).toBe(400);
  });

  it('pages by maxResults; orderBy startTime needs singleEvents; unknown parameters are refused', () => {
    const { ws, Calendar } = setup();
    for (let i = 0; i < 3; i++) Calendar.Events.insert(visit({ summary: `v${i}` }), 'primary');
    const first = Calendar.Events.list('primary', { maxResults: 2 });
    expect(first.items).toHaveLength(2);
    const second = Calendar.Events.list('primary', { maxResults: 2, pageToken: first.nextPageToken });
    expect(second.items?.map((e) => e.summary)).toEqual(['v2']);
    expect(second.nextPageToken).toBeUndefined();
    expect(httpError(() => Calendar.Events.list('primary', { orderBy: 'startTime' }))).toEqual({
      code: 400,
      message:
        'API call to calendar.events.list failed with error: The requested ordering is not available for the particular query.',
    });
    expect(Calendar.Events.list('primary', { orderBy: 'startTime', singleEvents: true }).items).toHaveLength(3);
    expect(httpError(() => Calendar.Events.list('primary', { privateExtendedPropery: 'a=b' })).code).toBe(400);
    expect(ws.calls.all().filter((c) => c.service === 'Calendar.Events.list')).toHaveLength(5);
  });
});

describe('Calendar advanced service: faults and authorization', () => {
  it('injected faults arrive as HTTP errors; a lost response still created the event (retry makes a duplicate)', () => {
    const { ws, Calendar } = setup();
    ws.faults.add({ service: 'Calendar.Events.insert', kind: 'quota', nth: [1] });
    ws.faults.add({ service: 'Calendar.Events.insert', kind: 'lost-response', nth: [2] });
    expect(httpError(() => Calendar.Events.insert(visit(), 'primary')).code).toBe(403);
    expect(ws.calendar.allEvents()).toHaveLength(0);
    expect(httpError(() => Calendar.Events.insert(visit(), 'primary'))).toEqual({
      code: 504,
      message:
        'API call to calendar.events.insert failed with error: Deadline expired before operation could complete.',
    });
    expect(ws.calendar.allEvents()).toHaveLength(1);
  });

  it('a simple trigger (LIMITED) may not call it', () => {
    const { ws, Calendar } = setup();
    const run = ws.run('simple-trigger', 'onEdit', () => Calendar.Events.list('primary'));
    expect((run.error as Error).message).toBe(
      'You do not have permission to call Calendar.Events.list. Required permissions: https://www.googleapis.com/auth/calendar',
    );
  });
});
