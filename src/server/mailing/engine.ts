// The mail merge engine for both channels: preview, start, the send runs (the start's and the daily trigger's), stop.
// Decisions:
// - the queue (queue-sheet.ts) holds every recipient's row, written in ONE batchUpdate at the start with the message
//   exactly as previewed (skips included, with their reason); the first chunk is written already claimed ('sending');
// - a chunk (≤ CHUNK rows) is sent, then ONE batchUpdate under the write lock marks its rows (sent / skipped / back
//   to queued when the quota ran out), appends its events with their clients' Card index rows (events/append-batch.ts,
//   the batch telephony writes its calls with) and claims the next chunk — so a mailing being sent always has
//   'sending' rows, and a second execution leaves such a mailing alone;
// - a 'sending' row older than an execution can live was claimed by one that died: 'uncertain', never sent again;
// - every run re-checks the unsubscribe label and list first (a client unsubscribed on day 2 is skipped on day 2);
// - CRM lines and the Gmail card's cache follow once per run, not per chunk (clients/crm-line.ts never throws).

import type { ClientSummary } from '../../core/card-index';
import { newEventId } from '../../core/events/ids';
import type { EventRecord } from '../../core/events/row';
import { authorOf } from '../../core/events/log-rules';
import { parseUnsubscribed } from '../../core/events/lists';
import { needsContacts } from '../../core/mailing/fields';
import { mailingText } from '../../core/mailing/messages';
import { isUnsubscribed, MailingPlan, planMailing, resultOf, templateFields } from '../../core/mailing/plan';
import {
  CHUNK,
  mailingView,
  mailingViews,
  newMailingId,
  QueueRow,
  SENDING_STALE_MS,
  skipDetail,
  skipOf,
  smsSentSince,
} from '../../core/mailing/queue';
import { splitTemplate } from '../../core/mailing/template-text';
import { toE164 } from '../../core/phone';
import type { SmsGateway } from '../../core/sms/gateway';
import type {
  MailingChannel,
  MailingInput,
  MailingPreview,
  MailingResult,
  MailingSkip,
  MailingView,
} from '../../shared/mailing-dto';
import { scriptClock } from '../clock';
import { afterEventsWritten, eventsBatch } from '../events/append-batch';
import { DayRead, readDay } from '../events/day-read';
import type { OfficeContext } from '../events/office';
import type { IndexedRow } from '../card-index/index-sheet';
import { sheetOrCreate } from '../pbx/process';
import { openSmsGateway } from '../sms/gateways';
import { writeBatch } from '../sheets/values-batch';
import { underWriteLock } from '../sheets/write-lock';
import { askQueue, QueueRead, queueWrites } from './queue-sheet';
import { recipientClients, withContacts } from './recipients';
import { readDocText } from './template-doc';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A run stops claiming chunks well before Apps Script's 6 minutes; the rest waits for the next run. */
export const RUN_BUDGET_MS = 240_000;
/**
 * The start sends for at most this long (the sidebar waits for its answer); what today's quota still allows then goes
 * on in a run a minute later (trigger.ts), so a Workspace account's 1,500 a day are not cut to one run's worth.
 */
export const START_BUDGET_MS = 60_000;
/** A mailing message's text at most (a queue cell holds 50,000 characters). */
export const MAX_TEXT_CHARS = 40_000;
/** Messages a preview shows. */
const PREVIEW_MESSAGES = 5;

/** The name a refusal carries (through google.script.run and the CLI: exit 2 with its words, not a failure). */
export const MAILING_REFUSED = 'MailingRefused';

function refusal(message: string): Error {
  const e = new Error(message);
  e.name = MAILING_REFUSED;
  return e;
}

function refuse(office: OfficeContext, key: Parameters<typeof mailingText>[1], params: object = {}): never {
  throw refusal(mailingText(office.locale, key, params));
}

interface Template {
  subject: string;
  body: string;
}

