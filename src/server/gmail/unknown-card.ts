// The card of a sender who is not a client yet: says so, and offers to add them, prefilled from the From header.

import type { MailAddress } from '../../core/email-address';
import { escapeHtml } from '../../core/html';
import { splitFullName } from '../../core/import/normalize';
import { utf8Bytes } from '../../core/card-index/fit-entry';
import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { LANG_PARAM } from './event';
import { action, button, dropdown, line, paragraph, textInput } from './widgets';
import { can, type Role } from '../../core/roles/roles';
import { accessText } from '../../core/roles/access-text';

export interface LabelOption {
  name: string;
  resourceName: string;
}

export const ADD_FIELDS = {
  givenName: 'givenName',
  middleName: 'middleName',
  familyName: 'familyName',
  email: 'email',
  phone: 'phone',
  label: 'label',
} as const;

/**
 * The first card for an unknown sender: who wrote and a button to add them. The form (which needs the office's labels,
 * one more request) comes only when asked for, so opening a message stays at three requests.
 */
export function unknownSenderCard(
  sender: MailAddress,
  lang: Locale,
  role: Role = 'office',
): GoogleAppsScript.Card_Service.Card {
  const header = CardService.newCardHeader()
    .setTitle(sender.name || sender.email)
    .setSubtitle(t(lang, 'cardUnknownSender'));
  const about = CardService.newCardSection().addWidget(line(t(lang, 'cardEmails'), escapeHtml(sender.email)));
  // Adding a client needs `editClients` (roles.ts): a specialist logs visits for the office's clients but does not
  // create them, and is told who does; someone Google does not name reads only.
  if (can(role, 'editClients'))
    about.addWidget(
      button(
        t(lang, 'cardAddClient'),
        action('gmailAddClientForm', { sender: sender.email, name: sender.name, [LANG_PARAM]: lang }),
        true,
      ),
    );
  else about.addWidget(paragraph(accessText(lang, can(role, 'logEvents') ? 'cardNoAddClient' : 'cardReadOnly')));
  return CardService.newCardBuilder().setName('client').setHeader(header).addSection(about).build();
}

/** What the label names may take of the add action's parameters, which travel inside the card (see rowsHint). */
const LABEL_NAMES_BYTES = 4000;

/**
 * The label names ride along, so that the saved contact's card can show its label without another request: as many
 * as fit LABEL_NAMES_BYTES. A label left out is still added to the contact, by its resource name (add-client.ts).
 */
export function labelNamesParam(labels: LabelOption[]): string {
  const names: Record<string, string> = {};
  for (const l of labels) {
    names[l.resourceName] = l.name;
    if (utf8Bytes(JSON.stringify(names)) > LABEL_NAMES_BYTES) {
      delete names[l.resourceName];
      break;
    }
  }
  return JSON.stringify(names);
}

export function addClientFormCard(
  sender: MailAddress,
  labels: LabelOption[],
  lang: Locale,
): GoogleAppsScript.Card_Service.Card {
  // A From header carries the sender's account name, which mail services compose given name first ("Иван Петров"),
  // whatever the language; the splitter still recognises a patronymic or a "Петров, Иван" comma. Hence 'en' order.
  const parts = splitFullName(sender.name, 'en');
  const header = CardService.newCardHeader()
    .setTitle(sender.name || sender.email)
    .setSubtitle(t(lang, 'cardUnknownSender'));
  const about = CardService.newCardSection().addWidget(line(t(lang, 'cardEmails'), escapeHtml(sender.email)));
  const form = CardService.newCardSection()
    .setHeader(t(lang, 'cardAddClient'))
    .addWidget(paragraph(t(lang, 'cardAddClientHint')))
    .addWidget(textInput(ADD_FIELDS.givenName, t(lang, 'cardGivenName'), parts.givenName ?? ''))
    .addWidget(textInput(ADD_FIELDS.middleName, t(lang, 'cardMiddleName'), parts.middleName ?? ''))
    .addWidget(textInput(ADD_FIELDS.familyName, t(lang, 'cardFamilyName'), parts.familyName ?? ''))
    .addWidget(textInput(ADD_FIELDS.email, t(lang, 'cardEmail'), sender.email))
    .addWidget(textInput(ADD_FIELDS.phone, t(lang, 'cardPhone')));
  const items = [
    { text: t(lang, 'cardNoLabel'), value: '' },
    ...labels.map((l) => ({ text: l.name, value: l.resourceName })),
  ];
  form.addWidget(dropdown(ADD_FIELDS.label, t(lang, 'cardLabels'), items));
  const labelNames = labelNamesParam(labels);
  form.addWidget(
    button(
      t(lang, 'cardAddClient'),
      action('gmailAddClient', { sender: sender.email, labels: labelNames, [LANG_PARAM]: lang }),
      true,
    ),
  );
  return CardService.newCardBuilder().setName('client').setHeader(header).addSection(about).addSection(form).build();
}

export function noSenderCard(lang: Locale): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .addSection(CardService.newCardSection().addWidget(paragraph(t(lang, 'cardNoEmail'))))
    .build();
}
