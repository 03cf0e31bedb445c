// The card of a known sender, drawn from the client index entry alone: building it costs no service call.

import type { ClientIndexEntry } from '../../core/card-index';
import { formatLocal } from '../../core/events/zone';
import { escapeHtml } from '../../core/html';
import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { LANG_PARAM } from './event';
import { action, button, line, paragraph } from './widgets';
import { can, type Role } from '../../core/roles/roles';
import { accessText } from '../../core/roles/access-text';

/** The most rows the "open in the sheet" button names; the link selects every row of the client (sheet-link.ts). */
const ROWS_SHOWN = 5;

export interface CardContext {
  lang: Locale;
  timeZone: string;
  now: number;
  /** The client's Card index row, for the actions (a hint: logging reads and checks it in its one batch read). */
  indexRow?: number;
  /** The add-on user's role (card-role.ts): log and plan need `logEvents`; absent, the card offers them (a redraw). */
  role?: Role;
}

/** What every action of the card needs to find the client again. */
export function clientParameters(email: string, entry: ClientIndexEntry, indexRow?: number): Record<string, string> {
  const params: Record<string, string> = {
    email,
    client: entry.resourceName || email,
    name: entry.name || email,
    manager: entry.manager || '',
  };
  if (indexRow && indexRow > 1) params.indexRow = String(indexRow);
  return params;
}

function eventLine(at: string, kind: string, reason: string, timeZone: string): string {
  return [formatLocal(new Date(at), timeZone), escapeHtml(kind), escapeHtml(reason)].filter(Boolean).join(' · ');
}

/**
 * The rows the "open in the sheet" action carries: the first and the last, all the link needs (it selects the rows
 * between them). Not every row: an action's parameters travel inside the card, and a client with thousands of events
 * would make them too big to send (the emulator's UNVERIFIED limit, workspace-emulator limits.ts).
 */
export function rowsHint(rows: number[]): string {
  const valid = rows.filter((r) => Number.isInteger(r) && r > 1);
  return valid.length ? `${Math.min(...valid)},${Math.max(...valid)}` : '';
}

export function rowsText(rows: number[]): string {
  const shown = rows.slice(0, ROWS_SHOWN).join(', ');
  return rows.length > ROWS_SHOWN ? `${shown}…` : shown;
}

export function clientCard(email: string, entry: ClientIndexEntry, c: CardContext): GoogleAppsScript.Card_Service.Card {
  const { lang, timeZone } = c;
  // The header is plain text in Google (no HTML subset), so the name goes there as it is.
  const header = CardService.newCardHeader().setTitle(entry.name || email);
  if (entry.labels.length) header.setSubtitle(entry.labels.join(', '));

  const about = CardService.newCardSection();
  if (entry.manager) about.addWidget(line(t(lang, 'cardManager'), escapeHtml(entry.manager)));
  if (entry.phones.length) about.addWidget(line(t(lang, 'cardPhones'), entry.phones.map(escapeHtml).join(', ')));
  about.addWidget(line(t(lang, 'cardEmails'), escapeHtml(email)));
  const last = entry.lastContact;
  about.addWidget(
    line(
      t(lang, 'cardLastContact'),
      last ? eventLine(last.at, last.kind, last.reason, timeZone) : t(lang, 'cardNeverContacted'),
    ),
  );

  const planned = CardService.newCardSection().setHeader(t(lang, 'cardPlanned'));
  if (!entry.planned.length) planned.addWidget(paragraph(t(lang, 'cardNothingPlanned')));
  for (const p of entry.planned) {
    const overdue = Date.parse(p.at) < c.now ? ` · ${t(lang, 'cardOverdue')}` : '';
    planned.addWidget(
      line(p.manager ? escapeHtml(p.manager) : '', eventLine(p.at, p.kind, p.reason, timeZone) + overdue),
    );
  }

  const recent = CardService.newCardSection().setHeader(t(lang, 'cardRecent'));
  if (!entry.recent.length) recent.addWidget(paragraph(t(lang, 'cardNoEvents')));
  for (const r of entry.recent) {
    recent.addWidget(
      line(
        formatLocal(new Date(r.at), timeZone),
        [escapeHtml(r.kind), escapeHtml(r.reason)].filter(Boolean).join(' · '),
        r.result ? escapeHtml(r.result) : undefined,
      ),
    );
  }

  const params = { ...clientParameters(email, entry, c.indexRow), [LANG_PARAM]: lang };
  const actions = CardService.newCardSection();
  // Someone Google does not name, or not on the staff, reads the card but does not log or plan (roles.ts).
  if (!c.role || can(c.role, 'logEvents'))
    actions.addWidget(
      CardService.newButtonSet()
        .addButton(button(t(lang, 'cardLogEmail'), action('gmailLogEmailForm', params), true))
        .addButton(button(t(lang, 'cardPlanFollowUp'), action('gmailPlanForm', params))),
    );
  else actions.addWidget(paragraph(accessText(lang, 'cardReadOnly')));
  const rows = entry.rows ?? [];
  const open = CardService.newTextButton()
    .setText(rows.length ? t(lang, 'cardOpenSheetRows', { rows: rowsText(rows) }) : t(lang, 'cardOpenSheet'))
    .setOnClickOpenLinkAction(
      action('gmailOpenSheet', { client: entry.resourceName, rows: rowsHint(rows), [LANG_PARAM]: lang }),
    );
  // The Client sidebar on this client, with the whole history (the spreadsheet's onOpen shows it); the rows as well.
  const crm = CardService.newTextButton()
    .setText(t(lang, 'cardOpenInCrm'))
    .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
    .setOnClickOpenLinkAction(action('gmailOpenInCrm', { client: entry.resourceName || email, [LANG_PARAM]: lang }));
  actions.addWidget(CardService.newButtonSet().addButton(crm).addButton(open));

  return CardService.newCardBuilder()
    .setName('client')
    .setHeader(header)
    .addSection(about)
    .addSection(planned)
    .addSection(recent)
    .addSection(actions)
    .build();
}
