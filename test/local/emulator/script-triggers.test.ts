import * as vm from 'node:vm';
import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { Membrane, Realm } from 'workspace-emulator';
import { TOO_MANY_TRIGGERS, TriggerStore, clockTriggerEvent, createScriptApp, dueTriggers } from 'workspace-emulator';
import { messageOf } from './support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function setup(start = '2024-03-01T09:00:00Z', email = 'office@example.com') {
  const clock = new VirtualClock(start);
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email,
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const store = TriggerStore.fromJSON(undefined);
  return { clock, calls, ctx, store, app: createScriptApp(store, ctx, 'sheet') };
}

describe('ScriptApp: installing clock triggers', () => {
  it('installs a trigger that getProjectTriggers lists as a CLOCK trigger for its handler', () => {
    const { app, calls } = setup();
    const t = app.newTrigger('sendReminders').timeBased().everyMinutes(15).create();
    const listed = app.getProjectTriggers();
    expect(listed.map((x) => x.getHandlerFunction())).toEqual(['sendReminders']);
    expect(listed[0].getUniqueId()).toBe(t.getUniqueId());
    expect(listed[0].getEventType()).toBe(app.EventType.CLOCK);
    expect(listed[0].getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(calls.byService()).toEqual({ 'ScriptApp.ClockTriggerBuilder.create': 1, 'ScriptApp.getProjectTriggers': 1 });
  });

  it('accepts only the intervals Apps Script accepts', () => {
    const { app } = setup();
    expect(messageOf(() => app.newTrigger('f').timeBased().everyMinutes(2))).toBe(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    expect(messageOf(() => app.newTrigger('f').timeBased().everyMinutes(60))).toMatch(/everyMinutes was invalid/);
    expect(messageOf(() => app.newTrigger('f').timeBased().everyHours(3))).toMatch(/everyHours was invalid/);
    for (const n of [1, 5, 10, 15, 30]) expect(() => app.newTrigger('f').timeBased().everyMinutes(n)).not.toThrow();
    for (const n of [1, 2, 4, 6, 8, 12]) expect(() => app.newTrigger('f').timeBased().everyHours(n)).not.toThrow();
    expect(() => app.newTrigger('f').timeBased().atHour(24)).toThrow();
    expect(() => app.newTrigger('f').timeBased().inTimezone('Moscow')).toThrow();
  });

  it('refuses incomplete or contradictory schedules', () => {
    const { app, store } = setup();
    expect(() => app.newTrigger('f').timeBased().create()).toThrow();
    expect(() => app.newTrigger('f').timeBased().everyHours(1).atHour(9).create()).toThrow();
    expect(() => app.newTrigger('f').timeBased().everyMinutes(5).everyHours(1)).toThrow();
    expect(() => app.newTrigger('f').timeBased().after(1000).nearMinute(5).create()).toThrow();
    expect(store.all()).toHaveLength(0);
  });

  it('allows 20 triggers per user per script, with Google wording for the 21st', () => {
    const { app, ctx, store } = setup();
    for (let i = 0; i < 20; i++) app.newTrigger(`job${i}`).timeBased().everyHours(1).create();
    expect(messageOf(() => app.newTrigger('one more').timeBased().everyHours(1).create())).toBe(TOO_MANY_TRIGGERS);
    expect(TOO_MANY_TRIGGERS).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // The Gmail project and another user have their own 20.
    expect(() => createScriptApp(store, ctx, 'gmail').newTrigger('g').timeBased().everyHours(1).create()).not.toThrow();
    const other = new ServiceContext(ctx.clock, ctx.calls, ctx.faults, {
      ...ctx.session,
      email: 'manager@example.com',
    });
    const otherApp = createScriptApp(store, other, 'sheet');
    expect(otherApp.getProjectTriggers()).toHaveLength(0);
    expect(() => otherApp.newTrigger('m').timeBased().everyHours(1).create()).not.toThrow();
    // Deleting one makes room.
    app.deleteTrigger(app.getProjectTriggers()[0]);
    expect(() => app.newTrigger('one more').timeBased().everyHours(1).create()).not.toThrow();
  });

  it('keeps one-time triggers installed (and counted) after they fire, until deleted', () => {
    const { app, clock, store } = setup();
    const t = app
      .newTrigger('continueImport')
      .timeBased()
      .after(10 * MINUTE)
      .create();
    const created = clock.now();
    expect(dueTriggers(store, created, created + 9 * MINUTE)).toHaveLength(0);
    expect(dueTriggers(store, created, created + 10 * MINUTE).map((d) => d.handler)).toEqual(['continueImport']);
    expect(dueTriggers(store, created + 10 * MINUTE, created + 100 * HOUR)).toHaveLength(0);
    expect(app.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
  });

  it('deletes triggers handed back by a script through the membrane', () => {
    const { ctx, store } = setup();
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Object, Array, Error })', context) as Realm;
    const membrane = new Membrane(realm);
    context.ScriptApp = membrane.inward(createScriptApp(store, ctx, 'sheet'));
    const left = vm.runInContext(
      `ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(9).create();
       ScriptApp.newTrigger('b').timeBased().at(new Date('2024-03-02T10:00:00Z')).create();
       ScriptApp.getProjectTriggers().forEach(function (t) {
         if (t.getHandlerFunction() === 'a') ScriptApp.deleteTrigger(t);
       });
       ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }).join(',')`,
      context,
    );
    expect(left).toBe('b');
    expect(store.all().map((t) => t.handler)).toEqual(['b']);
    expect(
      vm.runInContext(
        `(function () { try { ScriptApp.deleteTrigger({}); } catch (e) { return e.message; } })()`,
        context,
      ),
    ).toBe("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
  });
});

describe('dueTriggers: the Node-side scheduler', () => {
  it('fires periodic triggers every period after creation', () => {
    const { app, clock, store } = setup();
    app.newTrigger('poll').timeBased().everyMinutes(5).create();
    const t0 = clock.now();
    const due = dueTriggers(store, t0, t0 + 30 * MINUTE);
    expect(due).toHaveLength(6);
    expect(due[0].at - t0).toBe(5 * MINUTE);
    expect(due.every((d) => d.project === 'sheet' && d.owner === 'office@example.com')).toBe(true);
    // Windows partition the firings: none lost or doubled across consecutive windows.
    const split = [
      ...dueTriggers(store, t0, t0 + 12 * MINUTE),
      ...dueTriggers(store, t0 + 12 * MINUTE, t0 + 30 * MINUTE),
    ];
    expect(split.map((d) => d.at)).toEqual(due.map((d) => d.at));
  });

  it('fires daily triggers at the hour in the trigger zone (Moscow, no DST)', () => {
    const { app, store } = setup('2024-03-01T09:00:00Z');
    app.newTrigger('morning').timeBased().everyDays(1).atHour(9).create();
    const due = dueTriggers(store, Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-03-04T00:00:00Z'));
    // 09:00 Moscow is 06:00 UTC; on March 1 it is already past at creation (12:00 Moscow).
    expect(due.map((d) => new Date(d.at).toISOString())).toEqual([
      '2024-03-02T06:00:00.000Z',
      '2024-03-03T06:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock hour across a DST change (Berlin)', () => {
    const { app, store } = setup('2024-03-29T12:00:00Z');
    app.newTrigger('morning').timeBased().everyDays(1).atHour(9).nearMinute(30).inTimezone('Europe/Berlin').create();
    const due = dueTriggers(store, Date.parse('2024-03-29T12:00:00Z'), Date.parse('2024-04-02T00:00:00Z'));
    expect(due.map((d) => new Date(d.at).toISOString())).toEqual([
      '2024-03-30T08:30:00.000Z',
      '2024-03-31T07:30:00.000Z',
      '2024-04-01T07:30:00.000Z',
    ]);
  });

  it('skips days for everyDays(n) and finds firings far from creation quickly', () => {
    const { app, store } = setup('2024-01-01T12:00:00Z');
    app.newTrigger('weekly-ish').timeBased().everyDays(3).atHour(0).inTimezone('UTC').create();
    const due = dueTriggers(store, Date.parse('2024-12-01T00:00:00Z'), Date.parse('2024-12-10T00:00:00Z'));
    // First firing Jan 2 (day 2 of 2024); Dec 3 is day 338: 336 days, a multiple of 3, later.
    expect(due.map((d) => new Date(d.at).toISOString().slice(0, 10))).toEqual([
      '2024-12-03',
      '2024-12-06',
      '2024-12-09',
    ]);
  });

  it('fires hourly triggers near the requested minute', () => {
    const { app, store } = setup('2024-03-01T09:10:00Z');
    app.newTrigger('hourly').timeBased().everyHours(2).nearMinute(45).create();
    const due = dueTriggers(store, Date.parse('2024-03-01T09:10:00Z'), Date.parse('2024-03-01T14:00:00Z'));
    expect(due.map((d) => new Date(d.at).toISOString())).toEqual([
      '2024-03-01T09:45:00.000Z',
      '2024-03-01T11:45:00.000Z',
      '2024-03-01T13:45:00.000Z',
    ]);
  });

  it('builds the time-driven event object in UTC, as Google documents', () => {
    const { app, store } = setup('2024-03-01T09:00:00Z');
    const t = app.newTrigger('f').timeBased().at(new Date('2024-03-03T10:15:00Z')).create();
    const [fire] = dueTriggers(store, Date.parse('2024-03-01T09:00:00Z'), Date.parse('2024-03-04T00:00:00Z'));
    expect(clockTriggerEvent(fire)).toMatchObject({
      authMode: 'FULL',
      year: 2024,
      month: 3,
      'day-of-month': 3,
      'day-of-week': 7,
      hour: 10,
      minute: 15,
      timezone: 'UTC',
      triggerUid: t.getUniqueId(),
    });
  });

  it('survives a save and reload', () => {
    const { app, store, ctx } = setup();
    app.newTrigger('poll').timeBased().everyMinutes(30).create();
    const copy = TriggerStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(
      createScriptApp(copy, ctx, 'sheet')
        .getProjectTriggers()
        .map((t) => t.getHandlerFunction()),
    ).toEqual(['poll']);
    const next = createScriptApp(copy, ctx, 'sheet').newTrigger('other').timeBased().everyHours(1).create();
    expect(store.all().some((t) => t.id === next.getUniqueId())).toBe(false);
    expect(copy.all().map((t) => t.id)).not.toContain(undefined);
    expect(new Set(copy.all().map((t) => t.id)).size).toBe(2);
  });
});
