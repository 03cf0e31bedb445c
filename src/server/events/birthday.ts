// "Plan a congratulation": a planned event of the office's birthday kind and reason (Settings) on the client's next
// birthday at the office's hour (today's: the next hour), written like any planned event (logEvent).

import { congratulationTime, nextBirthday } from '../../core/events';
import { localDayKey, zonedInstant } from '../../core/events/zone';
import type { EventPatch } from '../../shared/events-dto';
import { scriptClock } from '../clock';
import { resolveText } from '../clients/resolve';
import { patchMessage, patchOf } from './change';
import { readDay } from './day-read';
import { logEvent } from './log';
import { logText } from './messages';
import { OfficeContext } from './office';

export function planCongratulation(input: { client: string; indexRow?: number; at?: string }): EventPatch {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings'], index: [input?.indexRow ?? 0] });
  const id = String(input?.client ?? '').trim();
  const hinted = read.index?.rows.get(input?.indexRow ?? 0);
  const entry = hinted && hinted.resourceName === id ? hinted.entry : resolveText(id, office).ref?.indexed?.entry;
  const now = input?.at ? new Date(input.at) : new Date(scriptClock.now());
  const timeZone = office.timeZone;
  const next = entry?.birthday ? nextBirthday(entry.birthday, localDayKey(now, timeZone)) : undefined;
  if (!entry || !next) throw new Error(logText(office.locale, 'noBirthday', { name: entry?.name ?? id }));
  const t = congratulationTime(next.day, office.settings.get('birthdayHour'), now, timeZone);
  const at = zonedInstant(t.y, t.m, t.d, t.h, 0, timeZone);
  const settings = office.settings;
  const view = logEvent({
    client: entry.resourceName,
    indexRow: input.indexRow,
    kind: settings.get('birthdayKind'),
    reason: settings.get('birthdayReason'),
    planned: true,
    at: at.toISOString(),
  });
  const record = { ...view, at: new Date(view.at) };
  return patchOf(record, { storeRow: 0, indexRow: input.indexRow ?? 0 }, patchMessage('plan', record, office), office);
}
