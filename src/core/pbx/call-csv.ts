// A call history with a header row (a PBX panel's export, a spreadsheet someone keeps) → call notices. Columns are
// told by their names in Russian or English, compared by the client import's header key (case, spaces and
// punctuation ignored); each guess is stated as a decision, and each row that cannot be a call says why.

import { parseEventDate } from '../events/row';
import { hash64 } from '../hash';
import { headerKey } from '../import/mapping/header-key';
import { ReadError } from '../import/readers/read-error';
import type { Locale } from '../i18n/locale';
import type { SourceRow, SourceTable } from '../import/types';
import type { CallLogRead } from './call-log';
import { type LogKey, logText } from './log-messages';
import type { CallDirection, CallNotice } from './notice';
import { isExtension, isOutsideNumber, parseDuration, phoneDigits } from './values';

export type CallColumn =
  | 'date'
  | 'time'
  | 'from'
  | 'to'
  | 'client'
  | 'direction'
  | 'talk'
  | 'duration'
  | 'status'
  | 'id'
  | 'extension'
  | 'recording'
  | 'ours';

/** Header keys (headerKey: lower case, letters and digits only) for each column, exact names first, then stems. */
const NAMES: Array<[CallColumn, string[], RegExp?]> = [
  [
    'date',
    [
      'дата',
      'датаивремя',
      'датавремя',
      'датазвонка',
      'времязвонка',
      'датаивремязвонка',
      'начало',
      'началозвонка',
      'date',
      'datetime',
      'dateandtime',
      'calldate',
      'start',
      'starttime',
      'started',
      'calltime',
      'timestamp',
    ],
    /^дата/,
  ],
  ['time', ['время', 'time']],
  [
    'from',
    [
      'откого',
      'ктозвонил',
      'звонящий',
      'номерзвонящего',
      'вызывающий',
      'вызывающийномер',
      'источник',
      'аон',
      'from',
      'caller',
      'callerid',
      'callernumber',
      'fromnumber',
      'source',
      'src',
      'callingnumber',
    ],
  ],
  [
    'to',
    [
      'кому',
      'куда',
      'комузвонили',
      'кудазвонили',
      'вызываемый',
      'вызываемыйномер',
      'набранныйномер',
      'назначение',
      'to',
      'called',
      'callee',
      'tonumber',
      'destination',
      'dst',
      'dialed',
      'dialednumber',
      'callednumber',
    ],
  ],
  [
    'client',
    [
      'номер',
      'телефон',
      'номертелефона',
      'номерклиента',
      'телефонклиента',
      'абонент',
      'номерабонента',
      'клиент',
      'phone',
      'number',
      'phonenumber',
      'clientnumber',
      'customernumber',
      'contactnumber',
    ],
  ],
  ['direction', ['направление', 'тип', 'типзвонка', 'типвызова', 'вид', 'direction', 'type', 'calltype', 'dir']],
  [
    'talk',
    [
      'разговор',
      'длительностьразговора',
      'времяразговора',
      'продолжительностьразговора',
      'talk',
      'talktime',
      'talkduration',
      'billsec',
      'billable',
      'conversation',
    ],
  ],
  [
    'duration',
    ['длительность', 'продолжительность', 'длительностьзвонка', 'duration', 'callduration', 'length', 'total'],
  ],
  [
    'status',
    [
      'статус',
      'результат',
      'состояние',
      'итог',
      'статусзвонка',
      'status',
      'disposition',
      'result',
      'outcome',
      'callstatus',
      'state',
    ],
  ],
  [
    'id',
    [
      'id',
      'ид',
      'идзвонка',
      'idзвонка',
      'идентификатор',
      'идентификаторзвонка',
      'callid',
      'uniqueid',
      'уникальныйid',
      'код',
    ],
  ],
  [
    'extension',
    ['внутренний', 'внутреннийномер', 'добавочный', 'доб', 'extension', 'ext', 'internal', 'agentextension'],
  ],
  [
    'recording',
    [
      'запись',
      'записьразговора',
      'ссылканазапись',
      'ссылка',
      'recording',
      'record',
      'recordingurl',
      'recordurl',
      'link',
      'url',
    ],
  ],
  [
    'ours',
    [
      'нашномер',
      'линия',
      'номерлинии',
      'виртуальныйномер',
      'номеркомпании',
      'входящаялиния',
      'did',
      'line',
      'linenumber',
      'ournumber',
      'trunk',
    ],
  ],
];

/** How a decision names each column's meaning (log-messages.ts). */
const WORDS: Record<CallColumn, LogKey> = {
  date: 'colDate',
  time: 'colTime',
  from: 'colFrom',
  to: 'colTo',
  client: 'colClient',
  direction: 'colDirection',
  talk: 'colTalk',
  duration: 'colDuration',
  status: 'colStatus',
  id: 'colId',
  extension: 'colExtension',
  recording: 'colRecording',
  ours: 'colOurs',
};

