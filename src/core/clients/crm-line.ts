// CONTRACT (issue 15), implemented by the CRM-line helper: the short CRM line kept at the top of each client's
// contact note (label, manager, last contact, next step), and the staff's own note text around it.
import type { ClientIndexEntry } from '../card-index/entry';
import type { Locale } from '../i18n/locale';

export function crmLine(entry: ClientIndexEntry, locale: Locale, timeZone: string): string {
  void entry;
  void locale;
  void timeZone;
  throw new Error('crmLine: not built yet');
}

/** The note without the CRM line: what staff wrote. */
export function staffNote(note: string): string {
  return note;
}

/** The note with `line` as its CRM line and the staff's text kept exactly. */
export function withCrmLine(note: string, line: string): string {
  void line;
  return note;
}
