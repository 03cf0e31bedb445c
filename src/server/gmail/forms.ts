// The two forms the client card opens: log the open e-mail, and plan a follow-up with a calendar reminder.

import { nextRoundHour, zoneOffsetMinutes } from '../../core/events/zone';
import { escapeHtml } from '../../core/html';
import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { FormLists } from './reference';
import { action, button, dropdown, line, textInput } from './widgets';

export const FORM_FIELDS = { kind: 'kind', reason: 'reason', note: 'note', at: 'at', manager: 'manager' } as const;

/** The hour a follow-up defaults to, the next working morning being the usual answer. */

const options = (values: string[]) => values.map((v) => ({ text: v, value: v }));

function header(title: string, clientName: string): GoogleAppsScript.Card_Service.CardHeader {
  return CardService.newCardHeader().setTitle(title).setSubtitle(clientName);
}

export interface FormTarget {
  /** Action parameters that name the client (clientParameters). */
  params: Record<string, string>;
  name: string;
}

export function logEmailCard(
  target: FormTarget,
  lists: FormLists,
  kind: string,
  subject: string,
  lang: Locale,
): GoogleAppsScript.Card_Service.Card {
  const section = CardService.newCardSection()
    .addWidget(line(t(lang, 'cardKind'), escapeHtml(kind)))
    .addWidget(dropdown(FORM_FIELDS.reason, t(lang, 'cardReason'), options(lists.reasons)))
    .addWidget(textInput(FORM_FIELDS.note, t(lang, 'cardNote'), subject).setMultiline(true))
    .addWidget(button(t(lang, 'cardLogEmail'), action('gmailLogEmail', { ...target.params, kind }), true));
  return CardService.newCardBuilder()
    .setName('log-email')
    .setHeader(header(t(lang, 'cardLogEmail'), target.name))
    .addSection(section)
    .build();
}

/** The card's time picker starts at the next round hour in the user's zone (the office's when the event has none). */
export function defaultFollowUp(now: number, timeZone: string): Date {
  return nextRoundHour(now, timeZone);
}

export function planCard(
  target: FormTarget,
  lists: FormLists,
  defaults: { at: Date; manager: string; timeZone: string },
  lang: Locale,
): GoogleAppsScript.Card_Service.Card {
  const picker = CardService.newDateTimePicker()
    .setFieldName(FORM_FIELDS.at)
    .setTitle(t(lang, 'cardWhen'))
    .setValueInMsSinceEpoch(defaults.at.getTime())
    .setTimeZoneOffsetInMins(zoneOffsetMinutes(defaults.at, defaults.timeZone));
  const managers = lists.staff.map((s) => s.name).filter(Boolean);
  const section = CardService.newCardSection()
    .addWidget(picker)
    .addWidget(dropdown(FORM_FIELDS.kind, t(lang, 'cardKind'), options(lists.kinds)))
    .addWidget(dropdown(FORM_FIELDS.reason, t(lang, 'cardReason'), options(lists.reasons)));
  if (managers.length)
    section.addWidget(dropdown(FORM_FIELDS.manager, t(lang, 'cardResponsible'), options(managers), defaults.manager));
  section
    .addWidget(textInput(FORM_FIELDS.note, t(lang, 'cardNote')).setMultiline(true))
    .addWidget(button(t(lang, 'cardPlanFollowUp'), action('gmailPlanFollowUp', target.params), true));
  return CardService.newCardBuilder()
    .setName('plan')
    .setHeader(header(t(lang, 'cardPlanFollowUp'), target.name))
    .addSection(section)
    .build();
}