/** Which of our columns a header names, or undefined. */
export function callColumn(header: string): CallColumn | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  for (const [column, names] of NAMES) if (names.includes(key)) return column;
  for (const [column, , stem] of NAMES) if (stem && stem.test(key)) return column;
  return undefined;
}

const DIRECTION_WORDS: Array<[CallDirection | 'missed' | 'internal', string[]]> = [
  ['in', ['входящий', 'входящие', 'входящая', 'входящий звонок', 'вход', 'вх', 'in', 'inbound', 'incoming', 'inc']],
  ['out', ['исходящий', 'исходящие', 'исходящая', 'исход', 'исх', 'out', 'outbound', 'outgoing']],
  ['missed', ['пропущенный', 'пропущен', 'пропущенные', 'missed']],
  ['internal', ['внутренний', 'внутренние', 'internal', 'local']],
];

const ANSWERED = [
  'отвечен',
  'отвечено',
  'отвеченный',
  'принят',
  'принятый',
  'успешно',
  'успешный',
  'разговор',
  'answered',
  'answer',
  'success',
  'successful',
  'completed',
  'ok',
  'да',
  'yes',
];
const NOT_ANSWERED = [
  'пропущен',
  'пропущенный',
  'неотвечен',
  'неотвечено',
  'безответа',
  'нетответа',
  'недозвон',
  'занято',
  'отклонен',
  'сброшен',
  'неудачно',
  'ошибка',
  'отменен',
  'missed',
  'noanswer',
  'notanswered',
  'unanswered',
  'busy',
  'failed',
  'cancel',
  'canceled',
  'cancelled',
  'rejected',
  'congestion',
  'нет',
  'no',
];

function wordKey(text: string): string {
  return headerKey(text);
}

function directionOf(text: string): CallDirection | 'missed' | 'internal' | undefined {
  const key = wordKey(text);
  for (const [d, words] of DIRECTION_WORDS) if (words.some((w) => wordKey(w) === key)) return d;
  return undefined;
}

function answeredOf(text: string): boolean | undefined {
  const key = wordKey(text);
  if (ANSWERED.includes(key)) return true;
  if (NOT_ANSWERED.includes(key)) return false;
  return undefined;
}

type Problem = CallLogRead['problems'][number];

export function readCallCsv(
  table: SourceTable,
  fileName: string,
  timeZone: string,
  locale: Locale,
): Pick<CallLogRead, 'notices' | 'skipped' | 'problems' | 'decisions'> {
  const cols: Partial<Record<CallColumn, number>> = {};
  const decisions: string[] = [];
  const what = (c: CallColumn) => logText(locale, WORDS[c]);
  table.headers.forEach((header, index) => {
    const column = callColumn(header);
    if (column && cols[column] === undefined) {
      cols[column] = index;
      decisions.push(logText(locale, 'columnRead', { header, what: what(column) }));
    } else if (header.trim() !== '') {
      decisions.push(
        column
          ? logText(locale, 'columnTaken', {
              header,
              other: table.headers[cols[column] as number],
              what: what(column),
            })
          : logText(locale, 'columnUnused', { header }),
      );
    }
  });
  if (cols.date === undefined)
    throw new ReadError('no-header', fileName, logText(locale, 'noDateColumn', { file: fileName }));
  if (cols.from === undefined && cols.to === undefined && cols.client === undefined)
    throw new ReadError('no-header', fileName, logText(locale, 'noPhoneColumn', { file: fileName }));
  if (cols.status === undefined)
    decisions.push(
      logText(locale, cols.talk !== undefined || cols.duration !== undefined ? 'noStatusColumn' : 'noStatusOrTalk'),
    );
  if (cols.direction === undefined) decisions.push(logText(locale, 'noDirectionColumn'));

  const problems: Problem[] = [];
  const notices: CallLogRead['notices'] = [];
  let skipped = 0;
  let merged = 0;
  const byId = new Map<string, CallNotice>();
  const header = (c: CallColumn) => table.headers[cols[c] as number];
  const text = (row: SourceRow, c: CallColumn) =>
    cols[c] === undefined ? '' : (row.cells[cols[c] as number]?.text ?? '').trim();

  for (const row of table.rows) {
    const problem = (c: CallColumn, key: LogKey) =>
      problems.push({
        row: row.rowNumber,
        // 'the caller' with no caller column: the number column it came from instead.
        column: header(c) ?? header('client') ?? '',
        value: cols[c] === undefined ? text(row, 'client') : text(row, c),
        message: logText(locale, key),
      });
    const outcome = readRow(row, text, timeZone);
    if (outcome === 'skip') skipped++;
    else if ('problem' in outcome) problem(outcome.problem[0], outcome.problem[1]);
    else {
      const known = byId.get(outcome.notice.callId);
      if (known) {
        merge(known, outcome.notice);
        merged++;
      } else {
        byId.set(outcome.notice.callId, outcome.notice);
        notices.push({ line: row.rowNumber, notice: outcome.notice });
      }
    }
  }
  if (merged) decisions.push(logText(locale, 'repeatedIds', { count: merged }));
  return { notices, skipped, problems, decisions };
}