/** The template the input gives: typed, or a Google Doc; a first line "Subject: …" is the e-mail's subject. */
export function templateOf(input: MailingInput, office: OfficeContext): Template {
  const channel = input?.channel;
  if (channel !== 'email' && channel !== 'sms') refuse(office, 'badChannel', { channel: String(channel) });
  let text = String(input.body ?? '');
  const fromDoc = !text.trim() && String(input.templateDoc ?? '').trim() !== '';
  if (fromDoc)
    try {
      text = readDocText(String(input.templateDoc));
    } catch (e) {
      refuse(office, 'docUnreadable', { doc: input.templateDoc, message: e instanceof Error ? e.message : String(e) });
    }
  const typed = String(input.subject ?? '').trim();
  const split = channel === 'email' && !typed ? splitTemplate(text, fromDoc) : { body: text.trim() };
  const subject = channel === 'email' ? typed || (split.subject ?? '') : '';
  const body = split.body.trim();
  if (!body) refuse(office, 'noTemplate');
  if (channel === 'email' && !subject) refuse(office, 'noSubject');
  if (body.length > MAX_TEXT_CHARS) refuse(office, 'templateTooLong', { chars: body.length, max: MAX_TEXT_CHARS });
  return { subject, body };
}

/** One read for a run: the reference sheets, the store's head, every client's list line, the Events header, the queue. */
interface RunRead {
  day: DayRead;
  sheet: Sheet;
  queue: QueueRead;
}

function readRun(office: OfficeContext): RunRead {
  const sheet = sheetOrCreate(office, 'mailings');
  let queue: QueueRead = { table: undefined, rows: [], lastRow: 0 };
  const day = readDay(office, {
    refs: ['settings', 'lists', 'staff'],
    store: [],
    index: 'summaries',
    events: [],
    extra: (batch) =>
      askQueue(
        batch,
        sheet.getName(),
        () => office.timeZone,
        (q) => (queue = q),
      ),
  });
  return { day, sheet, queue };
}

function unsubscribedList(office: OfficeContext): Set<string> {
  const country = office.settings.get('defaultCountry');
  return parseUnsubscribed(office.values('lists'), (t) => toE164(t, country));
}

function officeFields(office: OfficeContext): Record<string, string> {
  const s = office.settings;
  return {
    'office.name': s.get('officeName'),
    'office.phone': s.get('officePhone'),
    'office.email': s.get('officeEmail'),
    'office.address': s.get('officeAddress'),
  };
}

function planOf(input: MailingInput, template: Template, office: OfficeContext, read: RunRead) {
  const summaries = read.day.index?.summaries ?? [];
  const clients = recipientClients(summaries, input.recipients ?? {}, office);
  if (!clients) refuse(office, 'noRecipients');
  const { names } = templateFields(template.subject, template.body);
  const plan = planMailing({
    channel: input.channel,
    subject: template.subject,
    body: template.body,
    recipients: withContacts(clients, needsContacts(names), input.channel),
    unsubscribeLabel: office.settings.get('unsubscribeLabel'),
    unsubscribed: unsubscribedList(office),
    office: officeFields(office),
    timeZone: office.timeZone,
  });
  return { plan, recipients: clients.length };
}

/** What the channel may still send today: MailApp's recipients left, or the SMS limit minus the last 24 h's SMS. */
function quotaOf(channel: MailingChannel, office: OfficeContext, rows: readonly QueueRow[], now: Date): number {
  if (channel === 'email') return Math.max(0, MailApp.getRemainingDailyQuota());
  return Math.max(0, office.settings.get('smsDailyLimit') - smsSentSince(rows, now));
}

export function previewMailing(input: MailingInput, office: OfficeContext): MailingPreview {
  const template = templateOf(input, office);
  const read = readRun(office);
  const { plan, recipients } = planOf(input, template, office, read);
  return {
    channel: input.channel,
    recipients,
    messages: plan.messages.slice(0, PREVIEW_MESSAGES),
    skipped: plan.skipped,
    placeholders: plan.placeholders,
    unknown: plan.unknown,
    remainingQuota: quotaOf(input.channel, office, read.queue.rows, new Date(scriptClock.now())),
  };
}

