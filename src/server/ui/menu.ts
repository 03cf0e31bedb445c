// The CRM menu in the spreadsheet. Item function names are entry points exported by ../main.ts; `needs` is the
// capability (core/roles/roles.ts) an item is for — the entry point checks it again when chosen.

import { t } from '../../core/i18n/messages';
import { Locale } from '../../core/i18n/locale';
import type { Capability } from '../../core/roles/roles';
import type { MessageKey } from '../../core/i18n/messages';

export const MENU_ITEMS: ReadonlyArray<{ key: MessageKey; functionName: string; needs?: Capability }> = [
  { key: 'menuReminders', functionName: 'openRemindersSidebar' },
  { key: 'menuClients', functionName: 'openClientsSidebar' },
  { key: 'menuImportExport', functionName: 'openImportSidebar', needs: 'import' },
  { key: 'menuReportsRefresh', functionName: 'refreshReportsSheet', needs: 'reports' },
  { key: 'menuDashboardRefresh', functionName: 'refreshDashboardSheet', needs: 'reports' },
  { key: 'menuSettings', functionName: 'openSettingsSidebar', needs: 'settingsView' },
  { key: 'menuSetup', functionName: 'setupCrm', needs: 'settingsEdit' },
];

export function addCrmMenu(locale: Locale): void {
  const menu = SpreadsheetApp.getUi().createMenu(t(locale, 'menuTitle'));
  for (const item of MENU_ITEMS) menu.addItem(t(locale, item.key), item.functionName);
  menu.addToUi();
}
