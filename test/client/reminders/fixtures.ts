// Small builders of the Reminders contract's values for the sidebar's unit tests.

import type { DueEventView, DueView, EventPatch, RemindersView } from '../../../src/shared/events-dto';

export const TODAY = '2026-12-02';

export function dueEvent(id: string, at: string, fields: Partial<DueEventView> = {}): DueEventView {
  return {
    id,
    allDay: false,
    kind: 'Визит',
    reason: 'Стрижка',
    client: `Клиент ${id}`,
    clientId: `people/c${id}`,
    phone: '+79161234567',
    manager: 'Анна',
    result: '',
    nextStep: '',
    status: 'planned',
    calendarEventId: '',
    createdBy: '',
    rowNumber: 0,
    at,
    overdue: false,
    day: at.slice(0, 10),
    lastContact: null,
    hints: { storeRow: Number(id.replace(/\D/g, '')) || 1 },
    ...fields,
  };
}

export function dueView(
  events: DueEventView[],
  fields: Partial<DueView> = {},
  totals: Record<string, number> = {},
): DueView {
  const managers = [...new Set(events.map((e) => e.manager))];
  return {
    at: `${TODAY}T09:00:00Z`,
    timeZone: 'UTC',
    from: TODAY,
    to: TODAY,
    groups: managers.map((manager) => {
      const mine = events.filter((e) => e.manager === manager);
      return { manager, events: mine, total: totals[manager] ?? mine.length };
    }),
    total: events.length,
    overdue: events.filter((e) => e.overdue).length,
    offset: 0,
    ...fields,
  };
}

export function remindersView(due: DueView, ahead = { tomorrow: 0, week: 0 }): RemindersView {
  return {
    locale: 'ru',
    timeZone: 'UTC',
    me: '',
    manager: '',
    eventsEnd: 0,
    due,
    ahead,
    quiet: { items: [], total: 0 },
    interested: { items: [], total: 0 },
    missedCalls: { items: [], total: 0 },
    birthdays: { items: [], total: 0 },
    problems: [],
    kinds: [],
    reasons: [],
    managers: ['Анна', 'Борис'],
  };
}

/** The patch the server returns for `event` now due at `at` (open unless said otherwise). */
export function patchOf(event: DueEventView, change: Partial<EventPatch> & { at?: string } = {}): EventPatch {
  const at = change.at ?? event.at;
  const { at: _at, ...rest } = change;
  return {
    event: { ...stripDue(event), at },
    open: true,
    hints: { storeRow: 99 },
    day: at.slice(0, 10),
    overdue: at.slice(0, 10) < TODAY,
    message: 'Перенесено',
    ...rest,
  };
}

function stripDue(e: DueEventView) {
  const { overdue: _o, day: _d, lastContact: _l, hints: _h, ...view } = e;
  return view;
}
