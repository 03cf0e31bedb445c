// Asterisk's Master.csv (cdr/cdr_csv.c) → call notices. No header row; one row per call leg: accountcode, src, dst,
// dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition
// (ANSWERED / NO ANSWER / BUSY / FAILED, CONGESTION on some versions), amaflags, then uniqueid and userfield when
// loguniqueid / loguserfield are on. Times are the server's local wall clock (UNVERIFIED: an install with usegmtime
// writes UTC; the office's zone is assumed). A ring group or queue writes one row per phone it rang, all with the
// caller channel's uniqueid: those rows are one call.

import { parseEventDate } from '../events/row';
import { hash64 } from '../hash';
import type { Locale } from '../i18n/locale';
import type { SourceRow } from '../import/types';
import type { CallLogRead } from './call-log';
import { logText } from './log-messages';
import type { CallNotice } from './notice';
import { isExtension, isOutsideNumber, wholeSeconds } from './values';

export const ASTERISK_COLUMNS = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'uniqueid',
  'userfield',
] as const;

type Column = (typeof ASTERISK_COLUMNS)[number];
/** Where each column is: cdr_csv's fixed order, or the names of a header row (a CDR report exported from the
 *  database: calldate, clid, src, dst, … in its own order). -1 = absent. */
export type AsteriskLayout = Record<Column, number>;
const POSITIONAL = Object.fromEntries(ASTERISK_COLUMNS.map((c, i) => [c, i])) as AsteriskLayout;
const at = (c: Column) => POSITIONAL[c];

/** The layout a header row names, when it names Asterisk's CDR columns (src, dst, billsec, disposition and the
 *  start — 'start' in Master.csv, 'calldate' in the cdr database table); undefined otherwise. */
export function asteriskHeaderLayout(headers: string[]): AsteriskLayout | undefined {
  const keys = headers.map((h) => h.trim().toLowerCase());
  const layout = Object.fromEntries(ASTERISK_COLUMNS.map((c) => [c, keys.indexOf(c)])) as AsteriskLayout;
  if (layout.start < 0) layout.start = keys.indexOf('calldate');
  const needed: Column[] = ['src', 'dst', 'billsec', 'disposition', 'start'];
  return needed.every((c) => layout[c] >= 0) ? layout : undefined;
}

const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION'];

/** Contexts FreePBX and hand-written dialplans route outside calls into. */
const INBOUND_CONTEXT = /from-(trunk|pstn|did|external|sip-external)|incoming|inbound/i;

/** The extension in a channel name: 'SIP/101-0000abcd', 'PJSIP/101-00000012', 'Local/101@from-queue-…'. */
export function channelExtension(channel: string): string | undefined {
  const m = /^(?:SIP|PJSIP|IAX2|DAHDI|Local|SCCP|MGCP|UNISTIM)\/(\d{2,5})(?:[-@/;,]|$)/i.exec(channel.trim());
  return m ? m[1] : undefined;
}

/** Whether header-less rows are a Master.csv: 16–18 columns and a disposition where cdr_csv puts it. */
export function looksLikeMasterCsv(rows: SourceRow[]): boolean {
  const sample = rows.slice(0, 50);
  if (sample.length === 0) return false;
  const fits = sample.filter((r) => {
    const n = r.cells.length;
    const disposition = (r.cells[at('disposition')]?.text ?? '').trim().toUpperCase();
    return n >= 15 && n <= 18 && DISPOSITIONS.includes(disposition);
  });
  return fits.length >= Math.max(1, sample.length * 0.8);
}

interface Leg {
  line: number;
  callId: string;
  start: Date;
  src: string;
  dst: string;
  dcontext: string;
  channel: string;
  dstchannel: string;
  billsec: number;
  disposition: string;
}

type Outcome = { skipped: true } | { skipped: false; notice: CallNotice } | { problem: Problem };
type Problem = CallLogRead['problems'][number];

function cell(row: SourceRow, c: Column, layout: AsteriskLayout): string {
  return layout[c] < 0 ? '' : (row.cells[layout[c]]?.text ?? '').trim();
}

interface Sheet {
  layout: AsteriskLayout;
  /** The file's header names, when it has a header row (problems name its columns as the file does). */
  headers?: string[];
}

/** uniqueid is '1764573300.16' (epoch.sequence); in a header-less file, a 17th column that is not one is the
 *  userfield (cdr_csv with loguniqueid off and loguserfield on). */
function uniqueId(row: SourceRow, sheet: Sheet): string {
  const id = cell(row, 'uniqueid', sheet.layout);
  return sheet.headers || /^\d+(\.\d+)+$/.test(id) ? id : '';
}