/** Several rows of one call (the legs a PBX writes for a ring group): answered when any leg was, with the talk
 *  time, extension and recording of the leg that talked. */
function merge(call: CallNotice, leg: CallNotice): void {
  if (leg.answered && (!call.answered || (leg.talkSeconds ?? 0) > (call.talkSeconds ?? 0))) {
    call.answered = true;
    call.talkSeconds = leg.talkSeconds;
    if (leg.extension) call.extension = leg.extension;
  }
  if (leg.startAt && call.startAt && leg.startAt < call.startAt) call.startAt = leg.startAt;
  if (!call.recording && leg.recording) call.recording = leg.recording;
}

type RowOutcome = 'skip' | { problem: [CallColumn, LogKey] } | { notice: CallNotice };

function sameNumber(a: string, b: string): boolean {
  const [x, y] = [phoneDigits(a), phoneDigits(b)];
  return x !== '' && x === y;
}

function readRow(row: SourceRow, text: (row: SourceRow, c: CallColumn) => string, timeZone: string): RowOutcome {
  const cell = (c: CallColumn) => text(row, c);
  // The date: a date cell of a workbook, or text; a separate time column joins it.
  const dateCell = cell('date');
  if (!dateCell) return { problem: ['date', 'noDate'] };
  const time = cell('time');
  const when = parseEventDate(time && !/\d[:.]\d\d/.test(dateCell) ? `${dateCell} ${time}` : dateCell, timeZone);
  if (!when) return { problem: ['date', 'badDate'] };

  const rawDirection = cell('direction');
  let direction = rawDirection ? directionOf(rawDirection) : undefined;
  if (rawDirection && !direction) return { problem: ['direction', 'badDirection'] };
  if (direction === 'internal') return 'skip';
  let missed = false;
  if (direction === 'missed') {
    direction = 'in';
    missed = true;
  }
  const from = cell('from');
  const to = cell('to');
  const ext = cell('extension');
  const ours = cell('ours');
  const isOurs = (n: string) => n !== '' && (isExtension(n) || sameNumber(n, ours) || (ext !== '' && n === ext));

  if (!direction) {
    const fromOurs = isOurs(from);
    const toOurs = isOurs(to);
    if (fromOurs && toOurs) return 'skip';
    if (fromOurs && to) direction = 'out';
    else if (toOurs && from) direction = 'in';
    else return { problem: [from ? 'to' : 'from', 'unknownDirection'] };
  }
  const inbound = direction === 'in';
  const clientSide = inbound ? 'from' : 'to';
  const client = (inbound ? from : to) || cell('client');
  if (!client) return { problem: [clientSide, 'noOutsideNumber'] };
  if (!isOutsideNumber(client)) {
    if (isExtension(client)) return 'skip'; // both sides are ours: an internal call
    return { problem: [inbound ? 'from' : 'to', 'notPhone'] };
  }
  const notice: CallNotice = {
    source: 'csv',
    callId: cell('id') || `h${hash64(`${dateCell} ${time}|${from}|${to}|${cell('client')}|${direction}`)}`,
    type: 'call',
    stage: 'end',
    direction,
    clientNumber: client,
    startAt: when.at,
  };
  const otherSide = inbound ? to : from;
  const line = ours || (isOutsideNumber(otherSide) ? otherSide : '');
  if (line) notice.ourNumber = line;
  const extension = ext || (isExtension(otherSide) ? otherSide : '');
  if (extension) notice.extension = extension;

  const talkText = cell('talk') || cell('duration');
  const talkColumn: CallColumn = cell('talk') ? 'talk' : 'duration';
  const talk = talkText ? parseDuration(talkText) : undefined;
  if (talkText && talk === undefined) return { problem: [talkColumn, 'badDuration'] };
  const statusText = cell('status');
  let answered: boolean | undefined = statusText ? answeredOf(statusText) : undefined;
  if (statusText && answered === undefined) return { problem: ['status', 'badStatus'] };
  if (missed) answered = false;
  if (answered === undefined) {
    if (talk === undefined) return { problem: ['status', 'unknownAnswered'] };
    answered = talk > 0;
  }
  notice.answered = answered;
  notice.talkSeconds = answered ? (talk ?? 0) : 0;
  const recording = cell('recording');
  if (recording) notice.recording = recording;
  return { notice };
}
