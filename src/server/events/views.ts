// Events as the sidebar, the Gmail card and the CLI receive them: plain JSON, instants as ISO strings.

import { RowProblem } from '../../core/events';
import type { EventView, ProblemView } from '../../shared/events-dto';
import { LoggedEvent } from './sheet';

export function eventView(e: LoggedEvent): EventView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    allDay: e.allDay,
    kind: e.kind,
    reason: e.reason,
    client: e.client,
    clientId: e.clientId,
    phone: e.phone,
    manager: e.manager,
    result: e.result,
    nextStep: e.nextStep,
    status: e.status,
    calendarEventId: e.calendarEventId,
    createdBy: e.createdBy,
    rowNumber: e.rowNumber,
  };
}

export function problemView(p: RowProblem): ProblemView {
  return { row: p.row, column: p.column, value: p.value, message: p.message };
}