function readLeg(row: SourceRow, sheet: Sheet, timeZone: string, locale: Locale, problems: Problem[]): Leg | undefined {
  const get = (c: Column) => cell(row, c, sheet.layout);
  const problem = (column: Column, message: string) => {
    problems.push({
      row: row.rowNumber,
      column: sheet.headers?.[sheet.layout[column]] ?? column,
      value: get(column),
      message,
    });
    return undefined;
  };
  const startText = get('start');
  const when = parseEventDate(startText, timeZone);
  if (!when || when.allDay) return problem('start', logText(locale, 'badStart'));
  const disposition = get('disposition').toUpperCase();
  if (!DISPOSITIONS.includes(disposition)) return problem('disposition', logText(locale, 'badDisposition'));
  const billsec = wholeSeconds(get('billsec'));
  if (billsec === undefined) return problem('billsec', logText(locale, 'badBillsec'));
  const src = get('src');
  const dst = get('dst');
  const channel = get('channel');
  return {
    line: row.rowNumber,
    callId: uniqueId(row, sheet) || `h${hash64(`${startText}|${src}|${dst}|${channel}`)}`,
    start: when.at,
    src,
    dst,
    dcontext: get('dcontext'),
    channel,
    dstchannel: get('dstchannel'),
    billsec,
    disposition,
  };
}

/** Someone of ours talked: Asterisk says ANSWERED and bridged the call to a peer. A call the voicemail or an IVR
 *  answered is ANSWERED with no dstchannel — for the office it was missed. */
function talked(leg: Leg): boolean {
  return leg.disposition === 'ANSWERED' && leg.dstchannel !== '';
}

function toCall(legs: Leg[], locale: Locale): Outcome {
  const answeredLegs = legs.filter(talked);
  const chosen = answeredLegs.length ? answeredLegs.reduce((a, b) => (b.billsec > a.billsec ? b : a)) : legs[0];
  const first = legs[0];
  const start = new Date(Math.min(...legs.map((l) => l.start.getTime())));
  const srcExt = channelExtension(first.channel) ?? (isExtension(first.src) ? first.src : undefined);
  const dstExt = channelExtension(chosen.dstchannel) ?? (isExtension(chosen.dst) ? chosen.dst : undefined);
  const srcOutside = !srcExt && isOutsideNumber(first.src);
  const dstOutside = isOutsideNumber(first.dst);
  const base = {
    source: 'asterisk' as const,
    callId: first.callId,
    type: 'cdr',
    stage: 'end' as const,
    startAt: start,
    answered: answeredLegs.length > 0,
    talkSeconds: answeredLegs.length ? chosen.billsec : 0,
  };
  if (srcOutside && (INBOUND_CONTEXT.test(first.dcontext) || !dstOutside || dstExt)) {
    const notice: CallNotice = { ...base, direction: 'in', clientNumber: first.src };
    if (dstOutside) notice.ourNumber = first.dst;
    if (dstExt) notice.extension = dstExt;
    return { skipped: false, notice };
  }
  if (srcExt && dstOutside) {
    return { skipped: false, notice: { ...base, direction: 'out', clientNumber: first.dst, extension: srcExt } };
  }
  if (srcExt && (dstExt || isExtension(first.dst))) return { skipped: true };
  return {
    problem: {
      row: first.line,
      column: 'src',
      value: first.src,
      message: logText(locale, 'noOutsideParty'),
    },
  };
}

/**
 * Reads CDR rows: a header-less Master.csv by cdr_csv's column order, or (with `headers`) a CDR export whose header
 * row names the columns.
 */
export function readMasterCsv(
  rows: SourceRow[],
  timeZone: string,
  locale: Locale,
  headers?: string[],
): Pick<CallLogRead, 'notices' | 'skipped' | 'problems' | 'decisions'> {
  const layout = headers ? asteriskHeaderLayout(headers) : POSITIONAL;
  const sheet: Sheet = headers && layout ? { layout, headers } : { layout: POSITIONAL };
  const problems: Problem[] = [];
  const groups = new Map<string, Leg[]>();
  let hashed = 0;
  for (const row of rows) {
    const leg = readLeg(row, sheet, timeZone, locale, problems);
    if (!leg) continue;
    if (!uniqueId(row, sheet)) hashed++;
    const group = groups.get(leg.callId);
    if (group) group.push(leg);
    else groups.set(leg.callId, [leg]);
  }
  const notices: CallLogRead['notices'] = [];
  let skipped = 0;
  let merged = 0;
  for (const legs of groups.values()) {
    const outcome = toCall(legs, locale);
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      // The other legs of a call we could not read are that same problem, not silently dropped rows.
      for (const leg of legs.slice(1)) problems.push({ ...outcome.problem, row: leg.line });
      continue;
    }
    if (outcome.skipped) skipped += legs.length;
    else {
      notices.push({ line: legs[0].line, notice: outcome.notice });
      merged += legs.length - 1;
    }
  }
  const decisions = [
    logText(locale, sheet.headers ? 'cdrExport' : 'masterCsv'),
    logText(locale, 'wallClock', { timeZone }),
    logText(locale, 'answeredRule'),
  ];
  if (merged) decisions.push(logText(locale, 'furtherLegs', { count: merged }));
  if (hashed) decisions.push(logText(locale, 'noUniqueId', { count: hashed }));
  if (skipped) decisions.push(logText(locale, 'internalCalls', { count: skipped }));
  return { notices, skipped, problems, decisions };
}
