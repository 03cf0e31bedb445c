// Which one client a text names, for the card and its history. The one resolver (core/clients, server
// resolveClient) answers names too; until it is in, a contact resourceName is taken as it is, and an e-mail or a
// phone is looked up as add-client looks them up — the card index, then the account (searchContacts), since the
// index can lag behind an import or a contact added elsewhere — and anything else is refused. This is the one
// function to switch over to the resolver.

import { parseMailAddress } from '../../core/email-address';
import type { Locale } from '../../core/i18n/locale';
import { toE164 } from '../../core/phone';
import { existingClient } from './add-client';
import { clientText, notResolved } from './messages';

const RESOURCE_NAME = /^people\/c[\w-]+$/;

export function isResourceName(text: string): boolean {
  return RESOURCE_NAME.test(String(text ?? '').trim());
}

/** The client `text` names, or a ClientNotResolved refusal in the office's language. */
export function oneClient(text: string, locale: Locale, defaultCountry: string): { resourceName: string } {
  const query = String(text ?? '').trim();
  if (isResourceName(query)) return { resourceName: query };
  const email = parseMailAddress(query)?.email ?? '';
  const phone = !email && toE164(query, defaultCountry) ? query : '';
  const found = email || phone ? existingClient(email, phone, defaultCountry) : undefined;
  const resourceName = found ? String(found.entry?.resourceName ?? found.person?.resourceName ?? '') : '';
  if (resourceName) return { resourceName };
  throw notResolved(clientText(locale, query ? 'noMatch' : 'notOne', { query }));
}
