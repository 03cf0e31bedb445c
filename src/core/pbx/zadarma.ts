// Zadarma's PBX notifications → call notices. Zadarma POSTs a form with `event=NOTIFY_*` and the call's fields, and
// validates the URL once with GET ?zd_echo=X, expecting X back as the body.
//
// Source: zadarma/user-api-v1, lib/Webhook/*.php (NotifyStart, NotifyInternal, NotifyAnswer, NotifyEnd, NotifyOutStart,
// NotifyOutEnd, NotifyRecord, NotifyIvr, NotifySms, NotifySpeechRecognition): the field names below, disposition's
// values ('answered', 'busy', 'cancel', 'no answer', 'failed', 'no money', 'unallocated number', 'no limit', 'no day
// limit', 'line limit', 'no money, no limit'), is_recorded 1/0, call_id_with_rec ("download the file 40 s later").
// UNVERIFIED: call_start's zone (read as the office's wall clock); whether `duration` is the talk time or includes the
// ringing (the library says only "length in seconds"; we take it as the talk time of an answered call); caller_id on
// NOTIFY_OUT_END being our number shown to the client.

import { parseEventDate } from '../events/row';
import { Hash64 } from '../hash';
import type { Locale } from '../i18n/locale';
import type { InboxPayload } from './inbox';
import { type LogKey, logText } from './log-messages';
import type { CallNotice, NoticeRead } from './notice';
import { fieldText, isExtension, wholeSeconds } from './values';

export const ZADARMA_EVENTS = [
  'NOTIFY_START',
  'NOTIFY_INTERNAL',
  'NOTIFY_ANSWER',
  'NOTIFY_END',
  'NOTIFY_OUT_START',
  'NOTIFY_OUT_END',
  'NOTIFY_RECORD',
  'NOTIFY_IVR',
  'NOTIFY_SMS',
  'NOTIFY_SPEECH_RECOGNITION',
] as const;

/** The longest zd_echo we echo: Zadarma sends a short random token; anything longer is not a validation. */
const ECHO_MAX_CHARS = 256;

/** The text to answer a GET ?zd_echo=X with (X), or undefined when the request is not a URL validation. */
export function zadarmaEcho(params: Record<string, string>): string | undefined {
  const echo = params ? params.zd_echo : undefined;
  if (typeof echo !== 'string' || echo === '' || echo.length > ECHO_MAX_CHARS) return undefined;
  return echo;
}

export function readZadarma(payload: InboxPayload, options: { timeZone: string; locale?: Locale }): NoticeRead {
  const locale = options.locale ?? 'en';
  // Why the notification could not be read, in the office's language: the event and the field, never a value.
  const fail = (event: string, key: LogKey, field: string): NoticeRead => ({
    ok: false,
    problem: logText(locale, key, { pbx: 'Zadarma', event, field }),
  });
  const missing = (event: string, field: string) => fail(event, 'fieldMissing', field);
  const p: Record<string, unknown> =
    payload && typeof payload.params === 'object' && payload.params ? payload.params : {};
  const event = fieldText(p.event).toUpperCase();
  if (!event) return { ok: false, problem: logText(locale, 'zadarmaNoEvent') };
  if (!(ZADARMA_EVENTS as readonly string[]).includes(event))
    return { ok: false, problem: logText(locale, 'zadarmaUnknownEvent', { event: event.slice(0, 40) }) };
  if (event === 'NOTIFY_SMS') {
    // Not a call: acknowledged under a key made of its fields, so a retry is a duplicate.
    const h = new Hash64();
    h.text(JSON.stringify(p));
    return { ok: true, notices: [{ source: 'zadarma', callId: `h${h.digest()}`, type: event, stage: 'other' }] };
  }
  const callId = fieldText(p.pbx_call_id);
  if (!callId) return missing(event, 'pbx_call_id');

  if (event === 'NOTIFY_RECORD') {
    const rec = fieldText(p.call_id_with_rec);
    if (!rec) return missing(event, 'call_id_with_rec');
    // One call may be recorded in several pieces (a transfer): each recording is its own notification.
    return one({ source: 'zadarma', callId, type: `${event}:${rec}`, stage: 'record', recording: rec });
  }
  if (event === 'NOTIFY_SPEECH_RECOGNITION') return one({ source: 'zadarma', callId, type: event, stage: 'other' });

  const startText = fieldText(p.call_start);
  const when = startText ? parseEventDate(startText, options.timeZone) : undefined;
  if (startText && (!when || when.allDay)) return fail(event, 'notDateTime', 'call_start');
  const outbound = event === 'NOTIFY_OUT_START' || event === 'NOTIFY_OUT_END';
  const internal = fieldText(p.internal);
  const notice: CallNotice = { source: 'zadarma', callId, type: event, stage: 'other' };
  if (when) notice.startAt = when.at;
  if (internal) notice.extension = internal;

  switch (event) {
    case 'NOTIFY_INTERNAL':
    case 'NOTIFY_ANSWER':
      // Several extensions ring (and one answers) for one call: one key per extension.
      notice.type = `${event}:${internal}`;
      return one(notice);
    case 'NOTIFY_IVR':
      return one(notice);
  }

  const clientNumber = fieldText(outbound ? p.destination : p.caller_id);
  if (!clientNumber) return missing(event, outbound ? 'destination' : 'caller_id');
  if (!when) return missing(event, 'call_start');
  // An extension dialling another one is not a client call: acknowledged, nothing to log.
  if (outbound && isExtension(clientNumber)) return one(notice);
  notice.direction = outbound ? 'out' : 'in';
  notice.clientNumber = clientNumber;
  const ours = fieldText(outbound ? p.caller_id : p.called_did);
  // On an outbound call caller_id may be the extension itself rather than the number the client saw.
  if (ours && ours !== internal) notice.ourNumber = ours;

  if (event === 'NOTIFY_START' || event === 'NOTIFY_OUT_START') {
    notice.stage = 'start';
    return one(notice);
  }
  // NOTIFY_END / NOTIFY_OUT_END
  const disposition = fieldText(p.disposition).toLowerCase();
  if (!disposition) return missing(event, 'disposition');
  const duration = wholeSeconds(p.duration);
  if (duration === undefined) return fail(event, 'notSeconds', 'duration');
  notice.stage = 'end';
  notice.answered = disposition === 'answered';
  notice.talkSeconds = notice.answered ? duration : 0;
  const rec = fieldText(p.call_id_with_rec);
  if (fieldText(p.is_recorded) === '1' && rec) notice.recording = rec;
  return one(notice);
}

function one(notice: CallNotice): NoticeRead {
  return { ok: true, notices: [notice] };
}
