// What one processing run (or one call-log import) does, decided without touching a sheet: the notices read from the
// new Inbox rows → done call events, recordings attached, callback items opened/counted/closed, new callers counted,
// and every Inbox row's key, state and result. The server reads everything once, runs this, and writes the outcome in
// ONE atomic batchUpdate (server/pbx/process.ts), so the log, the lists and the Inbox can never disagree.
//
// Rules (issue 15):
// - a key (provider:callId:type) already done in the idempotency window, or met twice in the batch → duplicate, nothing;
// - answered end (either direction) → a done event: the client by E.164 phone, else the number's display as the
//   client text with no clientId AND the number's New callers row; manager = Staff by extension, else by our number,
//   else the client's; it closes the number's open callback item when it started after the item's last missed call;
// - missed inbound → the number's ONE open callback item (attempts+1) or a new one; an unknown number also counts in
//   New callers; missed outbound → nothing but the row done;
// - a recording → appended to its call's event result (an event of this batch, or one an earlier run wrote, found by
//   the end notice's Inbox result `E…@row`); its call not ended yet → `waiting`, dropped after a day;
// - a call start, a ping, DTMF → done, nothing written.

import type { ProcessInboxResult } from '../../shared/pbx-dto';
import type { EventRecord } from '../events/row';
import type { Locale } from '../i18n/locale';
import { formatPhone, toE164 } from '../phone';
import { callEvent, callEventId, callResult, withRecording } from './call-event';
import { answeredCall, CallbackRecord, missedCall } from './callbacks';
import { CallerRecord, unknownCall } from './callers';
import type { InboxState } from './inbox';
import { pbxText } from './messages';
import { CallNotice, noticeKey, NoticeRead } from './notice';
import { StaffPhones, staffFor } from './staff-phones';

export interface PlanRow {
  /** The Inbox sheet row (an import: the file's line). */
  row: number;
  receivedAt?: Date;
  read: NoticeRead;
}

/** A key some earlier row holds, with that row's outcome. */
export interface SeenKey {
  row: number;
  state: InboxState;
  result: string;
}

export interface ClientMatch {
  clientId: string;
  name: string;
  manager: string;
}

export interface PlanSettings {
  callKind: string;
  callReason: string;
  defaultCountry: string;
  locale: Locale;
}

export interface PlanInput {
  rows: PlanRow[];
  /** Keys of rows processed before (the window), each with its row's state and result. */
  seen: Map<string, SeenKey>;
  callbacks: CallbackRecord[];
  callers: CallerRecord[];
  clientOf(e164: string): ClientMatch | undefined;
  staff: StaffPhones[];
  settings: PlanSettings;
  now: Date;
}

export interface PlannedEvent {
  event: EventRecord;
  key: string;
  inboxRow: number;
}

/** A recording for an event an earlier run wrote: confirmed by id in that row before the write. */
export interface RecordingUpdate {
  eventId: string;
  /** The Events row the end notice's Inbox result names (0: unknown, the server finds it by id). */
  eventRow: number;
  recording: string;
  inboxRow: number;
}

export interface InboxUpdate {
  row: number;
  key: string;
  state: Exclude<InboxState, ''>;
  result: string;
  /** The event this row became: its result is `id@row` once the row it lands on is known. */
  eventId?: string;
}

export type PlanCounts = Omit<ProcessInboxResult, 'left'>;

/** Nothing done yet: a plan's starting counts, and a run that found nothing to process. */
export function emptyCounts(): PlanCounts {
  return {
    events: 0,
    missed: 0,
    unknown: 0,
    duplicates: 0,
    recordings: 0,
    closedCallbacks: 0,
    ignored: 0,
    problems: [],
  };
}

export interface Plan {
  events: PlannedEvent[];
  recordings: RecordingUpdate[];
  /** Items changed or made (row 0) by this run. */
  callbacks: CallbackRecord[];
  callers: CallerRecord[];
  inbox: InboxUpdate[];
  counts: PlanCounts;
}

/** Recordings whose call never ended are given up after this long. */
export const RECORDING_WAIT_MS = 86_400_000;

