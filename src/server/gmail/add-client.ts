// "Add as a new client": from the unknown sender's card, through clients/add-client.ts (which first checks the
// account for this e-mail and phone), then the client card: the new client's, or the existing one's, saying why.

import type { ClientIndexEntry } from '../../core/card-index';
import { isValidEmail } from '../../core/import/normalize/emails';
import { t } from '../../core/i18n/messages';
import { lookupClient } from '../card-index/client-index';
import { addClientContact } from '../clients/add-client';
import { OfficeContext } from '../events/office';
import { guarded } from './actions';
import { clientCard } from './client-card';
import { AddonEvent, eventLocale, eventTimeZone, input, param } from './event';
import { ADD_FIELDS } from './unknown-card';
import { doneWith, notify } from './widgets';
import { cardMay } from './card-role';
import { scriptCache } from '../card-index/script-cache';
import { accessText } from '../../core/roles/access-text';

/** Fewer digits than this is not a phone number anyone can call back. */
const MIN_PHONE_DIGITS = 5;

export interface NewClient {
  givenName: string;
  middleName: string;
  familyName: string;
  email: string;
  phone: string;
  /** A contact group resourceName, or ''. */
  label: string;
}

export function newClientFrom(e: AddonEvent): NewClient {
  const f = ADD_FIELDS;
  return {
    givenName: input(e, f.givenName),
    middleName: input(e, f.middleName),
    familyName: input(e, f.familyName),
    email: input(e, f.email).toLowerCase(),
    phone: input(e, f.phone),
    label: input(e, f.label),
  };
}

function labelName(e: AddonEvent, resourceName: string): string {
  try {
    return String((JSON.parse(param(e, 'labels') || '{}') as Record<string, string>)[resourceName] ?? '');
  } catch {
    return '';
  }
}

export function addClient(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return guarded(e, () => {
    const lang = eventLocale(e);
    const c = newClientFrom(e);
    if (!c.givenName && !c.familyName && !c.middleName && !c.email) return notify(t(lang, 'cardNeedName'));
    if (c.email && !isValidEmail(c.email)) return notify(t(lang, 'cardBadEmail', { value: c.email }));
    if (c.phone && c.phone.replace(/\D/g, '').length < MIN_PHONE_DIGITS)
      return notify(t(lang, 'cardBadPhone', { value: c.phone }));
    const context = { lang, timeZone: eventTimeZone(e), now: Date.now() };
    const office = new OfficeContext();
    // The button is not offered to a role that does not add clients; a stale card is refused here as well.
    if (!cardMay('editClients', scriptCache)) return notify(accessText(lang, 'cardNoAddClient'));
    const label = c.label ? labelName(e, c.label) : '';
    // The e-mail and the phone are checked against the account first: a second click, a colleague on the same
    // message or a client imported a minute ago opens that client's card instead of a duplicate.
    const added = addClientContact(
      {
        givenName: c.givenName,
        middleName: c.middleName,
        familyName: c.familyName,
        email: c.email,
        phone: c.phone,
        labels: label ? [label] : [],
        labelGroups: c.label && !label ? [c.label] : [],
        manager: '',
      },
      office,
    );
    const key = c.email || added.client.emails[0] || added.client.phones[0] || '';
    const entry: ClientIndexEntry = (key ? lookupClient(key, office.settings.get('defaultCountry')) : undefined) ?? {
      resourceName: added.client.resourceName,
      name: added.client.name,
      labels: added.client.labels,
      manager: added.client.manager,
      phones: added.client.phones,
      planned: [],
      recent: [],
      rows: [],
    };
    const name = added.client.name || key;
    const message = added.created
      ? t(lang, 'cardClientAdded', { name })
      : t(lang, added.matchedBy === 'phone' ? 'cardKnownByPhone' : 'cardKnownByEmail', {
          name,
          value: added.matchedValue ?? '',
        });
    return key ? doneWith(message, clientCard(key, entry, context)) : notify(message);
  });
}
