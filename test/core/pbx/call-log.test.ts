// Importing a PBX call log: Asterisk's Master.csv (header-less, one row per leg, Windows-1251 caller names) and a
// call history with Russian headers and `;` as a Russian Excel saves it. Every row ends as a call, a skipped internal
// call or a problem naming its line, column and value. Fixtures: test/fixtures/pbx (generate.ts writes them).

import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { ReadError } from '../../../src/core/import/readers';
import { readCallLog } from '../../../src/core/pbx/call-log';
import { noticeKey } from '../../../src/core/pbx/notice';

const DIR = path.join(__dirname, '../../fixtures/pbx');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));
const zone = { timeZone: 'Europe/Moscow' };
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('Asterisk Master.csv', () => {
  const log = readCallLog(fixture('Master.csv'), 'Master.csv', zone);

  test('is recognised without --format, with its encoding stated', () => {
    expect(log.format).toBe('asterisk');
    expect(log.decisions.join('\n')).toMatch(/windows-1251/i);
    expect(log.decisions).toContain('Recognised as an Asterisk call log.');
  });

  test('the two legs of a ring-group call are one answered call, talked by the leg that answered', () => {
    const calls = log.notices.filter((n) => n.notice.callId === '1764573300.16');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      line: 1,
      notice: {
        source: 'asterisk',
        callId: '1764573300.16',
        type: 'cdr',
        stage: 'end',
        direction: 'in',
        clientNumber: '89123456789',
        ourNumber: '74951234567',
        extension: '102',
        startAt: new Date('2026-12-01T07:15:00Z'),
        answered: true,
        talkSeconds: 185,
      },
    });
  });

  test('missed inbound, answered and busy outbound, and the voicemail as missed', () => {
    const byId = new Map(log.notices.map((n) => [n.notice.callId, n.notice]));
    expect(byId.get('1764614412.32')).toMatchObject({
      direction: 'in',
      clientNumber: '79169998877',
      answered: false,
      talkSeconds: 0,
    });
    expect(byId.get('1764576150.26')).toMatchObject({
      direction: 'out',
      clientNumber: '89031112233',
      extension: '101',
      answered: true,
      talkSeconds: 60,
    });
    expect(byId.get('1764576300.28')).toMatchObject({
      direction: 'out',
      clientNumber: '84997654321',
      extension: '102',
      answered: false,
    });
    expect(byId.get('1764616200.48')).toMatchObject({
      direction: 'in',
      clientNumber: '79265554433',
      answered: false,
      talkSeconds: 0,
    });
  });

  test('the internal call is skipped, the damaged row is a problem, and no row is lost', () => {
    expect(log.skipped).toBe(1);
    expect(log.notices.some((n) => n.notice.clientNumber === '102')).toBe(false);
    expect(log.problems).toEqual([
      { row: 8, column: 'start', value: 'вчера', message: expect.stringContaining('not a time') },
    ]);
    const mergedLegs = 1;
    expect(log.rows).toBe(8);
    expect(log.notices.length + mergedLegs + log.skipped + log.problems.length).toBe(log.rows);
  });

  test('without uniqueid: calls keyed by start, src, dst and channel, the same on every import', () => {
    const a = readCallLog(fixture('Master-no-uniqueid.csv'), 'Master-no-uniqueid.csv', zone);
    const b = readCallLog(fixture('Master-no-uniqueid.csv'), 'copy.csv', zone);
    expect(a.format).toBe('asterisk');
    expect(a.notices).toHaveLength(2); // the two unanswered ring-group legs are one missed call
    expect(a.notices[0].notice).toMatchObject({ direction: 'in', answered: false, clientNumber: '89123456789' });
    expect(a.notices[1].notice).toMatchObject({ direction: 'out', answered: true, talkSeconds: 120 });
    expect(a.notices.map((n) => noticeKey(n.notice))).toEqual(b.notices.map((n) => noticeKey(n.notice)));
    expect(new Set(a.notices.map((n) => n.notice.callId)).size).toBe(2);
  });

  test('PJSIP and Local channels name the extension; an unknown disposition is a problem', () => {
    const text = [
      '"","101","89031112233","from-internal","""Офис"" <101>","Local/101@from-internal-00000001;2","PJSIP/trunk-00000002","Dial","PJSIP/89031112233@trunk","2026-12-01 15:00:00","2026-12-01 15:00:09","2026-12-01 15:01:09",69,60,"ANSWERED","DOCUMENTATION","1764590400.7",""',
      '"","101","89031112233","from-internal","","SIP/101-00000003","SIP/trunk-00000004","Dial","","2026-12-01 15:05:00","","2026-12-01 15:05:03",3,0,"WHATEVER","DOCUMENTATION","1764590700.9",""',
    ].join('\n');
    const r = readCallLog(utf8(text), 'Master.csv', { ...zone, format: 'asterisk' });
    expect(r.notices[0].notice).toMatchObject({ direction: 'out', extension: '101', answered: true });
    expect(r.problems).toEqual([{ row: 2, column: 'disposition', value: 'WHATEVER', message: expect.any(String) }]);
  });
});

