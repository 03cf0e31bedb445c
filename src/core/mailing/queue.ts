// The mailing queue (the hidden "Mailings queue" sheet, sheets-templates/mailings.json): one row per recipient,
// written whole when a mailing starts, each row's state moved on as it is sent. The row holds the message exactly as
// the preview showed it, so what a later day sends is what the office confirmed. States:
//   queued → sending (claimed by a run, ≤ CHUNK rows in one write) → sent | skipped | queued again (quota hit);
//   sending left by an execution that died → uncertain: never sent again automatically (the client may have it).

import type { MailingChannel, MailingSkipReason, MailingView } from '../../shared/mailing-dto';

export type QueueState = 'queued' | 'sending' | 'sent' | 'skipped' | 'uncertain';
export const QUEUE_STATES: readonly QueueState[] = ['queued', 'sending', 'sent', 'skipped', 'uncertain'];

/** Rows claimed per write: a chunk's messages, then its events in one batchUpdate. */
export const CHUNK = 20;
/** A 'sending' row older than this belongs to an execution that ended (Apps Script stops one at 6 minutes). */
export const SENDING_STALE_MS = 7 * 60_000;

export interface QueueRow {
  /** 1-based sheet row. */
  row: number;
  mailing: string;
  channel: MailingChannel;
  queuedAt?: Date;
  createdBy: string;
  clientId: string;
  client: string;
  to: string;
  subject: string;
  text: string;
  state: QueueState;
  /** When sent (or, while 'sending', when claimed). */
  sentAt?: Date;
  eventId: string;
  /** A skip's reason ('unsubscribed', 'stopped'…, then ': ' and what exactly), or the gateway's message id. */
  detail: string;
}

export function parseState(text: string): QueueState | undefined {
  const t = text.trim().toLowerCase();
  return (QUEUE_STATES as readonly string[]).includes(t) ? (t as QueueState) : undefined;
}

/** 'missing-field: givenName' → the reason and the detail. */
export function skipOf(detail: string): { reason: MailingSkipReason | 'stopped'; detail?: string } {
  const [reason, ...rest] = detail.split(': ');
  const more = rest.join(': ').trim();
  return { reason: (reason.trim() || 'refused') as MailingSkipReason, ...(more ? { detail: more } : {}) };
}

export function skipDetail(reason: string, detail?: string): string {
  return detail ? `${reason}: ${detail}` : reason;
}

/** A new mailing's id: its start instant and a random tail, e.g. "M20260302-0900-k3f9". */
export function newMailingId(now: Date, random: () => number): string {
  const iso = now.toISOString();
  const tail = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `M${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}-${tail}`;
}

/** SMS sent in the rolling 24 hours before `now` (the Settings smsDailyLimit counts them). */
export function smsSentSince(rows: readonly QueueRow[], now: Date): number {
  const from = now.getTime() - 24 * 3600_000;
  return rows.filter(
    (r) => r.channel === 'sms' && (r.state === 'sent' || r.state === 'sending') && (r.sentAt?.getTime() ?? 0) > from,
  ).length;
}

/** The mailings the queue holds, newest first. */
export function mailingViews(rows: readonly QueueRow[]): MailingView[] {
  const byId = new Map<string, QueueRow[]>();
  for (const r of rows) if (r.mailing) byId.set(r.mailing, [...(byId.get(r.mailing) ?? []), r]);
  const views = [...byId.entries()].map(([id, list]) => mailingView(id, list));
  return views.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function mailingView(id: string, list: readonly QueueRow[]): MailingView {
  const first = list[0];
  const count = (s: QueueState) => list.filter((r) => r.state === s).length;
  const queued = count('queued');
  const sending = count('sending');
  const stopped = list.some((r) => r.state === 'skipped' && skipOf(r.detail).reason === 'stopped');
  const subjectRow = list.find((r) => r.subject || r.text);
  const state: MailingView['state'] = sending ? 'sending' : queued ? 'waiting-quota' : stopped ? 'stopped' : 'done';
  return {
    id,
    channel: first?.channel ?? 'email',
    subject: subjectRow ? subjectRow.subject || subjectRow.text.slice(0, 60) : '',
    createdAt: first?.queuedAt?.toISOString() ?? '',
    createdBy: first?.createdBy ?? '',
    total: list.length,
    sent: count('sent'),
    queued: queued + sending,
    skipped: count('skipped') + count('uncertain'),
    state,
  };
}
