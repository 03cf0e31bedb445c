// The Gmail add-on's cards for the contextual trigger (an open message) and the homepage. The sender's card costs
// three requests on the warm path whatever the size of the base: the message, its From header, one index lookup.

import { t } from '../../core/i18n/messages';
import { lookupIndexed } from '../card-index/client-index';
import { listUserGroups } from '../people/gateway';
import { clientCard } from './client-card';
import { AddonEvent, eventLocale, eventTimeZone, param } from './event';
import { messageSender } from './message';
import { wantOfficeLanguage } from './office-language';
import { addClientFormCard, noSenderCard, unknownSenderCard } from './unknown-card';
import { notify, paragraph, pushed } from './widgets';
import { cardMay, cardRole, wantCardRole } from './card-role';
import { scriptCache } from '../card-index/script-cache';
import { accessText } from '../../core/roles/access-text';

export function senderCard(e: AddonEvent): GoogleAppsScript.Card_Service.Card {
  const sender = messageSender(e);
  if (!sender) return noSenderCard(eventLocale(e));
  // The lookup first: its one cache request brings the office's language too (eventLocale).
  wantOfficeLanguage();
  // The user's role rides in the same request (card-role.ts): what the card offers depends on it.
  wantCardRole();
  const found = lookupIndexed(sender.email);
  const lang = eventLocale(e);
  const role = cardRole(scriptCache);
  if (found) {
    const indexRow = found.row?.rowNumber ?? found.rowNumber;
    return clientCard(sender.email, found.entry, {
      lang,
      timeZone: eventTimeZone(e),
      now: Date.now(),
      indexRow,
      role,
    });
  }
  return unknownSenderCard(sender, lang, role);
}

/** "Add as a new client" on an unknown sender's card: the prefilled form, with the office's labels. */
export function addClientForm(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  const lang = eventLocale(e);
  if (!cardMay('editClients', scriptCache)) return notify(accessText(lang, 'cardNoAddClient'));
  const email = param(e, 'sender');
  const labels = listUserGroups().map((g) => ({
    name: String(g.name ?? ''),
    resourceName: String(g.resourceName ?? ''),
  }));
  return pushed(addClientFormCard({ email, name: param(e, 'name') }, labels, lang));
}

export function homepageCard(e: AddonEvent): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .addSection(CardService.newCardSection().addWidget(paragraph(t(eventLocale(e), 'cardHomepage'))))
    .build();
}
