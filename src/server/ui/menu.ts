// The CRM menu in the spreadsheet. Item function names are entry points exported by ../main.ts; `needs` is the
// capability (core/roles/roles.ts) an item is for — the entry point checks it again when chosen (menu-guard.ts).

import { t } from '../../core/i18n/messages';
import { Locale } from '../../core/i18n/locale';
import { can, type Capability, type Role } from '../../core/roles/roles';
import type { MessageKey } from '../../core/i18n/messages';

export const MENU_ITEMS: ReadonlyArray<{ key: MessageKey; functionName: string; needs?: Capability }> = [
  { key: 'menuReminders', functionName: 'openRemindersSidebar' },
  { key: 'menuClients', functionName: 'openClientsSidebar' },
  // Every role may log events (the callback list's right, checked by getCalls); so, like Reminders, no `needs` here.
  { key: 'menuTelephony', functionName: 'openCallsSidebar' },
  { key: 'menuMailing', functionName: 'openMailingSidebar', needs: 'mailings' },
  { key: 'menuImportExport', functionName: 'openImportSidebar', needs: 'import' },
  { key: 'menuReportsRefresh', functionName: 'refreshReportsSheet', needs: 'reports' },
  { key: 'menuDashboardRefresh', functionName: 'refreshDashboardSheet', needs: 'reports' },
  { key: 'menuBackup', functionName: 'openBackupSidebar', needs: 'import' },
  { key: 'menuSettings', functionName: 'openSettingsSidebar', needs: 'settingsView' },
  { key: 'menuSetup', functionName: 'setupCrm', needs: 'settingsEdit' },
];

/** The items `role` may use; no role (Google did not name the person) gets the items that need no capability. */
export function menuItemsFor(role: Role | undefined): typeof MENU_ITEMS {
  return MENU_ITEMS.filter((item) => !item.needs || (role !== undefined && can(role, item.needs)));
}

/**
 * Shows the menu for `role`. Adding a menu of the same name replaces the one shown, so a sidebar that learns who the
 * person is (an authorised run, unlike the simple onOpen) redraws it for their role.
 */
export function addCrmMenu(locale: Locale, role?: Role): void {
  const menu = SpreadsheetApp.getUi().createMenu(t(locale, 'menuTitle'));
  for (const item of menuItemsFor(role)) menu.addItem(t(locale, item.key), item.functionName);
  menu.addToUi();
}

/** The capability a menu entry point is for (undefined: anyone's). */
export function menuNeed(functionName: string): Capability | undefined {
  return MENU_ITEMS.find((item) => item.functionName === functionName)?.needs;
}
