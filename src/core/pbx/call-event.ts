// An ended, answered call as a done event of the Events sheet: its id made from the notice's key (a replayed
// notification makes the same id, so nothing can log it twice unnoticed) and its result text in the office's language.

import type { EventRecord } from '../events/row';
import { newEventId } from '../events/ids';
import { fnv1a } from '../hash';
import type { Locale } from '../i18n/locale';
import { pbxText, talkTime } from './messages';
import type { CallNotice } from './notice';
import type { EventFields } from '../../shared/events-dto';

/** The event's id: the call's start (ids sort by time) and a hash of the notice key as the sequence part. */
export function callEventId(key: string, startAt: Date): string {
  return newEventId(startAt.getTime(), fnv1a(key) % 36 ** 5);
}

/** "Incoming · talk 3:25 · line +7 495 … · ext. 101 · recording: …": what is known, in that order. */
export function callResult(
  notice: Pick<CallNotice, 'direction' | 'talkSeconds' | 'ourNumber' | 'extension' | 'recording'>,
  ourNumber: string,
  locale: Locale,
): string {
  const parts = [pbxText(locale, notice.direction === 'out' ? 'out' : 'in')];
  if (notice.talkSeconds && notice.talkSeconds > 0)
    parts.push(pbxText(locale, 'talk', { time: talkTime(notice.talkSeconds) }));
  if (ourNumber) parts.push(pbxText(locale, 'line', { line: ourNumber }));
  if (notice.extension) parts.push(pbxText(locale, 'extension', { extension: notice.extension }));
  if (notice.recording) parts.push(recordingText(notice.recording, locale));
  return parts.join(' · ');
}

export function recordingText(recording: string, locale: Locale): string {
  return pbxText(locale, 'recording', { recording });
}

/** The result with the recording added (unchanged when it already names it: a replayed recording notice). */
export function withRecording(result: string, recording: string, locale: Locale): string {
  if (!recording || result.includes(recording)) return result;
  return result ? `${result} · ${recordingText(recording, locale)}` : recordingText(recording, locale);
}

/** A call's event: the Events row's fields a call fills (the rest are a done event's defaults). */
export type CallEventInput = Pick<
  EventFields,
  'id' | 'kind' | 'reason' | 'client' | 'clientId' | 'phone' | 'manager' | 'result' | 'createdBy'
> & { at: Date };

export function callEvent(input: CallEventInput): EventRecord {
  return {
    ...input,
    allDay: false,
    nextStep: '',
    status: 'done',
    calendarEventId: '',
    rowNumber: 0,
  };
}
