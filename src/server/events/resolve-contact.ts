// Who an event is with. The sidebar, the Gmail card and the CLI name a client by contact (resourceName), e-mail or
// phone; the row stores the contact's id, its name as people read it, and a phone to call, so the due list never
// has to ask People for them.

import { familyFirstName } from '../../core/export/contact-view';
import type { Person as CorePerson } from '../../core/import/types';
import { toE164 } from '../../core/phone';
import { IndexedRow, lookupIndexed } from '../card-index/client-index';
import { peopleApi } from '../people/people';
import { withRetry } from '../people/gateway';
import { logText } from './messages';
import { Locale } from '../../core/i18n/locale';

export interface ClientRef {
  /** 'people/c…', or '' when no contact matches (the row then names the client by text only). */
  clientId: string;
  name: string;
  phone: string;
  /** The client's Card index row, when the index answered from the sheet: noting the event then need not find it. */
  indexed?: IndexedRow;
}

type Person = GoogleAppsScript.People.Schema.Person;

const RESOURCE_NAME = /^people\/c[\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const digits = (s: string) => s.replace(/\D/g, '');

export function isPhoneLike(text: string): boolean {
  return /^[+\d\s().-]+$/.test(text) && digits(text).length >= 5;
}

export function personName(p: Person): string {
  return familyFirstName(p as CorePerson);
}

export function personPhone(p: Person): string {
  return String(p.phoneNumbers?.[0]?.value ?? '').trim();
}

function fromPerson(p: Person, fallbackName = ''): ClientRef {
  return { clientId: String(p.resourceName ?? ''), name: personName(p) || fallbackName, phone: personPhone(p) };
}

/** Numbers written differently (+7 / 8, spaces) are the same line when their last ten digits agree. */
function samePhone(a: string, b: string): boolean {
  const x = digits(a);
  const y = digits(b);
  if (x.length < 5 || y.length < 5) return false;
  return x.slice(-10) === y.slice(-10);
}

const READ_MASK = 'names,phoneNumbers,emailAddresses';

/**
 * searchContacts answers from a cache that Google says to refresh with an empty query first
 * (https://developers.google.com/people/api/rest/v1/people/searchContacts), else a contact added minutes ago is missed.
 */
function search(query: string): Person[] {
  const people = peopleApi().People!;
  withRetry(() => people.searchContacts({ query: '', readMask: 'names' }));
  const found = withRetry(() => people.searchContacts({ query, readMask: READ_MASK, pageSize: 10 }));
  return (found.results ?? []).map((r) => r.person ?? {}).filter((p) => p.resourceName);
}

/** The card index answers e-mails and phones without People; it can lag behind (a contact added elsewhere), so a miss still asks People. */
function fromIndex(who: string, defaultCountry: string): ClientRef | undefined {
  try {
    const found = lookupIndexed(who, defaultCountry);
    const entry = found?.entry;
    return entry?.resourceName
      ? { clientId: entry.resourceName, name: entry.name, phone: entry.phones[0] ?? '', indexed: found?.row }
      : undefined;
  } catch (e) {
    return undefined;
  }
}

export function resolveClient(text: string, locale: Locale, defaultCountry: string): ClientRef {
  const who = String(text ?? '').trim();
  if (!who) throw new Error(logText(locale, 'noClient'));
  if (RESOURCE_NAME.test(who)) {
    try {
      return fromPerson(withRetry(() => peopleApi().People!.get(who, { personFields: 'names,phoneNumbers' })));
    } catch (e) {
      if ((e as { details?: { code?: number } })?.details?.code === 404)
        // eslint-disable-next-line preserve-caught-error -- the person reads this message; Google's 404 adds nothing
        throw new Error(logText(locale, 'contactGone', { id: who }));
      throw e;
    }
  }
  if (EMAIL.test(who) || isPhoneLike(who)) {
    const indexed = fromIndex(who, defaultCountry);
    if (indexed) return indexed;
  }
  if (EMAIL.test(who)) {
    const email = who.toLowerCase();
    const hit = search(who).find((p) =>
      (p.emailAddresses ?? []).some(
        (e) =>
          String(e.value ?? '')
            .trim()
            .toLowerCase() === email,
      ),
    );
    return hit ? fromPerson(hit, who) : { clientId: '', name: who, phone: '' };
  }
  if (isPhoneLike(who)) {
    // Search matches digit prefixes: "8 912…" would miss "+7 912…", so the number is asked for in E.164.
    const e164 = toE164(who, defaultCountry) ?? who;
    const same = (value: unknown) => samePhone(String(value ?? ''), e164) || samePhone(String(value ?? ''), who);
    const hit = search(e164).find((p) => (p.phoneNumbers ?? []).some((n) => same(n.value) || same(n.canonicalForm)));
    return hit ? fromPerson(hit, who) : { clientId: '', name: who, phone: who };
  }
  // A name: taken as the contact only when exactly one contact carries it, never a guess between namesakes.
  const named = search(who).filter(
    (p) => personName(p).toLowerCase().replace(/\s+/g, ' ') === who.toLowerCase().replace(/\s+/g, ' '),
  );
  return named.length === 1 ? fromPerson(named[0], who) : { clientId: '', name: who, phone: '' };
}
