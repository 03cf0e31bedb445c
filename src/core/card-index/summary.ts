// What a client list shows and a search matches, one line per client: the Card index sheet keeps it in its own
// column beside the entry, so a search reads the keys and these lines (a few MB at 25,000 clients) and never the
// entries' histories. E-mails and phones are not repeated here: the keys column holds them, normalised (lower-case
// e-mails, E.164 phones).

import type { ClientIndexEntry } from './entry';
import { isMissedCallKind } from '../events/missed-kinds';
import { keysFromCell } from './keys';

export interface ClientSummary {
  resourceName: string;
  /** As the card shows it: family, given, middle ("Иванов Иван Иванович"). */
  name: string;
  /** E.164, from the index keys. */
  phones: string[];
  /** Lower-case, from the index keys. */
  emails: string[];
  labels: string[];
  manager: string;
  /** ISO instant of the last done event, or null when the client was never contacted. */
  lastContact: string | null;
  /** ISO instant of the next planned event (an overdue one first: it is still to do), or null. */
  nextPlanned: string | null;
  /** `YYYY-MM-DD`, `--MM-DD` without a year, or ''. */
  birthday: string;
  /** The reason of the last done event ('' when never contacted): "interested, no order" reads it. */
  lastReason: string;
  lastKind: string;
  /** Missed calls since the last real contact (the latest one's instant), or null. */
  missed: { count: number; at: string } | null;
  /** The client's row in the Card index sheet when it was read: a hint sent back with actions, checked there. */
  indexRow?: number;
}

/** The summary cell: short keys, because 25,000 of them are read by every search. */
interface SummaryCell {
  n: string;
  l?: string[];
  m?: string;
  lc?: string;
  np?: string;
  b?: string;
  lr?: string;
  lk?: string;
  /** Missed calls since the last real contact, and the latest one's instant. */
  mn?: number;
  ma?: string;
}

/**
 * Missed calls at the head of the client's recent done events (newest first) — since the last real contact. The entry
 * keeps only its last few events, so a count that fills them reads as "at least" that many.
 */
export function missedSince(entry: ClientIndexEntry): { count: number; at: string } | null {
  let count = 0;
  for (const e of entry.recent) {
    if (!isMissedCallKind(e.kind)) break;
    count++;
  }
  return count ? { count, at: entry.recent[0].at } : null;
}

export function summaryCell(entry: ClientIndexEntry): string {
  const cell: SummaryCell = { n: entry.name };
  if (entry.labels.length) cell.l = entry.labels;
  if (entry.manager) cell.m = entry.manager;
  if (entry.lastContact) cell.lc = entry.lastContact.at;
  if (entry.planned[0]) cell.np = entry.planned[0].at;
  if (entry.birthday) cell.b = entry.birthday;
  if (entry.lastContact?.reason) cell.lr = entry.lastContact.reason;
  if (entry.lastContact?.kind) cell.lk = entry.lastContact.kind;
  const missed = missedSince(entry);
  if (missed) {
    cell.mn = missed.count;
    cell.ma = missed.at;
  }
  return JSON.stringify(cell);
}

/** The summary of an index entry filed under `keys` (lower-case e-mails, E.164 phones). */
export function summaryOfEntry(resourceName: string, keys: string[], entry: ClientIndexEntry): ClientSummary {
  return {
    resourceName,
    name: entry.name,
    phones: keys.filter((k) => k.startsWith('+')),
    emails: keys.filter((k) => k.includes('@')),
    labels: [...entry.labels],
    manager: entry.manager,
    lastContact: entry.lastContact?.at ?? null,
    nextPlanned: entry.planned[0]?.at ?? null,
    birthday: entry.birthday ?? '',
    lastReason: entry.lastContact?.reason ?? '',
    lastKind: entry.lastContact?.kind ?? '',
    missed: missedSince(entry),
  };
}

/** An entry's JSON as a cell holds it; undefined for anything else. */
export function entryFromCell(cell: unknown): ClientIndexEntry | undefined {
  const text = String(cell ?? '');
  if (!text.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(text) as ClientIndexEntry;
    return entry && typeof entry === 'object' && Array.isArray(entry.planned) && Array.isArray(entry.recent)
      ? entry
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summary from one index row's cells. A row of an index written before the list line had its column (third
 * column = the entry's JSON) still reads, from the entry, until the next rebuild rewrites the sheet.
 */
export function summaryOfRowCells(
  keysValue: unknown,
  resourceName: unknown,
  cellValue: unknown,
): ClientSummary | undefined {
  const summary = summaryFrom(keysValue, resourceName, cellValue);
  if (summary) return summary;
  const entry = entryFromCell(cellValue);
  const id = String(resourceName ?? '').trim();
  return entry && id ? summaryOfEntry(id, keysFromCell(keysValue), entry) : undefined;
}

/** The summary from one index row's cells; undefined for a row the codec cannot read (damaged by hand). */
export function summaryFrom(keysValue: unknown, resourceName: unknown, cellValue: unknown): ClientSummary | undefined {
  const keys = keysFromCell(keysValue);
  const id = String(resourceName ?? '').trim();
  const text = String(cellValue ?? '');
  if (!id || !text.startsWith('{')) return undefined;
  try {
    const cell = JSON.parse(text) as SummaryCell;
    if (typeof cell.n !== 'string') return undefined;
    return {
      resourceName: id,
      name: cell.n,
      phones: keys.filter((k) => k.startsWith('+')),
      emails: keys.filter((k) => k.includes('@')),
      labels: Array.isArray(cell.l) ? cell.l.map(String) : [],
      manager: typeof cell.m === 'string' ? cell.m : '',
      lastContact: typeof cell.lc === 'string' ? cell.lc : null,
      nextPlanned: typeof cell.np === 'string' ? cell.np : null,
      birthday: typeof cell.b === 'string' ? cell.b : '',
      lastReason: typeof cell.lr === 'string' ? cell.lr : '',
      lastKind: typeof cell.lk === 'string' ? cell.lk : '',
      missed:
        typeof cell.mn === 'number' && cell.mn > 0 && typeof cell.ma === 'string'
          ? { count: cell.mn, at: cell.ma }
          : null,
    };
  } catch {
    return undefined;
  }
}
