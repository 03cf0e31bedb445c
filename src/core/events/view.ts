// An event as the sidebar, the Gmail card and the CLI receive it: plain JSON, the instant as ISO 8601.

import type { EventView } from '../../shared/events-dto';
import type { EventRecord } from './row';

/** The record's fields (a store row's position left out: hints carry it), the instant as ISO. */
export function eventViewOf(event: EventRecord & { storeRow?: number; indexRow?: number }): EventView {
  const { at, doneAt, storeRow: _s, indexRow: _i, ...fields } = event;
  return { ...fields, at: at.toISOString(), ...(doneAt ? { doneAt: doneAt.toISOString() } : {}) };
}
