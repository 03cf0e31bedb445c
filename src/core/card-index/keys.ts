// What the client index is looked up by: a lower-case e-mail address or an E.164 phone number. The Gmail card asks
// with the sender's address; the CLI and the sidebars may ask with a phone as the office typed it.

import { parseMailAddress } from '../email-address';
import { phoneKey } from '../phone';

/** What the keys are read from: a People API person's e-mails and phones (the REST resource and Apps Script's alike). */
export interface KeyedPerson {
  emailAddresses?: Array<{ value?: string | null }> | null;
  phoneNumbers?: Array<{ value?: string | null; canonicalForm?: string | null }> | null;
}

/**
 * The index key for an e-mail ("Name <a@b.c>" too) or a phone. A national phone number ("8 912 …") needs the
 * office's country; without it only international numbers ("+7 …") have a key. undefined when there is none.
 */
export function indexKeyOf(emailOrPhone: string, defaultCountry?: string): string | undefined {
  const text = String(emailOrPhone ?? '').trim();
  if (!text) return undefined;
  if (text.includes('@')) {
    const address = parseMailAddress(text);
    return address ? address.email : text.toLowerCase();
  }
  return phoneKey(text, defaultCountry);
}

/** Google's canonicalForm is already E.164: taken as is, it spares parsing 25,000 numbers in every rebuild. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Every key of a contact. Stored phones carry Google's canonicalForm (E.164) when Google could read them; the rest
 * are read with the office's default country.
 */
export function contactKeys(person: KeyedPerson, defaultCountry?: string): string[] {
  const keys = new Set<string>();
  for (const e of person.emailAddresses ?? []) {
    const key = e.value ? indexKeyOf(String(e.value)) : undefined;
    if (key && key.includes('@')) keys.add(key);
  }
  for (const p of person.phoneNumbers ?? []) {
    const canonical = String(p.canonicalForm ?? '');
    const key = E164.test(canonical) ? canonical : p.value ? phoneKey(String(p.value), defaultCountry) : undefined;
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * The keys cell of the index sheet: `,a@b.c,+79991234567,`. The commas (never part of an unquoted address or of an
 * E.164 number) let one TextFinder request find `,key,` as a whole key and never as part of a longer one.
 */
export function keysCell(keys: string[]): string {
  return keys.length ? `,${keys.join(',')},` : '';
}

export function keysFromCell(cell: unknown): string[] {
  return String(cell ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}