/** The gateway of the office's Settings; a dry run needs none. */
function gatewayOf(office: OfficeContext): SmsGateway {
  const opened = openSmsGateway(office.settings);
  if (!opened.ok) throw refusal(opened.problem);
  return opened.gateway;
}

export function startMailing(input: MailingInput, office: OfficeContext): MailingResult {
  const template = templateOf(input, office);
  // A placeholder no card has is the template's mistake, whoever the recipients: refused before anything is read.
  const { unknown } = templateFields(template.subject, template.body);
  if (unknown.length) refuse(office, 'unknownFields', { fields: unknown.map((u) => `{{${u}}}`).join(', ') });
  if (input.dryRun) return dryRun(input, template, office);
  const gateway = input.channel === 'sms' ? gatewayOf(office) : undefined;
  const now = new Date(scriptClock.now());
  let id = '';
  const started = underWriteLock(() => {
    const read = readRun(office);
    const { plan } = planOf(input, template, office, read);
    if (!read.queue.table) throw new Error('The mailings queue sheet has no header row.');
    id = newMailingId(now, Math.random);
    const quota = quotaOf(input.channel, office, read.queue.rows, now);
    const chosen = String(input.as ?? '').trim();
    const author = authorOf(chosen, chosen ? office.identity(chosen) : undefined, office);
    const rows = queueRows(id, input.channel, plan, author, now, read.queue.lastRow, Math.min(CHUNK, quota));
    writeBatch(office.ss, queueWrites(read.sheet.getSheetId(), read.queue.table, rows, office.timeZone, true));
    // The new rows (numbered where the append put them) join the queue as read; the claimed ones go out first.
    read.queue.rows.push(...rows.map((r) => ({ ...r })));
    return { read, quota };
  });
  const claimed = started.read.queue.rows.filter((r) => r.mailing === id && r.state === 'sending');
  const quota = { [input.channel]: started.quota };
  const run = sendRun(office, started.read, claimed, new Set([id]), quota, gateway, START_BUDGET_MS);
  return resultOf_(id, input.channel, started.read.queue.rows, run);
}

function dryRun(input: MailingInput, template: Template, office: OfficeContext): MailingResult {
  const read = readRun(office);
  const { plan } = planOf(input, template, office, read);
  const quota = quotaOf(input.channel, office, read.queue.rows, new Date(scriptClock.now()));
  const sent = Math.min(plan.messages.length, quota);
  return {
    id: '',
    channel: input.channel,
    queued: plan.messages.length - sent,
    sent,
    skipped: plan.skipped,
    remainingQuota: quota - sent,
    done: plan.messages.length === sent,
    messages: plan.messages,
  };
}

/** The queue's rows of a new mailing: its messages (the first `claim` already 'sending'), then its skips. */
function queueRows(
  id: string,
  channel: MailingChannel,
  plan: MailingPlan,
  createdBy: string,
  now: Date,
  lastRow: number,
  claim: number,
): QueueRow[] {
  const base = { mailing: id, channel, queuedAt: now, createdBy, eventId: '' };
  const rows: QueueRow[] = plan.messages.map((m, i) => ({
    ...base,
    row: 0,
    clientId: m.clientId,
    client: m.client,
    to: m.to,
    subject: m.subject ?? '',
    text: m.text,
    state: i < claim ? 'sending' : 'queued',
    ...(i < claim ? { sentAt: now } : {}),
    detail: '',
  }));
  for (const s of plan.skipped)
    rows.push({
      ...base,
      row: 0,
      clientId: s.clientId ?? '',
      client: s.client,
      to: '',
      subject: '',
      text: '',
      state: 'skipped',
      detail: skipDetail(s.reason, s.detail),
    });
  // appendCells puts them after the last row with data, in order: their row numbers are known now.
  rows.forEach((r, i) => (r.row = lastRow + 1 + i));
  return rows;
}

