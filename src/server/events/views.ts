// Events as the sidebar, the Gmail card and the CLI receive them: plain JSON, instants as ISO strings.

import type { EventRecord, RowProblem } from '../../core/events';
import type { EventView, ProblemView } from '../../shared/events-dto';

/** The record as JSON: the same fields, the instant as ISO. */
export function eventView(event: EventRecord): EventView {
  const { at, ...fields } = event;
  return { ...fields, at: at.toISOString() };
}

export function problemView(p: RowProblem): ProblemView {
  return { row: p.row, column: p.column, value: p.value, message: p.message };
}