describe('a call history with a header row', () => {
  const log = readCallLog(fixture('calls-1251.csv'), 'calls-1251.csv', zone);

  test('Russian headers in Windows-1251 with `;`: each column guess stated', () => {
    expect(log.format).toBe('csv');
    expect(log.decisions).toEqual(
      expect.arrayContaining([
        // The readers' own sentence on the guessed encoding, then only the separator: one line on the encoding.
        expect.stringMatching(/read as Windows-1251.*Cyrillic words/),
        'Columns of "calls-1251.csv" are separated by semicolons.',
        "Column 'Кто звонил' read as the caller's number.",
        "Column 'Кому звонили' read as the number called.",
        "Column 'Дата и время' read as the call's date and time.",
        "Column 'Длительность разговора' read as the talk time.",
        "Column 'Статус' read as whether the call was answered.",
      ]),
    );
  });

  test('answered inbound with mm:ss talk time and a recording, missed inbound, answered outbound', () => {
    expect(log.notices.map((n) => n.line)).toEqual([2, 3, 4]);
    expect(log.notices[0].notice).toMatchObject({
      source: 'csv',
      direction: 'in',
      clientNumber: '+7 912 345-67-89',
      ourNumber: '74951234567',
      extension: '102',
      startAt: new Date('2026-12-01T07:15:00Z'),
      answered: true,
      talkSeconds: 185,
      recording: 'https://pbx.example.ru/rec/1.mp3',
    });
    expect(log.notices[1].notice).toMatchObject({ direction: 'in', answered: false, talkSeconds: 0 });
    expect(log.notices[2].notice).toMatchObject({
      direction: 'out',
      clientNumber: '89031112233',
      extension: '101',
      talkSeconds: 60,
    });
  });

  test('the internal call is skipped; a row without a date or an outside number is a problem with its line', () => {
    expect(log.skipped).toBe(1);
    expect(log.problems).toEqual([
      { row: 6, column: 'Дата и время', value: '', message: 'The call has no date.' },
      { row: 7, column: 'Кто звонил', value: '', message: 'The call has no outside number.' },
    ]);
    expect(log.notices.length + log.skipped + log.problems.length).toBe(log.rows);
  });

  test('no direction column: told by which side is our extension; ISO dates and seconds', () => {
    const text = [
      'Date,Caller,Called,Duration,Call ID',
      '2026-12-01 09:00:00,79161234567,101,45,c-1',
      '2026-12-01 09:10:00,102,79031112233,0,c-2',
      '2026-12-01 09:20:00,101,102,30,c-3',
      '2026-12-01 09:30:00,79161234567,79031112233,30,c-4',
    ].join('\n');
    const r = readCallLog(utf8(text), 'calls.csv', zone);
    expect(
      r.notices.map((n) => [n.notice.callId, n.notice.direction, n.notice.answered, n.notice.talkSeconds]),
    ).toEqual([
      ['c-1', 'in', true, 45],
      ['c-2', 'out', false, 0],
    ]);
    expect(r.skipped).toBe(1);
    expect(r.problems).toEqual([
      { row: 5, column: 'Called', value: '79031112233', message: expect.stringContaining('incoming or outgoing') },
    ]);
    expect(r.decisions).toContain('No status column: a call with talk time counts as answered.');
  });

  test('a CDR export with a header row (the cdr table: calldate…) is read like Master.csv, legs merged', () => {
    const text = [
      'calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield',
      '2026-12-01 10:15:00,"""Иванов"" <89123456789>",89123456789,74951234567,from-trunk,SIP/trunk-00000010,SIP/101-00000011,Dial,"SIP/101&SIP/102",8,0,NO ANSWER,3,,1764573300.16,',
      '2026-12-01 10:15:00,"""Иванов"" <89123456789>",89123456789,74951234567,from-trunk,SIP/trunk-00000010,SIP/102-00000012,Dial,"SIP/101&SIP/102",193,185,ANSWERED,3,,1764573300.16,',
      'yesterday,"",101,89031112233,from-internal,SIP/101-00000013,SIP/trunk-00000014,Dial,,10,5,ANSWERED,3,,1764576150.26,',
    ].join('\n');
    const r = readCallLog(utf8(text), 'cdr.csv', zone);
    expect(r.format).toBe('asterisk');
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0].notice).toMatchObject({
      callId: '1764573300.16',
      direction: 'in',
      answered: true,
      talkSeconds: 185,
      extension: '102',
    });
    expect(r.problems).toEqual([{ row: 4, column: 'calldate', value: 'yesterday', message: expect.any(String) }]);
  });

  test('rows repeating a call id are one call: answered by the leg that talked', () => {
    const text = [
      'ID звонка;Дата;Кто звонил;Кому;Статус;Разговор',
      'c-7;01.12.2026 10:15:00;79161234567;101;Не отвечен;0',
      'c-7;01.12.2026 10:15:00;79161234567;102;Отвечен;00:02:05',
    ].join('\n');
    const r = readCallLog(utf8(text), 'calls.csv', zone);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0].notice).toMatchObject({ callId: 'c-7', answered: true, talkSeconds: 125, extension: '102' });
    expect(r.decisions).toContain(
      'Rows that repeat the id of a call above (a leg of a ring group or a transfer): 1. Each is read as part of that call.',
    );
    expect(r.decisions[0]).toBe('"calls.csv" was read as UTF-8, columns separated by semicolons.');
  });

  test('bad values name their column: a date, a duration, a status, a direction', () => {
    const text = [
      'Дата;Тип;Номер;Длительность;Результат',
      '31.02.2026 10:00;входящий;79161234567;10;отвечен',
      '01.12.2026 10:00;входящий;79161234567;долго;отвечен',
      '01.12.2026 10:00;входящий;79161234567;10;может быть',
      '01.12.2026 10:00;туда-сюда;79161234567;10;отвечен',
      '01.12.2026 10:00;пропущенный;79161234567;0;',
    ].join('\r\n');
    const r = readCallLog(new Uint8Array(iconv.encode(text, 'win1251')), 'calls.csv', zone);
    expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'Дата', '31.02.2026 10:00'],
      [3, 'Длительность', 'долго'],
      [4, 'Результат', 'может быть'],
      [5, 'Тип', 'туда-сюда'],
    ]);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0].line).toBe(6);
    expect(r.notices[0].notice).toMatchObject({
      direction: 'in',
      answered: false,
      clientNumber: '79161234567',
    });
  });

  test('a file with no date column or a header-less file that is no Master.csv is refused as a whole', () => {
    expect(() => readCallLog(utf8('Name,Phone\nАнна,79161234567\n'), 'x.csv', zone)).toThrow(ReadError);
    expect(() =>
      readCallLog(utf8('79161234567,2026-12-01 10:00,45\n79031112233,2026-12-01 11:00,0\n'), 'y.csv', zone),
    ).toThrow(/no header row/);
  });
});

