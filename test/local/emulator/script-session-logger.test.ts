import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { LogEntry, LogSink, createLogger } from 'workspace-emulator';
import { createSession } from 'workspace-emulator';

function setup(session: { email?: string; locale?: string; timeZone?: string } = {}) {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ka',
    timeZone: 'Asia/Tbilisi',
    ...session,
  });
  return { clock, calls, ctx };
}

describe('Session', () => {
  it('runs as the shared account, in its locale and the script zone', () => {
    const { ctx, calls } = setup();
    const session = createSession(ctx);
    expect(session.getActiveUser().getEmail()).toBe('office@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('office@example.com');
    expect(session.getActiveUserLocale()).toBe('ka');
    expect(session.getScriptTimeZone()).toBe('Asia/Tbilisi');
    expect(calls.count('Session.')).toBe(4);
  });

  it('gives a temporary user key that is opaque, stable for 30 days and then rotates', () => {
    const { ctx, clock } = setup();
    const session = createSession(ctx);
    const key = session.getTemporaryActiveUserKey();
    expect(key).not.toContain('office');
    expect(key.length).toBeGreaterThan(20);
    clock.advance(60_000);
    const later = session.getTemporaryActiveUserKey();
    clock.advance(31 * 24 * 3600_000);
    const rotated = session.getTemporaryActiveUserKey();
    expect([later === key, rotated === key]).toEqual([true, false]);
    const other = createSession(setup({ email: 'manager@example.com' }).ctx).getTemporaryActiveUserKey();
    expect(other).not.toBe(key);
    const { ctx: fresh } = setup();
    expect(createSession(fresh, 'sheet').getTemporaryActiveUserKey()).not.toBe(
      createSession(fresh, 'gmail').getTemporaryActiveUserKey(),
    );
  });
});

describe('Logger and console', () => {
  it('records Logger.log with printf-style arguments; getLog and clear work on the Logger lines', () => {
    const sink = new LogSink();
    const logger = createLogger(sink);
    logger.log('Imported %s contacts in %d s', 120, 4.7).log({ skipped: 2 });
    expect(logger.getLog()).toBe('Imported 120 contacts in 4 s\n{"skipped":2}');
    logger.clear();
    logger.log('after clear');
    expect(logger.getLog()).toBe('after clear');
    expect(sink.entries().map((e) => e.message)).toEqual([
      'Imported 120 contacts in 4 s',
      '{"skipped":2}',
      'after clear',
    ]);
  });

  it('records console calls with their level, prints nothing, and tells subscribers', () => {
    let clock = 1000;
    const sink = new LogSink(() => clock);
    const seen: LogEntry[] = [];
    const off = sink.subscribe((e) => seen.push(e));
    const stdout = jest.spyOn(process.stdout, 'write');
    const realConsole = jest.spyOn(console, 'log');
    const con = sink.console();
    con.log('row', 3, { a: 1 });
    con.warn('Phone %s is not valid', '8 912');
    con.error(new Error('boom'));
    con.time('import');
    clock += 250;
    con.timeEnd('import');
    off();
    con.info('unheard');
    expect(stdout).not.toHaveBeenCalled();
    expect(realConsole).not.toHaveBeenCalled();
    stdout.mockRestore();
    realConsole.mockRestore();
    expect(seen.map((e) => [e.level, e.message])).toEqual([
      ['log', 'row 3 {"a":1}'],
      ['warn', 'Phone 8 912 is not valid'],
      ['error', 'Error: boom'],
      ['log', 'import: 250ms'],
    ]);
    expect(sink.entries()).toHaveLength(5);
    expect(sink.entries()[0].at).toBe(1000);
  });
});
