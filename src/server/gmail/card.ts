// The Gmail add-on card: who is writing, as the office knows them in Google Contacts.

import { parseMailAddress } from '../../core/email-address';
import { Locale, toLocale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { peopleApi } from '../people/people';

type Person = GoogleAppsScript.People.Schema.Person;

const READ_MASK = 'names,emailAddresses,phoneNumbers,organizations,birthdays,biographies,memberships,userDefined';

function locale(e: GoogleAppsScript.Addons.EventObject): Locale {
  return toLocale(e.commonEventObject?.userLocale ?? Session.getActiveUserLocale());
}

/** searchContacts answers from a cache that only an empty query refreshes (platform.md §2). */
function findByEmail(email: string): Person | undefined {
  const people = peopleApi().People!;
  people.searchContacts({ query: '', readMask: 'names' });
  const found = people.searchContacts({ query: email, readMask: READ_MASK, pageSize: 10 });
  return (found.results ?? [])
    .map((r) => r.person)
    .find((p): p is Person => !!p && (p.emailAddresses ?? []).some((a) => String(a.value).toLowerCase() === email));
}

function text(label: string, value: string): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText().setTopLabel(label).setText(value).setWrapText(true);
}

export function senderCard(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  const lang = locale(e);
  GmailApp.setCurrentMessageAccessToken(e.gmail!.accessToken);
  const from = GmailApp.getMessageById(e.gmail!.messageId).getFrom();
  const sender = parseMailAddress(from);
  const card = CardService.newCardBuilder();
  if (!sender) {
    return card.addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText(t(lang, 'cardNoEmail')))).build();
  }
  const person = findByEmail(sender.email);
  if (!person) {
    card.setHeader(CardService.newCardHeader().setTitle(sender.name || sender.email).setSubtitle(t(lang, 'cardUnknownSender')));
    return card.addSection(CardService.newCardSection().addWidget(text(t(lang, 'cardEmails'), sender.email))).build();
  }
  const name = person.names?.[0]?.displayName ?? sender.name ?? sender.email;
  card.setHeader(CardService.newCardHeader().setTitle(name).setSubtitle(person.organizations?.[0]?.name ?? ''));
  const section = CardService.newCardSection();
  const phones = (person.phoneNumbers ?? []).map((p) => p.value).filter(Boolean).join('\n');
  if (phones) section.addWidget(text(t(lang, 'cardPhones'), phones));
  section.addWidget(text(t(lang, 'cardEmails'), (person.emailAddresses ?? []).map((a) => a.value).join('\n')));
  const manager = (person.userDefined ?? []).find((u) => /manager|менеджер|მენეჯერი/i.test(String(u.key)));
  if (manager?.value) section.addWidget(text(t(lang, 'cardManager'), manager.value));
  const notes = person.biographies?.[0]?.value;
  if (notes) section.addWidget(text(t(lang, 'cardNotes'), notes));
  return card.addSection(section).build();
}

export function homepageCard(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  const lang = locale(e);
  return CardService.newCardBuilder()
    .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText(t(lang, 'cardHomepage'))))
    .build();
}
