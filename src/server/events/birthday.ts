// "Plan a congratulation": a planned event of the office's birthday kind and reason (Settings) on the client's next
// birthday at the office's hour (today's: the next hour), written like any planned event (logEvent).

import { congratulationTime, nextBirthday } from '../../core/events';
import { localDayKey, zonedInstant } from '../../core/events/zone';
import type { EventPatch } from '../../shared/events-dto';
import { scriptClock } from '../clock';
import { patchMessage, patchOf } from './change';
import { logEventIn } from './log';
import { logText } from './messages';
import { OfficeContext } from './office';
import { underWriteLock } from '../sheets/write-lock';

export function planCongratulation(input: { client: string; indexRow?: number; at?: string; as?: string }): EventPatch {
  return underWriteLock(() => planCongratulationNow(input));
}

function planCongratulationNow(input: { client: string; indexRow?: number; at?: string; as?: string }): EventPatch {
  const office = new OfficeContext();
  const now = input?.at ? new Date(input.at) : new Date(scriptClock.now());
  // Logged like any planned event, in its one read: the day, kind and reason are filled in once the client is known.
  const view = logEventIn(
    office,
    {
      client: String(input?.client ?? '').trim(),
      indexRow: input?.indexRow,
      kind: '',
      reason: '',
      planned: true,
      ...(input?.as ? { as: String(input.as) } : {}),
    },
    (client) => {
      const entry = client.indexed?.entry;
      const timeZone = office.timeZone;
      const next = entry?.birthday ? nextBirthday(entry.birthday, localDayKey(now, timeZone)) : undefined;
      if (!next) throw new Error(logText(office.locale, 'noBirthday', { name: client.name }));
      const t = congratulationTime(next.day, office.settings.get('birthdayHour'), now, timeZone);
      return {
        kind: office.settings.get('birthdayKind'),
        reason: office.settings.get('birthdayReason'),
        at: zonedInstant(t.y, t.m, t.d, t.h, 0, timeZone).toISOString(),
      };
    },
  );
  const { doneAt: _planned, ...fields } = view;
  const record = { ...fields, at: new Date(view.at) };
  return patchOf(record, { storeRow: 0, indexRow: input?.indexRow ?? 0 }, patchMessage('plan', record, office), office);
}
