import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { Execution } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createUtilities } from 'workspace-emulator';

function setup(start = '2024-03-01T09:00:00Z') {
  const clock = new VirtualClock(start);
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  return { clock, calls, ctx, u: createUtilities(ctx) };
}

const d = (iso: string) => new Date(iso);

describe('Utilities.formatDate (Java SimpleDateFormat in a named zone)', () => {
  const { u } = setup();
  const summer = d('2024-07-01T12:34:56.789Z');

  it('formats in Moscow (UTC+3 all year, no DST)', () => {
    expect(u.formatDate(summer, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss.SSS Z')).toBe('2024-07-01 15:34:56.789 +0300');
    expect(u.formatDate(d('2024-01-15T21:30:00Z'), 'Europe/Moscow', 'dd.MM.yyyy HH:mm')).toBe('16.01.2024 00:30');
    expect(u.formatDate(summer, 'Europe/Moscow', 'd MMM yyyy, EEE z')).toBe('1 Jul 2024, Mon MSK');
  });

  it('formats in Tbilisi (UTC+4) with ISO offsets', () => {
    expect(u.formatDate(summer, 'Asia/Tbilisi', 'dd.MM.yyyy HH:mm XXX')).toBe('01.07.2024 16:34 +04:00');
    expect(u.formatDate(summer, 'Asia/Tbilisi', 'X XX')).toBe('+04 +0400');
  });

  it('formats in UTC, where ISO offsets print Z', () => {
    expect(u.formatDate(summer, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe('2024-07-01T12:34:56.789Z');
    expect(u.formatDate(summer, 'GMT', 'EEEE, MMMM d, yyyy h:mm a Z')).toBe('Monday, July 1, 2024 12:34 PM +0000');
  });

  it('follows DST in Berlin, including the skipped hour', () => {
    expect(u.formatDate(d('2024-01-15T12:00:00Z'), 'Europe/Berlin', 'HH:mm Z z')).toBe('13:00 +0100 CET');
    expect(u.formatDate(summer, 'Europe/Berlin', 'HH:mm Z z')).toBe('14:34 +0200 CEST');
    expect(u.formatDate(d('2024-03-31T00:59:59Z'), 'Europe/Berlin', 'HH:mm:ss')).toBe('01:59:59');
    expect(u.formatDate(d('2024-03-31T01:00:00Z'), 'Europe/Berlin', 'HH:mm:ss')).toBe('03:00:00');
    expect(u.formatDate(d('2024-10-27T00:30:00Z'), 'Europe/Berlin', 'HH:mm z')).toBe('02:30 CEST');
    expect(u.formatDate(d('2024-10-27T01:30:00Z'), 'Europe/Berlin', 'HH:mm z')).toBe('02:30 CET');
  });

  it('accepts Java custom GMT offsets that Intl does not know', () => {
    expect(u.formatDate(summer, 'GMT+03:00', 'HH:mm Z')).toBe('15:34 +0300');
    expect(u.formatDate(summer, 'GMT-5', 'HH:mm XXX')).toBe('07:34 -05:00');
  });

  it('reproduces the classic pattern traps users hit', () => {
    // YYYY is the week-based year; DD is the day of the year; mm is minutes; hh is the 12-hour clock.
    expect(u.formatDate(d('2024-12-30T10:00:00Z'), 'UTC', 'YYYY-MM-dd')).toBe('2025-12-30');
    expect(u.formatDate(d('2024-12-30T10:00:00Z'), 'UTC', 'yyyy-MM-dd')).toBe('2024-12-30');
    expect(u.formatDate(d('2024-02-01T10:00:00Z'), 'UTC', 'DD.MM.yyyy')).toBe('32.02.2024');
    expect(u.formatDate(d('2024-02-01T10:07:00Z'), 'UTC', 'dd.mm.yyyy')).toBe('01.07.2024');
    expect(u.formatDate(d('2024-02-01T00:05:00Z'), 'UTC', 'hh:mm a / HH:mm / KK / kk')).toBe(
      '12:05 AM / 00:05 / 00 / 24',
    );
    expect(u.formatDate(d('2024-02-01T10:00:00Z'), 'UTC', 'yy M d')).toBe('24 2 1');
  });

  it('handles quoted text and refuses unknown pattern letters', () => {
    expect(u.formatDate(d('2024-02-01T15:00:00Z'), 'UTC', "h 'o''clock' a, ''yy")).toBe("3 o'clock PM, '24");
    expect(() => u.formatDate(summer, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
    expect(() => u.formatDate(summer, 'UTC', "yyyy 'open")).toThrow('Unterminated quote');
  });

  it('refuses an unknown zone (Apps Script would silently use GMT) and a non-Date', () => {
    expect(() => u.formatDate(summer, 'Moscow', 'HH:mm')).toThrow('Invalid argument: timeZone');
    expect(() => u.formatDate('2024-07-01' as never, 'UTC', 'HH:mm')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities: strings, blobs, encodings', () => {
  it('formats printf-style strings', () => {
    const { u } = setup();
    expect(u.formatString('%s has %d items (%.1f%%)', 'Cart', 3, 42.26)).toBe('Cart has 3 items (42.3%)');
    expect(u.formatString('[%05d] [%-4s] [%4s] [%+d]', 42, 'ab', 'cd', 7)).toBe('[00042] [ab  ] [  cd] [+7]');
  });

  it('makes blobs whose bytes are Java signed bytes', () => {
    const { u } = setup();
    const blob = u.newBlob('Привет', 'text/csv', 'clients.csv');
    expect(blob.getName()).toBe('clients.csv');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getBytes().slice(0, 2)).toEqual([-48, -97]);
    expect(blob.getDataAsString()).toBe('Привет');
    const win = u.newBlob(blob.setDataFromString('Привет', 'windows-1251').getBytes());
    expect(win.getBytes()).toHaveLength(6);
    expect(win.getDataAsString('windows-1251')).toBe('Привет');
    expect(blob.copyBlob().setName('other.csv').getName()).toBe('other.csv');
    expect(blob.getName()).toBe('clients.csv');
  });

  it('encodes and decodes base64, standard and web-safe', () => {
    const { u } = setup();
    expect(u.base64Encode('Привет')).toBe(Buffer.from('Привет').toString('base64'));
    expect(u.base64Encode([-48, -97])).toBe('0J8=');
    expect(u.base64Decode('0J8=')).toEqual([-48, -97]);
    expect(u.base64EncodeWebSafe([0xfb, 0xff].map((b) => b - 256))).toBe('-_8=');
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => u.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  it('computes digests as signed bytes', () => {
    const { u } = setup();
    const sha = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    expect(sha[0]).toBe(0xba - 256);
    const hex = sha.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(u.Charset.UTF_8).toBe('UTF_8');
  });

  it('parses CSV with quotes, embedded line breaks and other delimiters', () => {
    const { u } = setup();
    expect(u.parseCsv('name,phone\r\n"Иванов, Иван","8 (912) 345-67-89"\n"say ""hi""","line1\nline2"\n')).toEqual([
      ['name', 'phone'],
      ['Иванов, Иван', '8 (912) 345-67-89'],
      ['say "hi"', 'line1\nline2'],
    ]);
    expect(u.parseCsv('a;b;\n;c', ';')).toEqual([
      ['a', 'b', ''],
      ['', 'c'],
    ]);
    expect(() => u.parseCsv('"open,field')).toThrow('Could not parse text.');
  });
});

describe('Utilities: ids and time', () => {
  it('gives unique, well-formed UUIDs, reproducible for the same workspace history', () => {
    const a = setup().u;
    const b = setup().u;
    const first = [a.getUuid(), a.getUuid()];
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0]).not.toBe(first[1]);
    expect([b.getUuid(), b.getUuid()]).toEqual(first);
  });

  it('sleeps on the virtual clock, uncounted as a call but charged to the run', () => {
    const { u, ctx, clock, calls } = setup();
    const exec = new Execution('script', 'retry');
    ctx.execution = exec;
    const before = clock.now();
    u.sleep(2000);
    expect(clock.now() - before).toBe(2000);
    expect(calls.count()).toBe(0);
    expect(exec.report().elapsedMs).toBeGreaterThanOrEqual(2000);
    expect(() => u.sleep(300_001)).toThrow('Invalid argument: milliseconds');
  });

  it('ends a card callback that sleeps past its 30-second budget', () => {
    const { u, ctx } = setup();
    const exec = new Execution('card', 'onGmailMessage');
    ctx.execution = exec;
    u.sleep(20_000);
    expect(() => u.sleep(20_000)).toThrow('Exceeded maximum execution time');
    expect(exec.killed).toBe('Exceeded maximum execution time');
    expect(() => u.sleep(1)).toThrow('Exceeded maximum execution time');
  });
});
