// The Client sidebar's card and history, and saving the card: getClient and saveClient. A card is read in one
// People get (every field it shows, the memberships and the etag) plus one ContactGroups listing for the labels'
// names; the history comes from the found rows of the Events sheet (history.ts). A save is one updateContact with the
// etag the user saw — labels included, as memberships of the same request, so a change is one write and one etag;
// when the contact changed since, it is re-read and merged three ways (core/clients/card.ts): a conflict is shown,
// never overwritten.

import {
  CARD_PERSON_FIELDS,
  cardName,
  cardOf,
  CardProblem,
  checkChanges,
  effectiveChanges,
  mergeCards,
  personUpdate,
} from '../../core/clients/card';
import type {
  ClientCard,
  ClientCardChanges,
  ClientHistoryInput,
  ClientView,
  SaveClientInput,
  SaveClientResult,
} from '../../shared/clients-dto';
import { noteContact } from '../card-index/client-index';
import { updateCrmLines } from './crm-line';
import { OfficeContext } from '../events/office';
import { eventView } from '../events/views';
import { Person, withRetry } from '../people/gateway';
import { isStaleEtag } from '../../core/ports/people-errors';
import { labelGroups, labelNames, labelsOf } from '../people/labels';
import { peopleApi } from '../people/people';
import { clientEventRows, splitHistory } from './history';
import { clientMoney } from '../orders/client-money';
import { clientText, notResolved, refusedChange } from './messages';
import { oneClient } from './resolve-one';
import { scopeOf } from '../staff/scope';
import { roleText } from '../staff/messages';
import type { Locale } from '../../core/i18n/locale';
import { journalClientName, makeChange, stateOf } from '../../core/backup/journal';
import { appendChanges } from '../backup/journal-sheet';
import { scriptClock } from '../clock';

type Membership = GoogleAppsScript.People.Schema.Membership;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** A lost race is re-read and merged again this many times before the save gives up. */
const SAVE_ATTEMPTS = 3;

function code(e: unknown): number | undefined {
  return (e as { details?: { code?: number } })?.details?.code;
}

/** The contact with every card field; a contact deleted since is said so in the office's words. */
export function readPerson(resourceName: string, locale: Locale): Person {
  try {
    return withRetry(() => peopleApi().People!.get(resourceName, { personFields: CARD_PERSON_FIELDS }));
  } catch (e) {
    if (code(e) === 404) throw notResolved(clientText(locale, 'contactGone', { id: resourceName }));
    throw e;
  }
}

export function getClient(input: ClientHistoryInput): ClientView {
  const office = new OfficeContext();
  const locale = office.locale;
  const { resourceName } = oneClient(input?.client, office);
  const person = readPerson(resourceName, locale);
  const card = cardOf(person, labelsOf(person, labelNames()));
  refuseOthersClient(card.manager, office, input?.as);
  const name = cardName(card);
  const rows = clientEventRows(office, resourceName, name);
  const { planned, past } = splitHistory(rows.events);
  const offset = Math.max(0, Math.floor(Number(input?.offset) || 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number(input?.limit) || DEFAULT_LIMIT)));
  const lastDone = past.find((e) => e.status === 'done');
  return {
    client: {
      ...card,
      name,
      lastContact: lastDone ? lastDone.at.toISOString() : null,
      nextPlanned: planned[0] ? planned[0].at.toISOString() : null,
    },
    planned: planned.map(eventView),
    events: past.slice(offset, offset + limit).map(eventView),
    total: past.length,
    offset,
    limit,
    money: clientMoney(office, rows.events, rows.orderProblems),
  };
}

/** Settings → onlyOwn: a manager opens only the cards that name them as the client's manager. */
function refuseOthersClient(manager: string, office: OfficeContext, chosen?: string): void {
  const own = scopeOf(office, chosen, 'clients').clients;
  if (own !== undefined && manager.trim().toLowerCase() !== own.trim().toLowerCase())
    throw new Error(roleText(office.locale, 'allClients'));
}

function problemText(p: CardProblem, locale: Locale, country: string): string {
  if (p.code === 'badPhone') return clientText(locale, 'badPhone', { value: p.value, country });
  return clientText(locale, p.code, { value: p.value });
}

