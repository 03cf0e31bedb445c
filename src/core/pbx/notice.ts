// One thing a PBX told us about a call — a webhook or a call-log row — read into the CRM's terms. Every adapter
// (mango.ts, zadarma.ts, asterisk.ts, call-csv.ts) produces these; processing (plan.ts) never sees a provider's shape.

export type CallSource = 'mango' | 'zadarma' | 'asterisk' | 'csv';
export type CallDirection = 'in' | 'out';

/**
 * - start: a call began ringing (Mango events/call Appeared, Zadarma NOTIFY_START/NOTIFY_OUT_START): nothing to log;
 * - end: the call is over, with its outcome (Mango events/summary, Zadarma NOTIFY_END/NOTIFY_OUT_END, a CDR row);
 * - record: a recording of a call that ended is ready (Mango events/recording, Zadarma NOTIFY_RECORD);
 * - other: a ping, DTMF, an internal call, an IVR step: acknowledged and marked done, nothing to log.
 */
export type NoticeStage = 'start' | 'end' | 'record' | 'other';

export interface CallNotice {
  source: CallSource;
  /** The PBX's id of the call (Mango entry_id, Zadarma pbx_call_id, Asterisk uniqueid; a CSV's id column, or a hash). */
  callId: string;
  /** The event type as the PBX names it ('summary', 'NOTIFY_END', 'cdr'…): with callId, the idempotency key. */
  type: string;
  stage: NoticeStage;
  /** For start/end: who called whom. */
  direction?: CallDirection;
  /** The outside party's number exactly as sent (normalised to E.164 by processing, with the office's country). */
  clientNumber?: string;
  /** Our number (DID, line) the call came in on or went out from, as sent. */
  ourNumber?: string;
  /** Our extension that took or made the call. */
  extension?: string;
  /** When the call began (ringing). */
  startAt?: Date;
  /** Seconds of conversation; 0 for a call nobody answered. */
  talkSeconds?: number;
  /** For end: did anyone of ours talk to the caller. */
  answered?: boolean;
  /** For end/record: a reference to the recording (a URL, or the PBX's recording id), when the PBX gives one. */
  recording?: string;
}

/** The idempotency key: a retried or duplicated notification has the same one (issue 15: call id + event type). */
export function noticeKey(n: Pick<CallNotice, 'source' | 'callId' | 'type'>): string {
  return `${n.source}:${n.callId}:${n.type}`;
}

/** What an adapter made of one request or row: notices (usually one), or why it could not. */
export type NoticeRead = { ok: true; notices: CallNotice[] } | { ok: false; problem: string };
