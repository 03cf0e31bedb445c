// The server half of the one resolver (core/clients): what a text names, answered from the Card index, and the client
// an event is written for. Decisions:
// - an e-mail or a full phone is first looked up by its key (one TextFinder on the keys column, then the row), so
//   logging from the Gmail card or by e-mail never reads the whole index; a name or a phone tail reads the list lines
//   of every client (one getValues) and core decides;
// - a contact the index does not hold yet (created outside the CRM a minute ago) is still found by its resourceName
//   (People get) or its exact e-mail or phone (People searchContacts): the index can lag, a contact cannot;
// - an event is written for ONE client only: several candidates or none is a refusal listing the candidates, unless
//   the user chose "without a client" (`noClient`), when the row names the text only.

import type { ClientSummary } from '../../core/card-index';
import { indexKeyOf, summaryOfEntry } from '../../core/card-index';
import { isEmail, isPhoneLike, isResourceName, resolveClientText } from '../../core/clients';
import type { Locale } from '../../core/i18n/locale';
import type { ResolveView } from '../../shared/clients-dto';
import type { LogEventInput } from '../../shared/events-dto';
import { IndexedRow, indexSheet, readRow, rowsByKey, rowsOfContact } from '../card-index/index-sheet';
import { OfficeContext } from '../events/office';
import { logText } from '../events/messages';
import { withRetry } from '../people/gateway';
import { peopleApi } from '../people/people';
import { accountContactsWithKeys } from '../people/search';
import { personPhone, personSummary } from './person';
import { clientSummaries } from './summaries';

type Person = GoogleAppsScript.People.Schema.Person;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Who an event is with, as its row stores it. */
export interface ClientRef {
  /** 'people/c…', or '' when the user chose to log without a client (the row names the text only). */
  clientId: string;
  name: string;
  phone: string;
  /** The client's Card index row, when the lookup read it: noting the event then need not find it again. */
  indexed?: IndexedRow;
}

/** What a text names, with the row to write when it names one client. */
interface Resolved {
  view: ResolveView;
  ref?: ClientRef;
}

const READ_MASK = 'names,phoneNumbers,emailAddresses,userDefined';

function refOfRow(row: IndexedRow): ClientRef {
  return { clientId: row.resourceName, name: row.entry.name, phone: row.entry.phones[0] ?? '', indexed: row };
}

/** A list line for an index row (the candidates of a refusal, the sidebar's pick). */
const summaryOfRow = (row: IndexedRow): ClientSummary => summaryOfEntry(row.resourceName, row.keys, row.entry);

function fromPerson(p: Person, defaultCountry: string): Resolved {
  const client = personSummary(p, [], defaultCountry);
  return {
    view: { kind: 'one', client },
    ref: { clientId: client.resourceName, name: client.name, phone: personPhone(p) },
  };
}

function byResourceName(sheet: Sheet | undefined, id: string, office: OfficeContext): Resolved {
  const rowNumber = sheet ? rowsOfContact(sheet, id)[0] : undefined;
  const row = sheet && rowNumber ? readRow(sheet, rowNumber) : undefined;
  if (row) {
    const indexed = { ...row, rowNumber: rowNumber! };
    return { view: { kind: 'one', client: summaryOfRow(indexed) }, ref: refOfRow(indexed) };
  }
  try {
    const p = withRetry(() => peopleApi().People!.get(id, { personFields: READ_MASK }));
    return fromPerson(p, office.settings.get('defaultCountry'));
  } catch (e) {
    if ((e as { details?: { code?: number } })?.details?.code === 404) return { view: { kind: 'none', query: id } };
    throw e;
  }
}

function byKey(sheet: Sheet | undefined, text: string, key: string, office: OfficeContext): Resolved | undefined {
  const rows = sheet ? rowsByKey(sheet, key) : [];
  if (rows.length === 1) return { view: { kind: 'one', client: summaryOfRow(rows[0]) }, ref: refOfRow(rows[0]) };
  if (rows.length > 1) return { view: { kind: 'several', candidates: rows.map(summaryOfRow) } };
  const country = office.settings.get('defaultCountry');
  const people = accountContactsWithKeys([key], country, READ_MASK);
  if (people.length === 1) return fromPerson(people[0], country);
  if (people.length > 1)
    return { view: { kind: 'several', candidates: people.map((p) => personSummary(p, [], country)) } };
  // A phone not on file may still be the tail of one that is: the list lines decide.
  return isEmail(text) ? { view: { kind: 'none', query: text } } : undefined;
}

/** What `text` names: one client (with the row to write), several candidates, or no one. */
export function resolveText(text: string, office: OfficeContext): Resolved {
  const query = String(text ?? '').trim();
  if (!query) return { view: { kind: 'none', query } };
  const sheet = indexSheet(office.ss);
  if (isResourceName(query)) return byResourceName(sheet, query, office);
  const country = office.settings.get('defaultCountry');
  const key = isEmail(query) || isPhoneLike(query) ? indexKeyOf(query, country) : undefined;
  const keyed = key ? byKey(sheet, query, key, office) : undefined;
  if (keyed) return keyed;
  const view = resolveClientText(query, sheet ? clientSummaries(office.ss) : [], { defaultCountry: country });
  if (view.kind !== 'one') return { view };
  const rowNumber = sheet ? rowsOfContact(sheet, view.client.resourceName)[0] : undefined;
  const row = sheet && rowNumber ? readRow(sheet, rowNumber) : undefined;
  const ref: ClientRef = row
    ? refOfRow({ ...row, rowNumber: rowNumber! })
    : { clientId: view.client.resourceName, name: view.client.name, phone: view.client.phones[0] ?? '' };
  return { view, ref };
}

const CANDIDATES_IN_MESSAGE = 5;

/** "Петрова Мария (+79123456789), Петрова Мария (+79990001122)" and how many more. */
function candidateList(candidates: ClientSummary[], locale: Locale): string {
  const shown = candidates
    .slice(0, CANDIDATES_IN_MESSAGE)
    .map((c) => (c.phones[0] ? `${c.name} (${c.phones[0]})` : c.emails[0] ? `${c.name} (${c.emails[0]})` : c.name));
  const more = candidates.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${logText(locale, 'andMore', { count: String(more) })}` : shown.join(', ');
}

/** Why a text cannot be logged for: several candidates (listed) or no client, in the office's words. */
export function unresolvedMessage(view: ResolveView, query: string, locale: Locale): string {
  const quoted = query.slice(0, 60);
  if (view.kind === 'none' && isResourceName(query)) return logText(locale, 'contactGone', { id: quoted });
  return view.kind === 'several'
    ? logText(locale, 'severalClients', { query: quoted, candidates: candidateList(view.candidates, locale) })
    : logText(locale, 'unknownClient', { query: quoted });
}

/**
 * The client a new event is written for: ONE client the text resolves to, or, when the user chose "without a
 * client", the text alone. Anything else is refused with the candidates, and nothing is written.
 */
export function eventClient(input: LogEventInput, office: OfficeContext): ClientRef {
  const text = String(input.client ?? '').trim();
  if (!text) throw new Error(logText(office.locale, 'noClient'));
  if (input.noClient === true) return { clientId: '', name: text, phone: isPhoneLike(text, 5) ? text : '' };
  const resolved = resolveText(text, office);
  if (resolved.ref) return resolved.ref;
  throw new Error(unresolvedMessage(resolved.view, text, office.locale));
}