function contactGroupOf(m: Membership): string {
  // contactGroupResourceName is in the REST resource (people_v1) but missing from the Apps Script typings.
  return String(
    (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ?? '',
  );
}

/**
 * The memberships for a card's labels: the system ones (myContacts, starred) kept, the office's labels as named,
 * a label the office does not have yet created.
 */
function membershipsFor(person: Person, labels: string[], groups: Map<string, string>): Membership[] {
  const system = (person.memberships ?? []).filter((m) => {
    const g = contactGroupOf(m);
    return g && !groups.has(g);
  });
  const wanted = labelGroups(labels, groups);
  const out = system.map((m) => ({ contactGroupMembership: { contactGroupResourceName: contactGroupOf(m) } }));
  if (!out.length) out.push({ contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' } });
  for (const rn of new Set(wanted)) out.push({ contactGroupMembership: { contactGroupResourceName: rn } });
  return out as Membership[];
}

/** One updateContact of the changes over `person`, under the etag it was read with. */
function writeChanges(person: Person, changes: ClientCardChanges, groups: Map<string, string>, office: OfficeContext) {
  const update = personUpdate(person, changes, office.settings.get('defaultCountry'), office.locale);
  const body: Person = { ...(update.person as Person), etag: person.etag };
  const sources = (person.metadata?.sources ?? []).filter((s) => s.type === 'CONTACT');
  if (sources.length) body.metadata = { sources: sources.map((s) => ({ type: s.type, id: s.id, etag: s.etag })) };
  const fields = [...update.fields];
  if (changes.labels) {
    body.memberships = membershipsFor(person, changes.labels, groups);
    fields.push('memberships');
  }
  const written = withRetry(() =>
    peopleApi().People!.updateContact(body, String(person.resourceName), {
      updatePersonFields: fields.join(','),
      personFields: CARD_PERSON_FIELDS,
    }),
  );
  return { written, fields };
}

/** The save in the change journal: the fields written, as the person read with its etag had them and as saved. */
function journalSave(
  before: Person,
  labelsBefore: string[],
  after: Person,
  labelsAfter: string[],
  fields: string[],
  office: OfficeContext,
): void {
  const context = { source: 'edit' as const, actor: office.actorEmail, clock: scriptClock };
  const change = makeChange(
    context,
    'updated',
    String(after.resourceName ?? before.resourceName),
    stateOf(before as never, fields, labelsBefore),
    stateOf(after as never, fields, labelsAfter),
    { among: fields, client: journalClientName(after as never) },
  );
  if (change) appendChanges([change]);
}

export function saveClient(input: SaveClientInput): SaveClientResult {
  const office = new OfficeContext();
  const locale = office.locale;
  const country = office.settings.get('defaultCountry');
  const problems = checkChanges(input?.changes ?? {}, country);
  if (problems.length) throw refusedChange(problems.map((p) => problemText(p, locale, country)).join(' '));
  const base: ClientCard = { ...input.base, etag: input.etag || input.base.etag };
  const groups = labelNames();
  for (let attempt = 1; ; attempt++) {
    const person = readPerson(input.resourceName, locale);
    const theirs = cardOf(person, labelsOf(person, groups));
    let changes: ClientCardChanges;
    let mergedFromElsewhere: SaveClientResult['mergedFromElsewhere'] = [];
    if (theirs.etag === base.etag) changes = effectiveChanges(theirs, input.changes, country);
    else {
      const merged = mergeCards(base, input.changes, theirs, country);
      if (merged.conflicts.length)
        return {
          saved: false,
          client: theirs,
          mergedFromElsewhere: merged.mergedFromElsewhere,
          conflicts: merged.conflicts,
        };
      changes = merged.changes;
      mergedFromElsewhere = merged.mergedFromElsewhere;
    }
    if (!Object.keys(changes).length) return { saved: true, client: theirs, mergedFromElsewhere, conflicts: [] };
    let written: Person;
    let fields: string[];
    try {
      ({ written, fields } = writeChanges(person, changes, groups, office));
    } catch (e) {
      // Changed between our read and our write: read it again and merge against that.
      if (isStaleEtag(e) && attempt < SAVE_ATTEMPTS) continue;
      throw e;
    }
    const client = cardOf(written, labelsOf(written, groups));
    journalSave(person, theirs.labels, written, client.labels, fields, office);
    const entry = noteContact(written, client.labels);
    // A label or the manager is on the contact's CRM line: rewritten over the contact just written (no read), not
    // journalled (the CRM's own text); the card keeps the etag that write left, so the next save is not a merge.
    if (entry) {
      const line = updateCrmLines([entry], office, { known: [written] });
      const etag = line.etags?.[String(written.resourceName)];
      if (etag) client.etag = etag;
    }
    return { saved: true, client, mergedFromElsewhere, conflicts: [] };
  }
}
