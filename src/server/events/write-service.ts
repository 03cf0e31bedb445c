// The sheet project's web app (manifest `webapp`: executes as the deploying user, reachable by anyone — the shared
// secret is the guard): the Gmail add-on POSTs here the writes it may not make itself (gmail/sheet-writes.ts), and
// they run under the sheet project's script lock like every other write of the CRM spreadsheet (sheets/write-lock.ts).
// The secret is checked, in constant time, before anything else; a refused request changes nothing and says nothing.
// A lock that stays taken past its wait answers `busy`: the add-on tells the user nothing was saved.

import { sameSecret } from '../../core/secret';
import type { EventChange, LogEventInput, UndoToken } from '../../shared/events-dto';
import { CARD_PUSH_PROPERTIES, handingBack, isAddon } from '../card-index/announce';
import { noteContact } from '../card-index/client-index';
import type { SheetWrite, SheetWriteReply } from '../gmail/sheet-writes';
import { bodyOf } from '../gmail/web-app';
import type { Person } from '../people/gateway';
import { changeEvent, undoChange } from './change';
import { logEvent } from './log';
import { actingAs } from './office';

type TextOutput = GoogleAppsScript.Content.TextOutput;

/** Each write the add-on may ask for; each takes the write lock itself. */
const WRITES: Record<SheetWrite, (args: unknown[]) => unknown> = {
  logEvent: ([input]) => logEvent(input as LogEventInput),
  changeEvent: ([change]) => changeEvent(change as EventChange),
  undoChange: ([token]) => undoChange(token as UndoToken),
  noteContact: ([person, labels, country]) =>
    noteContact(person as Person, (labels as string[]) ?? [], (country as string | undefined) ?? undefined),
};

/** A POST that asks for a write (else it is the card index push, gmail/web-app.ts). */
export function isWriteRequest(e: GoogleAppsScript.Events.DoPost): boolean {
  return typeof bodyOf(e).write === 'string';
}

function reply(body: SheetWriteReply): TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

export function sheetWrite(e: GoogleAppsScript.Events.DoPost): TextOutput {
  const body = bodyOf(e);
  // Only the sheet project writes for the add-on; the add-on's copy of this function refuses.
  if (isAddon()) return reply({ ok: false });
  const expected = PropertiesService.getScriptProperties().getProperty(CARD_PUSH_PROPERTIES.secret) ?? '';
  if (!sameSecret(body.secret, expected)) return reply({ ok: false });
  const write = Object.prototype.hasOwnProperty.call(WRITES, String(body.write))
    ? WRITES[body.write as SheetWrite]
    : undefined;
  if (!write || !Array.isArray(body.args)) return reply({ ok: false });
  try {
    const actor = typeof body.actor === 'string' ? body.actor : '';
    const { result, rows } = handingBack(() => actingAs(actor, () => write(body.args as unknown[])));
    return reply({ ok: true, result: result ?? null, rows });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Google's waitLock message: another writer held the lock past our wait.
    if (/^Lock timeout/i.test(message)) return reply({ ok: false, busy: true });
    return reply({ ok: false, error: message });
  }
}
