// Which one client a text names, for the card and its history. The one resolver (core/clients, server
// resolveClient) answers names too; until it is in, a contact resourceName, an e-mail or a phone is looked up in the
// card index and anything else is refused. This is the one function to switch over to it.

import { lookupIndexed } from '../card-index/client-index';
import type { IndexedRow } from '../card-index/client-index';
import { clientText, notResolved } from './messages';
import type { Locale } from '../../core/i18n/locale';

const RESOURCE_NAME = /^people\/c[\w-]+$/;

export interface OneClient {
  resourceName: string;
  /** The client's card index row, when the lookup read it. */
  indexed?: IndexedRow;
}

export function isResourceName(text: string): boolean {
  return RESOURCE_NAME.test(String(text ?? '').trim());
}

/** The client `text` names, or a ClientNotResolved refusal in the office's language. */
export function oneClient(text: string, locale: Locale, defaultCountry: string): OneClient {
  const query = String(text ?? '').trim();
  if (isResourceName(query)) return { resourceName: query };
  const found = query ? lookupIndexed(query, defaultCountry) : undefined;
  if (found?.entry.resourceName) return { resourceName: found.entry.resourceName, indexed: found.row };
  throw notResolved(clientText(locale, query ? 'noMatch' : 'notOne', { query }));
}
