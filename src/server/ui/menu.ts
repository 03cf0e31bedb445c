// The CRM menu in the spreadsheet. Item function names are entry points exported by ../main.ts.

import { t } from '../../core/i18n/messages';
import { Locale } from '../../core/i18n/locale';

export const MENU_ITEMS = [
  { key: 'menuReminders', functionName: 'openRemindersSidebar' },
  { key: 'menuClients', functionName: 'openClientsSidebar' },
  { key: 'menuImportExport', functionName: 'openImportSidebar' },
  { key: 'menuSettings', functionName: 'openSettingsSidebar' },
  { key: 'menuSetup', functionName: 'setupCrm' },
] as const;

export function addCrmMenu(locale: Locale): void {
  const menu = SpreadsheetApp.getUi().createMenu(t(locale, 'menuTitle'));
  for (const item of MENU_ITEMS) menu.addItem(t(locale, item.key), item.functionName);
  menu.addToUi();
}
