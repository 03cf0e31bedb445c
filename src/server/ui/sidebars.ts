// Opens the built sidebars (dist/sheet/<name>.html). They load their data through google.script.run; the one value
// ever placed into a sidebar's HTML is the client the Client sidebar opens on, escaped into an attribute.

import { escapeHtml } from '../../core/html';
import type { Locale } from '../../core/i18n/locale';

export type SidebarName = 'settings' | 'import' | 'reminders' | 'clients' | 'backup' | 'calls' | 'mailing';

/**
 * The spreadsheet's id on the page's body (`data-spreadsheet`), escaped: a shared-account browser keeps its "who am I"
 * per spreadsheet (src/client/lib/access.ts) and must know it before its first server call.
 */
function withSpreadsheetId(
  html: GoogleAppsScript.HTML.HtmlOutput,
  locale?: Locale,
  timeZone?: string,
): GoogleAppsScript.HTML.HtmlOutput {
  const id = SpreadsheetApp.getActiveSpreadsheet()?.getId() ?? '';
  const content = html.getContent();
  // The office's language for a sidebar that asks the server nothing else first (the Backup sidebar).
  const lang = locale ? ` data-locale="${escapeHtml(locale)}"` : '';
  // And its zone, for one that shows times before (or without) asking (the Telephony sidebar).
  const zone = timeZone ? ` data-zone="${escapeHtml(timeZone)}"` : '';
  return html.setContent(content.replace('<body>', () => `<body data-spreadsheet="${escapeHtml(id)}"${lang}${zone}>`));
}

export function showSidebar(name: SidebarName, title: string, locale?: Locale, timeZone?: string): void {
  const html = withSpreadsheetId(HtmlService.createHtmlOutputFromFile(name).setTitle(title), locale, timeZone);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The attribute of src/client/sidebars/clients/body.html that names the client to open (empty: the search). */
export const CLIENT_START_ATTRIBUTE = 'data-client=""';

/** At most this much text names the client to open on: a resourceName, an e-mail, a phone or a name. */
const MAX_CLIENT_TEXT = 200;

/** The Client sidebar; `client` (a resourceName, or any text the resolver takes) is opened at once. */
export function showClientSidebar(title: string, client = ''): void {
  const html = withSpreadsheetId(HtmlService.createHtmlOutputFromFile('clients').setTitle(title));
  const text = String(client ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CLIENT_TEXT);
  if (text) {
    const content = html.getContent();
    if (!content.includes(CLIENT_START_ATTRIBUTE)) throw new Error(`clients.html has no ${CLIENT_START_ATTRIBUTE}`);
    html.setContent(content.replace(CLIENT_START_ATTRIBUTE, () => `data-client="${escapeHtml(text)}"`));
  }
  SpreadsheetApp.getUi().showSidebar(html);
}