interface RunOutcome {
  sent: number;
  /** Messages sent by this run, per mailing. */
  sentBy: Map<string, number>;
  /** Quota left per channel after the run. */
  quota: Partial<Record<MailingChannel, number>>;
  /** A gateway failure that stopped the run (its message: names the gateway and its code, never a key). */
  problem?: string;
  /** The run's time ran out while the quota still allowed more: the rest should go on soon, not tomorrow. */
  cut: boolean;
}

/** Marks a row sent / skipped / queued again after one send attempt. */
type Sent = { row: QueueRow; outcome: 'sent' | 'refused' | 'unknown' | 'again'; id?: string; reason?: string };

function sendEmails(rows: QueueRow[], fromName: string): Sent[] {
  const out: Sent[] = [];
  let quotaGone = false;
  for (const row of rows) {
    if (quotaGone) {
      out.push({ row, outcome: 'again' });
      continue;
    }
    try {
      MailApp.sendEmail(row.to, row.subject, row.text, fromName ? { name: fromName } : {});
      out.push({ row, outcome: 'sent' });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Google's words when the day's recipients are used up (another sender may have taken the rest): try tomorrow.
      if (/too many times|recipients per day/i.test(message)) {
        quotaGone = true;
        out.push({ row, outcome: 'again' });
      } else out.push({ row, outcome: 'refused', reason: message });
    }
  }
  return out;
}

function sendSms(rows: QueueRow[], gateway: SmsGateway): { sent: Sent[]; problem?: string } {
  const out: Sent[] = [];
  for (let i = 0; i < rows.length; i += gateway.batchSize) {
    const part = rows.slice(i, i + gateway.batchSize);
    let outcomes;
    try {
      outcomes = gateway.send(part.map((r) => ({ to: r.to, text: r.text }))).outcomes;
    } catch (e) {
      // The whole request failed (a bad key, no money, the network): nothing of it went out; the rest waits.
      const problem = e instanceof Error ? e.message : String(e);
      for (const r of rows.slice(i)) out.push({ row: r, outcome: 'again' });
      return { sent: out, problem };
    }
    const byNumber = new Map(outcomes.map((o) => [o.to, o] as const));
    for (const r of part) {
      const o = byNumber.get(r.to);
      if (!o || o.state === 'unknown') out.push({ row: r, outcome: 'unknown' });
      else if (o.state === 'accepted') out.push({ row: r, outcome: 'sent', ...(o.id ? { id: o.id } : {}) });
      else out.push({ row: r, outcome: 'refused', reason: o.reason ?? '' });
    }
  }
  return { sent: out };
}

function eventOf(row: QueueRow, client: ClientSummary | undefined, office: OfficeContext, now: Date, seq: number) {
  const s = office.settings;
  const event: EventRecord = {
    id: newEventId(now.getTime(), seq),
    at: now,
    allDay: false,
    kind: row.channel === 'sms' ? s.get('smsKind') : s.get('mailKind'),
    reason: s.get('mailReason'),
    client: row.client,
    clientId: row.clientId,
    phone: row.channel === 'sms' ? row.to : (client?.phones[0] ?? ''),
    manager: client?.manager ?? '',
    result: resultOf({ subject: row.subject, text: row.text }),
    nextStep: '',
    status: 'done',
    calendarEventId: '',
    createdBy: row.createdBy,
    rowNumber: 0,
  };
  return event;
}

/** Queued rows of the given mailings to claim next, in queue order, one channel per chunk, within its quota. */
function nextChunk(rows: QueueRow[], mailings: Set<string>, quota: Partial<Record<MailingChannel, number>>) {
  const first = rows.find((r) => r.state === 'queued' && mailings.has(r.mailing) && (quota[r.channel] ?? 0) > 0);
  if (!first) return [];
  const room = Math.min(CHUNK, quota[first.channel] ?? 0);
  return rows.filter((r) => r.state === 'queued' && r.mailing === first.mailing).slice(0, room);
}

/**
 * Sends claimed chunks until the mailings' queues, the quota or the run's time run out. `claimed` is the first chunk
 * (already 'sending' in the sheet); each chunk's result and the next claim are one batchUpdate.
 */
