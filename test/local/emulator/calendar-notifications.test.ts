import { Workspace } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';
import type { CalendarAdvancedService } from 'workspace-emulator';

// Reminders are per person (developers.google.com/calendar/api/concepts/reminders; support.google.com/calendar/answer/83117):
// the event's own reminders reach the owner of its calendar, each guest gets their own calendar's defaults. The old
// emulator kept one list of reminders per event and could not say who gets them.

const CALENDAR_V3 = { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' };
const at = (iso: string, minutes: number) => Date.parse(iso) - minutes * 60_000;
const START = '2024-03-05T10:00:00Z';

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
  const g = ws.globals({ project: 'p', htmlFiles: {}, ui: new UiHost(), advancedServices: [CALENDAR_V3] });
  const Calendar = g.Calendar as CalendarAdvancedService;
  const owner = ws.ctx.session.email;
  const insert = (extra: object, sendUpdates = 'all') =>
    String(
      Calendar.Events.insert(
        {
          summary: 'Call',
          start: { dateTime: START },
          end: { dateTime: '2024-03-05T10:30:00Z' },
          attendees: [{ email: 'anna@example.org' }],
          ...extra,
        },
        'primary',
        { sendUpdates },
      ).id,
    );
  return { ws, Calendar, owner, insert };
}

const brief = (n: Array<{ user: string; method: string; minutesBefore: number; source: string }>) =>
  n.map((x) => `${x.user} ${x.method} ${x.minutesBefore} ${x.source}`);

describe('who is reminded of a calendar event', () => {
  it('gives the event’s overrides to the calendar’s owner only; a guest gets their own default (popup 30)', () => {
    const { ws, owner, insert } = setup();
    const id = insert({
      reminders: {
        useDefault: false,
        overrides: [
          { method: 'popup', minutes: 30 },
          { method: 'email', minutes: 60 },
        ],
      },
    });
    const notes = ws.calendar.notificationsFor(id);
    expect(brief(notes)).toEqual([
      `${owner} email 60 event`,
      'anna@example.org popup 30 default',
      `${owner} popup 30 event`,
    ]);
    expect(notes[0].at).toBe(at(START, 60));
    expect(ws.calendar.event(`${id}@google.com`)?.invited).toEqual(['anna@example.org']);
  });

  it('follows each guest’s own settings, and reminds a guest who declined of nothing', () => {
    const { ws, insert } = setup();
    ws.calendar.setDefaultReminders('anna@example.org', [
      { method: 'email', minutes: 1440 },
      { method: 'popup', minutes: 10 },
    ]);
    const id = insert({ reminders: { useDefault: false, overrides: [] } });
    expect(brief(ws.calendar.notificationsFor(id))).toEqual([
      'anna@example.org email 1440 default',
      'anna@example.org popup 10 default',
    ]);
    ws.calendar.respond(`${id}@google.com`, 'anna@example.org', 'NO');
    expect(ws.calendar.notificationsFor(id)).toEqual([]);
  });

  it('uses the owner’s own defaults for useDefault, and assumes no default for an all-day event (UNVERIFIED)', () => {
    const { ws, owner, insert } = setup();
    const timed = insert({ reminders: { useDefault: true } });
    expect(brief(ws.calendar.notificationsFor(timed))).toEqual([
      'anna@example.org popup 30 default',
      `${owner} popup 30 default`,
    ]);
    const allDay = insert({ start: { date: '2024-03-06' }, end: { date: '2024-03-07' } });
    expect(ws.calendar.notificationsFor(allDay)).toEqual([]);
  });

  it('sends no invitation with sendUpdates none, yet the guest’s copy still reminds them; a deleted event nobody', () => {
    const { ws, Calendar, insert } = setup();
    const id = insert({ reminders: { useDefault: false, overrides: [] } }, 'none');
    expect(ws.calendar.event(`${id}@google.com`)?.invited).toEqual([]);
    expect(brief(ws.calendar.notificationsFor(id))).toEqual(['anna@example.org popup 30 default']);
    Calendar.Events.remove('primary', id);
    expect(ws.calendar.notificationsFor(id)).toEqual([]);
  });

  it('answers the calendar list’s defaultReminders with the account’s own setting', () => {
    const { ws, Calendar, owner } = setup();
    ws.calendar.setDefaultReminders(owner, [{ method: 'popup', minutes: 15 }]);
    expect(Calendar.Events.list('primary', {}).defaultReminders).toEqual([{ method: 'popup', minutes: 15 }]);
  });
});
