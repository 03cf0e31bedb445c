// One client's events from the Events sheet without reading the whole log: one TextFinder on the contact-id column,
// one on the client column for rows that name the client only by text (restored by hand, logged before the contact
// existed), then the found rows, nearby ones in one read (sheets/table.ts rowsAt). At 100,000 events that is a
// handful of requests and a few KB instead of one read of every row.

import { EventRecord, parseEventRows } from '../../core/events';
import { clientKey } from '../../core/events/row';
import { OfficeContext } from '../events/office';
import { eventsTable } from '../events/sheet';
import { orderProblems } from '../../core/orders/totals';
import type { ProblemView } from '../../shared/events-dto';

/** Every event of the contact (by its id) and those naming it by `name` only, in no particular order. */
export function clientEvents(office: OfficeContext, resourceName: string, name: string): EventRecord[] {
  return clientEventRows(office, resourceName, name).events;
}

/**
 * The same events, and the order cells among the found rows that cannot be counted (core/orders/totals.ts), by their
 * sheet row: the rows are read anyway, so the problems cost nothing more.
 */
export function clientEventRows(
  office: OfficeContext,
  resourceName: string,
  name: string,
): { events: EventRecord[]; orderProblems: ProblemView[] } {
  const table = eventsTable(office);
  const byId = table.findRows('clientId', resourceName);
  const byName = name.trim() ? table.findRows('client', name.trim(), { matchCase: false }) : [];
  const found = table.rowsAt([...byId, ...byName]);
  if (!found.length) return { events: [], orderProblems: [] };
  // The found rows under a header of column keys (findTable knows a column by its key): the one row codec reads them.
  const width = Math.max(...Object.values(table.columns)) + 1;
  const header: unknown[] = new Array(width).fill('');
  for (const [key, c] of Object.entries(table.columns)) if (c >= 0) header[c] = key;
  const values = [header, ...found.map((r) => r.cells)];
  const parse = (statusNames?: Parameters<typeof parseEventRows>[1]['statusNames']) =>
    parseEventRows(values, { timeZone: office.timeZone, locale: office.locale, now: new Date(), statusNames });
  let parsed = parse();
  if (parsed.problems.some((p) => p.code === 'bad-status')) {
    const own = office.lists.statuses;
    if (Object.keys(own).length) parsed = parse(own);
  }
  const nameKey = clientKey({ clientId: '', client: name });
  const events = parsed.events
    .map((e) => ({ ...e, rowNumber: found[e.rowNumber - 2].rowNumber }))
    .filter((e) => e.clientId === resourceName || (!e.clientId && clientKey(e) === nameKey));
  // Only the rows that are this client's (a name search also finds namesakes' rows).
  const mine = new Set(events.map((e) => e.rowNumber));
  const problems = orderProblems(values, office.locale, (i) => found[i - 1].rowNumber).filter((p) => mine.has(p.row));
  return { events, orderProblems: problems };
}

/** Planned ones soonest first (overdue included); done and cancelled newest first. */
export function splitHistory(events: EventRecord[]): { planned: EventRecord[]; past: EventRecord[] } {
  const planned = events.filter((e) => e.status === 'planned').sort((a, b) => a.at.getTime() - b.at.getTime());
  const past = events.filter((e) => e.status !== 'planned').sort((a, b) => b.at.getTime() - a.at.getTime());
  return { planned, past };
}