function sendRun(
  office: OfficeContext,
  read: RunRead,
  claimed: QueueRow[],
  mailings: Set<string>,
  quota: Partial<Record<MailingChannel, number>>,
  gateway: SmsGateway | undefined,
  budgetMs: number,
): RunOutcome {
  const started = Date.now();
  const fromName =
    office.settings.get('mailFromName') || (claimed.some((r) => r.channel === 'email') ? office.ss.getName() : '');
  const byClient = new Map((read.day.index?.summaries ?? []).map((s) => [s.resourceName, s] as const));
  const touched = new Map<string, IndexedRow>();
  let sent = 0;
  const sentBy = new Map<string, number>();
  let problem: string | undefined;
  let cut = false;
  let seq = Math.floor(Math.random() * 36 ** 4);
  while (claimed.length) {
    const channel = claimed[0].channel;
    let results: Sent[];
    if (channel === 'email') results = sendEmails(claimed, fromName);
    else {
      const sms = gateway ?? gatewayOf(office);
      gateway = sms;
      const r = sendSms(claimed, sms);
      results = r.sent;
      problem = r.problem ?? problem;
    }
    const now = new Date(scriptClock.now());
    const events: EventRecord[] = [];
    for (const r of results) {
      if (r.outcome === 'sent') {
        const event = eventOf(r.row, byClient.get(r.row.clientId), office, now, seq++ % 36 ** 5);
        events.push(event);
        Object.assign(r.row, { state: 'sent', sentAt: now, eventId: event.id, detail: r.id ?? '' });
        sent++;
        sentBy.set(r.row.mailing, (sentBy.get(r.row.mailing) ?? 0) + 1);
      } else if (r.outcome === 'again') Object.assign(r.row, { state: 'queued', sentAt: undefined, detail: '' });
      else if (r.outcome === 'unknown') Object.assign(r.row, { state: 'uncertain', sentAt: now, detail: 'uncertain' });
      else Object.assign(r.row, { state: 'skipped', sentAt: undefined, detail: skipDetail('refused', r.reason) });
    }
    const left = quota[channel] ?? 0;
    quota[channel] = Math.max(0, left - results.filter((r) => r.outcome === 'sent' || r.outcome === 'unknown').length);
    if (results.some((r) => r.outcome === 'again')) quota[channel] = 0;
    const done = claimed;
    claimed = underWriteLock(() => {
      const batch = eventsBatch(office, read.day, events);
      const wanted = problem ? [] : nextChunk(read.queue.rows, mailings, quota);
      const overBudget = Date.now() - started >= budgetMs;
      if (overBudget && wanted.length) cut = true;
      const more = overBudget ? [] : wanted;
      for (const r of more) Object.assign(r, { state: 'sending', sentAt: now });
      const requests = [
        ...batch.requests,
        ...queueWrites(read.sheet.getSheetId(), read.queue.table, [...done, ...more], office.timeZone),
      ];
      writeBatch(office.ss, requests);
      const end = Math.max(0, ...batch.landed.values());
      if (read.day.store && end > read.day.store.eventsEnd) read.day.store.eventsEnd = end;
      for (const t of batch.touched) touched.set(t.resourceName, t);
      return more;
    });
  }
  afterEventsWritten({ touched: [...touched.values()] }, office);
  return { sent, sentBy, quota, cut, ...(problem ? { problem } : {}) };
}

function resultOf_(id: string, channel: MailingChannel, rows: QueueRow[], run: RunOutcome): MailingResult {
  const mine = rows.filter((r) => r.mailing === id);
  const skipped: MailingSkip[] = mine
    .filter((r) => r.state === 'skipped' || r.state === 'uncertain')
    .map((r) => {
      const s = r.state === 'uncertain' ? { reason: 'uncertain' as const } : skipOf(r.detail);
      return { client: r.client, ...(r.clientId ? { clientId: r.clientId } : {}), ...s } as MailingSkip;
    });
  const queued = mine.filter((r) => r.state === 'queued' || r.state === 'sending').length;
  return {
    id,
    channel,
    queued,
    sent: run.sentBy.get(id) ?? 0,
    skipped,
    remainingQuota: run.quota[channel] ?? 0,
    done: queued === 0,
    ...(run.cut && queued > 0 ? { resumesSoon: true } : {}),
    ...(run.problem ? { problem: run.problem } : {}),
  };
}

