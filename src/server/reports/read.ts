// Everything a refresh of the Reports sheet or the Dashboard needs, in ONE values.batchGet: the whole Events sheet,
// the Card index's list lines, the open-events store, Lists, Labels and Settings, and the top of the Reports sheet
// (the office's choice of period) — each range once. The reference sheets prime the OfficeContext, so the zone, the
// funnel stages and the settings cost nothing more. Sheet handles are free (getSheets); nothing else is asked here.

import { ClientSummary, summaryOfRowCells } from '../../core/card-index';
import { OpenEvent, openEventsFrom, parseEventRows, parseFunnelStages, quietDaysByLabel } from '../../core/events';
import type { ReportEvent } from '../../core/reports';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { a1, BatchRead } from '../sheets/values-batch';
import { askReferenceSheets } from '../events/day-read';
import { indexSheet } from '../card-index/index-sheet';
import { logText } from '../events/messages';
import { OfficeContext } from '../events/office';
import type { FunnelStage } from '../../core/events/lists';
import { orderProblems } from '../../core/orders/totals';
import type { ProblemView } from '../../shared/events-dto';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReportRead {
  events: ReportEvent[];
  /** Rows of the Events sheet that could not be read (skipped, as every screen skips them). */
  problems: number;
  clients: ClientSummary[];
  open: OpenEvent[];
  stages: FunnelStage[];
  /** Order cells that could not be counted (core/orders/totals.ts orderProblems), from the same values. */
  orderProblems: ProblemView[];
  /** The values of the `extra` sheets asked for, by the name the caller gave (e.g. the Reports sheet's top rows). */
  extra: Record<string, unknown[][]>;
}

/** The Lists sheet's values, primed by the read (the funnel's stages live there, beside the reasons). */
function listsValues(office: OfficeContext): unknown[][] {
  return office.values('lists');
}

/** `extra`: more ranges read in the same request, by name → [sheet, A1 range or undefined for the whole sheet]. */
export function readForReports(
  office: OfficeContext,
  extra: Record<string, { sheet: Sheet; range?: string }> = {},
): ReportRead {
  const ss = office.ss;
  const batch = new BatchRead();
  const ask = batch.ask.bind(batch);
  askReferenceSheets(batch, office, ['settings', 'lists', 'labels']);
  const eventsSheet = crmSheet('events', ss);
  if (!eventsSheet) throw new Error(logText(office.locale, 'noEventsSheet'));
  let eventValues: unknown[][] = [];
  ask(a1(eventsSheet.getName()), (v) => (eventValues = v));
  const clients: ClientSummary[] = [];
  const index = indexSheet(ss);
  if (index)
    ask(a1(index.getName(), 'A2:C'), (v) =>
      v.forEach((cells, i) => {
        const s = summaryOfRowCells(cells[0], cells[1], cells[2]);
        if (s) clients.push({ ...s, indexRow: i + 2 });
      }),
    );
  let open: OpenEvent[] = [];
  const store = crmSheet('openEvents', ss);
  if (store)
    ask(
      a1(store.getName(), 'A2:C'),
      (v) =>
        // The store's rows from 2 (row 1 is its header); damaged rows are the Reminders screen's to report.
        (open = openEventsFrom(v, 2)),
    );
  const out: Record<string, unknown[][]> = {};
  for (const [name, { sheet, range }] of Object.entries(extra)) ask(a1(sheet.getName(), range), (v) => (out[name] = v));
  batch.read(ss);
  // Read after the batch: the zone and the status words come from the Settings and Lists just primed.
  const parsed = parseEventRows(eventValues, {
    timeZone: office.timeZone,
    locale: office.locale,
    statusNames: office.lists.statuses,
  });
  return {
    events: parsed.events,
    problems: parsed.problems.length,
    orderProblems: orderProblems(eventValues, office.locale),
    clients,
    open,
    stages: parseFunnelStages(listsValues(office)),
    extra: out,
  };
}

/** The quiet rule's per-label periods from the Labels sheet read above. */
export function labelQuietDays(office: OfficeContext): Record<string, number> {
  return quietDaysByLabel(office.labels);
}