/** `E…@row` → the event's id and row. */
export function eventRef(result: string): { id: string; row: number } | undefined {
  const m = /^(E[0-9a-z]+-[0-9a-z]+)(?:@(\d+))?$/.exec(String(result ?? '').trim());
  return m ? { id: m[1], row: m[2] ? Number(m[2]) : 0 } : undefined;
}

/** provider:callId — what a recording and its call's end notice share (a recording's type carries its own id). */
const callOf = (n: Pick<CallNotice, 'source' | 'callId'>) => `${n.source}:${n.callId}`;
/** The call of a stored end notice's key (source:callId:type; an end's type has no colon). */
const callOfKey = (key: string) => key.slice(0, key.lastIndexOf(':'));

interface Outcome {
  key: string;
  state: 'done' | 'duplicate' | 'waiting';
  result: string;
  eventId?: string;
}

export function planInbox(input: PlanInput): Plan {
  const { settings, now } = input;
  const country = settings.defaultCountry;
  const locale = settings.locale;
  const callbacks = input.callbacks.map((c) => ({ ...c }));
  const callers = input.callers.map((c) => ({ ...c }));
  const changedCallbacks = new Set<CallbackRecord>();
  const changedCallers = new Set<CallerRecord>();
  const counts = emptyCounts();
  const events: PlannedEvent[] = [];
  const recordings: RecordingUpdate[] = [];
  const outcomes = new Map<number, Outcome[]>();
  const batchKeys = new Map<string, number>();
  // Earlier rows' events by call: a recording finds its call's event there.
  const earlier = new Map<string, { id: string; row: number } | null>();
  for (const [key, seen] of input.seen) {
    if (seen.state !== 'done') continue;
    const ref = eventRef(seen.result);
    if (ref || !earlier.has(callOfKey(key))) earlier.set(callOfKey(key), ref ?? null);
  }
  const planned = new Map<string, PlannedEvent | null>();
  const inbox: InboxUpdate[] = [];

  const outcome = (row: number, o: Outcome) => {
    const list = outcomes.get(row) ?? [];
    list.push(o);
    outcomes.set(row, list);
  };

  type Item = { row: PlanRow; notice: CallNotice; key: string; order: number };
  const items: Item[] = [];
  for (const row of input.rows) {
    if (!row.read.ok) {
      counts.problems.push({ row: row.row, source: '', message: row.read.problem });
      inbox.push({ row: row.row, key: '', state: 'problem', result: row.read.problem });
      continue;
    }
    if (!row.read.notices.length) {
      counts.ignored++;
      inbox.push({ row: row.row, key: '', state: 'done', result: 'ignored' });
      continue;
    }
    for (const notice of row.read.notices) items.push({ row, notice, key: noticeKey(notice), order: items.length });
  }
  const time = (i: Item) => (i.notice.startAt ?? i.row.receivedAt)?.getTime() ?? 0;
  // Calls in the order they happened (a callback item closes only on a later call), recordings after every end.
  const calls = items.filter((i) => i.notice.stage !== 'record').sort((a, b) => time(a) - time(b) || a.order - b.order);
  const records = items.filter((i) => i.notice.stage === 'record');

  const duplicate = (i: Item): boolean => {
    const before = input.seen.get(i.key);
    const inBatch = batchKeys.get(i.key);
    if ((before && before.state === 'done') || (inBatch !== undefined && inBatch !== i.row.row)) {
      counts.duplicates++;
      outcome(i.row.row, { key: i.key, state: 'duplicate', result: `#${before?.row ?? inBatch}` });
      return true;
    }
    batchKeys.set(i.key, i.row.row);
    return false;
  };

  for (const i of calls) {
    if (duplicate(i)) continue;
    const n = i.notice;
    if (n.stage !== 'end') {
      counts.ignored++;
      outcome(i.row.row, { key: i.key, state: 'done', result: 'ignored' });
      continue;
    }
    const at = n.startAt ?? i.row.receivedAt ?? now;
    const e164 = n.clientNumber ? toE164(n.clientNumber, country) : undefined;
    const client = e164 ? input.clientOf(e164) : undefined;
    const staffName = staffFor(input.staff, n, country);
    const ourNumber = n.ourNumber ? formatPhone(n.ourNumber, country) : '';
    if (!n.answered) {
      planned.set(callOf(n), null);
      if (n.direction === 'out' || !e164) {
        counts.ignored++;
        outcome(i.row.row, { key: i.key, state: 'done', result: 'unanswered' });
        continue;
      }
      counts.missed++;
      changedCallbacks.add(
        missedCall(callbacks, {
          phone: e164,
          at,
          client: client?.name ?? '',
          clientId: client?.clientId ?? '',
          manager: staffName || client?.manager || '',
        }),
      );
      if (!client) {
        counts.unknown++;
        changedCallers.add(unknownCall(callers, { phone: e164, at, line: ourNumber, manager: staffName }));
      }
      outcome(i.row.row, { key: i.key, state: 'done', result: 'callback' });
      continue;
    }
    const display = e164 ? formatPhone(e164, country) : String(n.clientNumber ?? '').trim();
    const event = callEvent({
      id: callEventId(i.key, at),
      at,
      kind: settings.callKind,
      reason: settings.callReason,
      client: client?.name || display || pbxText(locale, 'hidden'),
      clientId: client?.clientId ?? '',
      phone: display,
      manager: staffName || client?.manager || '',
      result: callResult(n, ourNumber, locale),
      createdBy: n.source,
    });
    const p = { event, key: i.key, inboxRow: i.row.row };
    events.push(p);
    planned.set(callOf(n), p);
    counts.events++;
    if (e164) {
      const closed = answeredCall(callbacks, e164, at);
      if (closed) {
        counts.closedCallbacks++;
        changedCallbacks.add(closed);
      }
      if (!client) {
        counts.unknown++;
        changedCallers.add(unknownCall(callers, { phone: e164, at, line: ourNumber, manager: event.manager }));
      }
    }
    outcome(i.row.row, { key: i.key, state: 'done', result: event.id, eventId: event.id });
  }

  for (const i of records) {
    if (duplicate(i)) continue;
    const recording = String(i.notice.recording ?? '').trim();
    const ref = callOf(i.notice);
    const here = planned.get(ref);
    const before = earlier.get(ref);
    if (!recording || here === null || (here === undefined && before === null)) {
      // No reference, or a call that made no event (missed): nothing to attach.
      counts.ignored++;
      outcome(i.row.row, { key: i.key, state: 'done', result: 'ignored' });
    } else if (here) {
      here.event.result = withRecording(here.event.result, recording, locale);
      counts.recordings++;
      outcome(i.row.row, { key: i.key, state: 'done', result: here.event.id, eventId: here.event.id });
    } else if (before) {
      recordings.push({ eventId: before.id, eventRow: before.row, recording, inboxRow: i.row.row });
      counts.recordings++;
      outcome(i.row.row, { key: i.key, state: 'done', result: before.row ? `${before.id}@${before.row}` : before.id });
    } else if (now.getTime() - (i.row.receivedAt ?? now).getTime() > RECORDING_WAIT_MS) {
      const message = pbxText(locale, 'noCall');
      counts.problems.push({ row: i.row.row, source: i.notice.source, message });
      inbox.push({ row: i.row.row, key: i.key, state: 'problem', result: message });
      batchKeys.delete(i.key);
    } else {
      outcome(i.row.row, { key: i.key, state: 'waiting', result: '' });
      batchKeys.delete(i.key);
    }
  }

  for (const [row, list] of outcomes) {
    const state = list.some((o) => o.state === 'waiting')
      ? list.length === 1
        ? 'waiting'
        : 'done'
      : list.every((o) => o.state === 'duplicate')
        ? 'duplicate'
        : 'done';
    const withEvent = list.find((o) => o.eventId);
    inbox.push({
      row,
      key: list.map((o) => o.key).join(' '),
      state,
      result: [...new Set(list.map((o) => o.result).filter(Boolean))].join(' '),
      ...(withEvent ? { eventId: withEvent.eventId } : {}),
    });
  }
  inbox.sort((a, b) => a.row - b.row);
  return {
    events,
    recordings,
    callbacks: [...changedCallbacks],
    callers: [...changedCallers],
    inbox,
    counts,
  };
}
