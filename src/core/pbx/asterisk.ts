// Asterisk's Master.csv (cdr/cdr_csv.c) → call notices. No header row; one row per call leg: accountcode, src, dst,
// dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition
// (ANSWERED / NO ANSWER / BUSY / FAILED, CONGESTION on some versions), amaflags, then uniqueid and userfield when
// loguniqueid / loguserfield are on. Times are the server's local wall clock (UNVERIFIED: an install with usegmtime
// writes UTC; the office's zone is assumed). A ring group or queue writes one row per phone it rang, all with the
// caller channel's uniqueid: those rows are one call.

import { parseEventDate } from '../events/row';
import { hash64 } from '../hash';
import type { SourceRow } from '../import/types';
import type { CallLogRead } from './call-log';
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
const at = (c: Column) => ASTERISK_COLUMNS.indexOf(c);

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

function cell(row: SourceRow, c: Column): string {
  return (row.cells[at(c)]?.text ?? '').trim();
}

/** uniqueid is '1764573300.16' (epoch.sequence); a 17th column that is not one is the userfield. */
function uniqueId(row: SourceRow): string {
  const id = cell(row, 'uniqueid');
  return /^\d+(\.\d+)+$/.test(id) ? id : '';
}

function readLeg(row: SourceRow, timeZone: string, problems: Problem[]): Leg | undefined {
  const problem = (column: Column, message: string) => {
    problems.push({ row: row.rowNumber, column, value: cell(row, column), message });
    return undefined;
  };
  const startText = cell(row, 'start');
  const when = parseEventDate(startText, timeZone);
  if (!when || when.allDay) return problem('start', 'The call start is not a time like 2026-12-01 10:15:00.');
  const disposition = cell(row, 'disposition').toUpperCase();
  if (!DISPOSITIONS.includes(disposition))
    return problem('disposition', 'The disposition is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION.');
  const billsec = wholeSeconds(cell(row, 'billsec'));
  if (billsec === undefined) return problem('billsec', 'billsec is not a whole number of seconds.');
  const src = cell(row, 'src');
  const dst = cell(row, 'dst');
  const channel = cell(row, 'channel');
  return {
    line: row.rowNumber,
    callId: uniqueId(row) || `h${hash64(`${startText}|${src}|${dst}|${channel}`)}`,
    start: when.at,
    src,
    dst,
    dcontext: cell(row, 'dcontext'),
    channel,
    dstchannel: cell(row, 'dstchannel'),
    billsec,
    disposition,
  };
}

/** Someone of ours talked: Asterisk says ANSWERED and bridged the call to a peer. A call the voicemail or an IVR
 *  answered is ANSWERED with no dstchannel — for the office it was missed. */
function talked(leg: Leg): boolean {
  return leg.disposition === 'ANSWERED' && leg.dstchannel !== '';
}

function toCall(legs: Leg[]): Outcome {
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
      message: 'Neither src nor dst is an outside number, and the call is not between two extensions.',
    },
  };
}

function rowsWord(n: number, one: string, many: string): string {
  return n === 1 ? `1 row ${one}` : `${n} rows ${many}`;
}

export function readMasterCsv(
  rows: SourceRow[],
  timeZone: string,
): Pick<CallLogRead, 'notices' | 'skipped' | 'problems' | 'decisions'> {
  const problems: Problem[] = [];
  const groups = new Map<string, Leg[]>();
  let hashed = 0;
  for (const row of rows) {
    const leg = readLeg(row, timeZone, problems);
    if (!leg) continue;
    if (!uniqueId(row)) hashed++;
    const group = groups.get(leg.callId);
    if (group) group.push(leg);
    else groups.set(leg.callId, [leg]);
  }
  const notices: CallLogRead['notices'] = [];
  let skipped = 0;
  let merged = 0;
  for (const legs of groups.values()) {
    const outcome = toCall(legs);
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
    'Read as an Asterisk Master.csv (cdr_csv): no header row, columns accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid, userfield].',
    `Times read as the office's wall clock (${timeZone}).`,
    'A call counts as answered when its disposition is ANSWERED and it reached a phone (dstchannel set); one answered by the voicemail or an IVR counts as missed.',
  ];
  if (merged)
    decisions.push(
      `${rowsWord(merged, 'was a further leg', 'were further legs')} of a ring group or queue call (the same uniqueid): each call read once.`,
    );
  if (hashed)
    decisions.push(
      `${rowsWord(hashed, 'has', 'have')} no uniqueid: each call is known by its start, src, dst and channel, so importing the file again finds the same calls.`,
    );
  if (skipped)
    decisions.push(`${rowsWord(skipped, 'is a call', 'are calls')} between two extensions: not client calls, skipped.`);
  return { notices, skipped, problems, decisions };
}
