// Rewrites the CRM line (core/clients/crm-line.ts) on clients' contacts in the current execution: one getBatchGet of
// their notes and etags, one batchUpdateContacts of those whose line is not right yet (≤ 200 each), never touching
// the staff's own note text. Decisions:
// - not journalled: the line is the CRM's derived text, not anyone's change to the client (and the backup's hash,
//   the nightly outside-change sync and the journal's diffs leave it out: core/clients/crm-line.ts withoutCrmLines);
// - never throws: the event or the card it follows is written already; a contact that could not be written (deleted,
//   a refused request) is counted failed and its line waits for the next change;
// - a stale etag (someone edited the contact between our read and our write: Google refuses the whole batch) is
//   read again once and applied over what is there now, so their edit is kept.

import type { ClientIndexEntry } from '../../core/card-index/entry';
import { crmLine, withCrmLine } from '../../core/clients/crm-line';
import { isStaleEtag } from '../../core/ports/people-errors';
import { redactForLog } from '../../core/redact';
import type { OfficeContext } from '../events/office';
import { batchUpdate, LIMITS, Person, withRetry } from '../people/gateway';
import { peopleApi } from '../people/people';

export interface CrmLineResult {
  updated: number;
  /** Contacts whose line was already right (no write). */
  unchanged: number;
  /** Contacts that could not be written (deleted, a failed request): their line waits for the next change. */
  failed: number;
  /** resourceName → the contact's etag after our write (a card that just saved keeps a current etag). */
  etags?: Record<string, string>;
}

/** What the line is made from and written over: the note and the etag (and the sources a write names). */
const LINE_FIELDS = 'biographies,metadata';

export interface CrmLineOptions {
  /**
   * Contacts this execution has just read or written with their biographies, etag and metadata (the card's save):
   * used as they are instead of being read again.
   */
  known?: Person[];
}

/** The contacts by resourceName as getBatchGet gives them; a deleted one is absent. */
function readContacts(resourceNames: string[]): Map<string, Person> {
  const out = new Map<string, Person>();
  for (let i = 0; i < resourceNames.length; i += LIMITS.getBatch) {
    const chunk = resourceNames.slice(i, i + LIMITS.getBatch);
    const r = withRetry(() => peopleApi().People!.getBatchGet({ resourceNames: chunk, personFields: LINE_FIELDS }));
    for (const x of r.responses ?? []) if (x.person?.resourceName) out.set(String(x.person.resourceName), x.person);
  }
  return out;
}

/** The update of one contact's note to carry `line`; undefined when it carries it already. */
function lineUpdate(person: Person, line: string): Person | undefined {
  const [first, ...rest] = person.biographies ?? [];
  const note = String(first?.value ?? '');
  const wanted = withCrmLine(note, line);
  if (wanted === note) return undefined;
  const strip = ({ metadata: _m, ...b }: NonNullable<Person['biographies']>[number]) => b;
  const body: Person = {
    etag: person.etag,
    biographies: [{ ...(first ? strip(first) : {}), value: wanted, contentType: 'TEXT_PLAIN' }, ...rest.map(strip)],
  };
  const sources = (person.metadata?.sources ?? []).filter((s) => s.type === 'CONTACT');
  if (sources.length) body.metadata = { sources: sources.map((s) => ({ type: s.type, id: s.id, etag: s.etag })) };
  return body;
}

export function updateCrmLines(
  entries: ClientIndexEntry[],
  office: OfficeContext,
  options: CrmLineOptions = {},
): CrmLineResult {
  const result: CrmLineResult = { updated: 0, unchanged: 0, failed: 0, etags: {} };
  const lines = new Map<string, string>();
  for (const e of entries) if (e?.resourceName) lines.set(e.resourceName, '');
  if (!lines.size) return result;
  try {
    const locale = office.locale;
    const timeZone = office.timeZone;
    for (const e of entries) if (e?.resourceName) lines.set(e.resourceName, crmLine(e, locale, timeZone));
  } catch (e) {
    console.warn(`CRM lines not built: ${redactForLog(e)}`);
    return { ...result, failed: lines.size };
  }
  const known = new Map((options.known ?? []).map((p) => [String(p.resourceName ?? ''), p] as const));
  const names = [...lines.keys()];
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += LIMITS.updateBatch) chunks.push(names.slice(i, i + LIMITS.updateBatch));
  for (const chunk of chunks) writeChunk(chunk, lines, known, result);
  return result;
}

/** One batch: read (unless known), write those not right, once more over a fresh read if Google refused it. */
function writeChunk(
  chunk: string[],
  lines: Map<string, string>,
  known: Map<string, Person>,
  result: CrmLineResult,
): void {
  let persons: Map<string, Person>;
  try {
    const unknown = chunk.filter((rn) => !known.has(rn));
    persons = unknown.length ? readContacts(unknown) : new Map();
    for (const rn of chunk) if (known.has(rn)) persons.set(rn, known.get(rn)!);
  } catch (e) {
    console.warn(`CRM lines: ${chunk.length} contact(s) not read: ${redactForLog(e)}`);
    result.failed += chunk.length;
    return;
  }
  for (let attempt = 1; ; attempt++) {
    const updates: Record<string, Person> = {};
    let gone = 0;
    let right = 0;
    for (const rn of chunk) {
      const person = persons.get(rn);
      if (!person) gone++;
      else {
        const update = lineUpdate(person, lines.get(rn)!);
        if (update) updates[rn] = update;
        else right++;
      }
    }
    const count = Object.keys(updates).length;
    try {
      if (count) {
        const written = batchUpdate(updates, 'biographies', 'metadata');
        for (const [rn, p] of Object.entries(written)) if (p.etag) result.etags![rn] = String(p.etag);
      }
      result.updated += count;
      result.unchanged += right;
      result.failed += gone;
      return;
    } catch (refused) {
      let e = refused;
      // Edited or deleted between our read and our write (one refusal fails the batch): read again, apply once more.
      const retry = attempt === 1 && (isStaleEtag(e) || code(e) === 404);
      if (retry) {
        try {
          const stale = Object.keys(updates);
          const fresh = readContacts(stale);
          for (const rn of stale) {
            const p = fresh.get(rn);
            if (p) persons.set(rn, p);
            else persons.delete(rn);
          }
          continue;
        } catch (again) {
          e = again;
        }
      }
      console.warn(`CRM lines: ${count} contact(s) not written: ${redactForLog(e)}`);
      result.unchanged += right;
      result.failed += count + gone;
      return;
    }
  }
}

/**
 * After an event moved a client's index entry (events/log.ts, events/change.ts): the line rewritten in the same
 * execution when it reads differently now — an event that leaves it as it was (a change to a later planned step, a
 * calendar id) costs no request.
 */
export function crmLineAfter(
  before: ClientIndexEntry | undefined,
  after: ClientIndexEntry | undefined,
  office: OfficeContext,
): CrmLineResult | undefined {
  if (!after?.resourceName) return undefined;
  try {
    const locale = office.locale;
    const timeZone = office.timeZone;
    if (before && crmLine(before, locale, timeZone) === crmLine(after, locale, timeZone)) return undefined;
  } catch (e) {
    console.warn(`CRM line not built: ${redactForLog(e)}`);
    return undefined;
  }
  return updateCrmLines([after], office);
}

function code(e: unknown): number | undefined {
  return (e as { details?: { code?: number } })?.details?.code;
}