describe("in the office's language", () => {
  const cyrillicOrCode = /[а-яё]/i;

  test('a Russian office gets Russian decisions and problems, and one decision on the encoding', () => {
    const log = readCallLog(fixture('Master.csv'), 'Master.csv', { ...zone, locale: 'ru_RU' });
    expect(log.format).toBe('asterisk');
    for (const d of log.decisions) expect(d).toMatch(cyrillicOrCode);
    expect(log.decisions.join('\n')).not.toMatch(/\b(read as|columns separated|Recognised|Times read)\b/);
    expect(log.decisions.filter((d) => /1251/.test(d))).toHaveLength(1);
    expect(log.decisions).toContain('Распознан как журнал звонков Asterisk.');
    expect(log.decisions).toContain('Столбцы файла «Master.csv» разделены запятыми.');
    expect(log.problems).toEqual([
      { row: 8, column: 'start', value: 'вчера', message: 'Начало звонка — не время вида 2026-12-01 10:15:00.' },
    ]);
  });

  test('a UTF-8 call history in Russian: the encoding and separator in one sentence, column guesses and counts', () => {
    const text = [
      'ID звонка;Дата;Кто звонил;Кому;Статус;Разговор',
      'c-7;01.12.2026 10:15:00;79161234567;101;Не отвечен;0',
      'c-7;01.12.2026 10:15:00;79161234567;102;Отвечен;00:02:05',
      ';01.12.2026 10:20:00;79161234567;101;может быть;0',
    ].join('\n');
    const r = readCallLog(utf8(text), 'calls.csv', { ...zone, locale: 'ru' });
    expect(r.decisions[0]).toBe('Файл «calls.csv» прочитан как UTF-8, столбцы разделены точками с запятой.');
    expect(r.decisions.filter((d) => /UTF-8/.test(d))).toHaveLength(1);
    expect(r.decisions).toContain('Столбец «Кто звонил» прочитан как номер звонящего.');
    expect(r.decisions.join('\n')).toMatch(/повторяющих id звонка выше.*: 1\./);
    expect(r.problems).toEqual([
      { row: 4, column: 'Статус', value: 'может быть', message: 'Статус не говорит ни «отвечен», ни «пропущен».' },
    ]);
    for (const d of r.decisions) expect(d).toMatch(cyrillicOrCode);
  });

  test('a Georgian office is refused a file in Georgian; an unknown locale falls back to English', () => {
    expect(() => readCallLog(utf8('Name,Phone\nАнна,79161234567\n'), 'x.csv', { ...zone, locale: 'ka' })).toThrow(
      /ფაილის „x\.csv“ არცერთი სვეტი/,
    );
    const fr = readCallLog(fixture('Master.csv'), 'Master.csv', { ...zone, locale: 'fr' });
    expect(fr.decisions).toContain('Recognised as an Asterisk call log.');
  });
});
