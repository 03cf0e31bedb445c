// The card's actions. Each answers with an ActionResponse: a form pushed on the add-on's stack, or a notification and
// the client card redrawn in place. Every one stays far inside the 30-second add-on limit: a form costs a cache read
// (plus the subject for the e-mail form), a save costs one logEvent, and the redrawn card one index lookup.

import { formatLocal } from '../../core/events/zone';
import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { logEvent } from '../events/log';
import { lookupClient } from '../card-index/client-index';
import { clientCard } from './client-card';
import { AddonEvent, dateTimeInput, eventLocale, eventTimeZone, input, LANG_PARAM, param } from './event';
import { defaultFollowUp, FORM_FIELDS, FormTarget, logEmailCard, planCard } from './forms';
import { messageSubject } from './message';
import { wantOfficeLanguage } from './office-language';
import { emailKind, formLists } from './reference';
import { writePendingOpen } from '../sheets/pending-open';
import { clientRowsUrl } from './sheet-link';
import { doneWith, notify, pushed } from './widgets';
import { NotSaved } from './sheet-writes';
import { cardMay, wantCardRole } from './card-role';
import { scriptCache } from '../card-index/script-cache';
import { accessText } from '../../core/roles/access-text';

/**
 * The forms open only for a role that logs events (card-role.ts; the key rides in the lists' cache read). The saves
 * are checked by the sheet project, which makes the add-on's writes under the same rules.
 */
function mayLog(): boolean {
  wantCardRole();
  return cardMay('logEvents', scriptCache);
}

type Response = GoogleAppsScript.Card_Service.ActionResponse;

/** A failure the user can act on is a notification on the card, not Gmail's generic "could not complete" error. */
export function guarded(e: AddonEvent, fn: () => Response): Response {
  try {
    return fn();
  } catch (err) {
    if (err instanceof NotSaved) return notify(t(eventLocale(e), err.reason));
    return notify(t(eventLocale(e), 'error', { message: err instanceof Error ? err.message : String(err) }));
  }
}

function target(e: AddonEvent): FormTarget {
  const email = param(e, 'email');
  const name = param(e, 'name') || email;
  const params: Record<string, string> = {
    email,
    client: param(e, 'client') || email,
    name,
    manager: param(e, 'manager'),
  };
  if (param(e, 'indexRow')) params.indexRow = param(e, 'indexRow');
  return { params: { ...params, [LANG_PARAM]: param(e, LANG_PARAM) }, name };
}

/** The client's Card index row the card was drawn from (a hint: logEvent checks it). */
function indexRowOf(e: AddonEvent): number | undefined {
  const n = Number(param(e, 'indexRow'));
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

/**
 * The client card again, with what was just saved; only the notification when the index cannot say. The message is
 * worded after the lookup, whose cache request brings the office's language (eventLocale).
 */
function afterSave(e: AddonEvent, message: (lang: Locale) => string, timeZone?: string): Response {
  const email = param(e, 'email');
  wantOfficeLanguage();
  const entry = email ? lookupClient(email) : undefined;
  const lang = eventLocale(e);
  if (!entry) return notify(message(lang));
  return doneWith(
    message(lang),
    clientCard(email, entry, { lang, timeZone: timeZone ?? eventTimeZone(e), now: Date.now() }),
  );
}

export function logEmailForm(e: AddonEvent): Response {
  return guarded(e, () => {
    wantCardRole();
    const lists = formLists();
    if (!mayLog()) return notify(accessText(eventLocale(e), 'cardReadOnly'));
    return pushed(logEmailCard(target(e), lists, emailKind(lists.kinds), messageSubject(e), eventLocale(e)));
  });
}

export function logEmail(e: AddonEvent): Response {
  return guarded(e, () => {
    const kind = param(e, 'kind');
    const reason = input(e, FORM_FIELDS.reason);
    if (!reason) return notify(t(eventLocale(e), 'cardNeedReason'));
    // One e-mail is one event: logging it again (a lost response, a second click) finds the row already written.
    const messageId = (e as unknown as { gmail?: { messageId?: string } }).gmail?.messageId ?? '';
    const id = /^[\w-]{1,58}$/.test(messageId) ? `mail-${messageId}` : undefined;
    logEvent({
      id,
      client: target(e).params.client,
      indexRow: indexRowOf(e),
      kind,
      reason,
      note: input(e, FORM_FIELDS.note) || undefined,
    });
    return afterSave(e, (lang) => t(lang, 'cardLogged', { kind, reason }));
  });
}

export function planForm(e: AddonEvent): Response {
  return guarded(e, () => {
    wantCardRole();
    const lists = formLists();
    if (!mayLog()) return notify(accessText(eventLocale(e), 'cardReadOnly'));
    // Blank where Google does not name the user (a consumer account, another domain): never a staff row's.
    const me = Session.getActiveUser().getEmail().trim().toLowerCase();
    const manager = (me && lists.staff.find((s) => s.email === me)?.name) || param(e, 'manager');
    const timeZone = eventTimeZone(e);
    const form = {
      ...target(e),
      params: {
        ...target(e).params,
        formId: `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`,
      },
    };
    return pushed(
      planCard(form, lists, { at: defaultFollowUp(Date.now(), timeZone), manager, timeZone }, eventLocale(e)),
    );
  });
}

export function planFollowUp(e: AddonEvent): Response {
  return guarded(e, () => {
    const at = dateTimeInput(e, FORM_FIELDS.at);
    if (!at) return notify(t(eventLocale(e), 'cardNeedDate'));
    const kind = input(e, FORM_FIELDS.kind);
    const reason = input(e, FORM_FIELDS.reason);
    if (!reason) return notify(t(eventLocale(e), 'cardNeedReason'));
    const formId = param(e, 'formId');
    logEvent({
      // The form's own id: submitting the same form twice plans one follow-up, not two.
      id: /^[\w-]{1,58}$/.test(formId) ? `plan-${formId}` : undefined,
      client: target(e).params.client,
      indexRow: indexRowOf(e),
      kind,
      reason,
      at: at.toISOString(),
      planned: true,
      manager: input(e, FORM_FIELDS.manager) || undefined,
      note: input(e, FORM_FIELDS.note) || undefined,
    });
    const timeZone = eventTimeZone(e);
    return afterSave(
      e,
      (lang) => t(lang, 'cardPlannedNotice', { at: formatLocal(at, timeZone), kind, reason }),
      timeZone,
    );
  });
}

export function openSheet(e: AddonEvent): Response {
  return guarded(e, () => {
    const hint = param(e, 'rows').split(',').map(Number);
    return CardService.newActionResponseBuilder()
      .setOpenLink(CardService.newOpenLink().setUrl(clientRowsUrl(param(e, 'client'), hint)))
      .build();
  });
}

/**
 * "Open in the CRM": the spreadsheet, whose onOpen then shows the Client sidebar on this client for this user
 * (src/server/sheets/pending-open.ts): one Settings read and one write, then the link.
 */
export function openInCrm(e: AddonEvent): Response {
  return guarded(e, () => {
    const url = writePendingOpen(param(e, 'client'), eventLocale(e));
    return CardService.newActionResponseBuilder()
      .setOpenLink(
        CardService.newOpenLink()
          .setUrl(url)
          .setOpenAs(CardService.OpenAs.FULL_SIZE)
          .setOnClose(CardService.OnClose.NOTHING),
      )
      .build();
  });
}