export interface ResumeResult {
  mailings: MailingResult[];
  /** Rows still queued in any mailing after the run. */
  queued: number;
  /** The run's time ran out with quota left: the next run should follow within minutes. */
  resumesSoon: boolean;
}

/**
 * A send run over the queue (the daily trigger, `crm mailing --resume`): stale claims become 'uncertain', queued rows
 * of clients unsubscribed since are skipped, then chunks go out within each channel's quota. `only` = one mailing.
 */
export function resumeMailings(office: OfficeContext, only?: string): ResumeResult {
  const now = new Date(scriptClock.now());
  const prepared = underWriteLock(() => {
    const read = readRun(office);
    const rows = read.queue.rows;
    const changed: QueueRow[] = [];
    const busy = new Set<string>();
    for (const r of rows)
      if (r.state === 'sending') {
        if (now.getTime() - (r.sentAt?.getTime() ?? 0) >= SENDING_STALE_MS) {
          Object.assign(r, { state: 'uncertain', detail: 'uncertain' });
          changed.push(r);
        } else busy.add(r.mailing);
      }
    const mailings = new Set(
      rows
        .filter((r) => r.state === 'queued' && !busy.has(r.mailing) && (!only || r.mailing === only))
        .map((r) => r.mailing),
    );
    const byClient = new Map((read.day.index?.summaries ?? []).map((s) => [s.resourceName, s] as const));
    const label = office.settings.get('unsubscribeLabel');
    const list = unsubscribedList(office);
    for (const r of rows) {
      if (r.state !== 'queued' || !mailings.has(r.mailing)) continue;
      const client = byClient.get(r.clientId) ?? { labels: [] };
      if (isUnsubscribed(client, r.to, label, list)) {
        Object.assign(r, { state: 'skipped', detail: skipDetail('unsubscribed') });
        changed.push(r);
      }
    }
    const channels = new Set(rows.filter((r) => r.state === 'queued' && mailings.has(r.mailing)).map((r) => r.channel));
    const quota: Partial<Record<MailingChannel, number>> = {};
    for (const c of channels) quota[c] = quotaOf(c, office, rows, now);
    const claimed = nextChunk(rows, mailings, quota);
    for (const r of claimed) Object.assign(r, { state: 'sending', sentAt: now });
    writeBatch(
      office.ss,
      queueWrites(read.sheet.getSheetId(), read.queue.table, [...changed, ...claimed], office.timeZone),
    );
    return { read, mailings, quota, claimed };
  });
  const { read, mailings, quota, claimed } = prepared;
  const run = sendRun(office, read, claimed, mailings, quota, undefined, RUN_BUDGET_MS);
  const rows = read.queue.rows;
  const results = [...mailings].map((id) => {
    const channel = rows.find((r) => r.mailing === id)!.channel;
    return resultOf_(id, channel, rows, run);
  });
  const queued = rows.filter((r) => r.state === 'queued').length;
  return { mailings: results, queued, resumesSoon: run.cut && queued > 0 };
}

export function listMailings(office: OfficeContext): MailingView[] {
  return mailingViews(readRun(office).queue.rows);
}

/** Stops a mailing: its queued rows → skipped 'stopped' (rows being sent now finish; sent ones stay sent). */
export function stopMailing(id: string, office: OfficeContext): MailingView {
  return underWriteLock(() => {
    const read = readRun(office);
    const mine = read.queue.rows.filter((r) => r.mailing === id);
    if (!mine.length) refuse(office, 'noMailing', { id });
    const stopped = mine.filter((r) => r.state === 'queued');
    for (const r of stopped) Object.assign(r, { state: 'skipped', detail: skipDetail('stopped') });
    writeBatch(office.ss, queueWrites(read.sheet.getSheetId(), read.queue.table, stopped, office.timeZone));
    return mailingView(id, mine);
  });
}
