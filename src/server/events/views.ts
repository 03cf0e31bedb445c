// Events as the sidebar, the Gmail card and the CLI receive them: plain JSON, instants as ISO strings.

import { eventViewOf } from '../../core/events/view';
import type { RowProblem } from '../../core/events';
import type { ProblemView } from '../../shared/events-dto';

export const eventView = eventViewOf;

export function problemView(p: RowProblem): ProblemView {
  return { row: p.row, column: p.column, value: p.value, message: p.message };
}

/** A damaged row as the open-events store keeps it (the same fields the screens show). */
export const storedProblem = problemView;
