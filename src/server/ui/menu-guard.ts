// Who the menu is for, and the check each menu entry point makes when chosen. The simple onOpen is told the e-mail of
// the owner (the office account) only — Google blanks everyone else there (packages/workspace-emulator/src/auth/
// active-user.ts quotes the rule) — so a blank opener gets the items anyone may use, and the first sidebar they open
// (an authorised run that knows them: api.getAccess) redraws the menu for their role. The menu is a convenience; the
// check below, made again when an item is chosen, is the rule.

import { t } from '../../core/i18n/messages';
import { accessText, roleName } from '../../core/roles/access-text';
import type { Role } from '../../core/roles/roles';
import { can } from '../../core/roles/roles';
import { OfficeContext } from '../events/office';
import { MENU_ITEMS, menuNeed } from './menu';

/**
 * The opener's role for onOpen's menu: undefined when Google does not name them; otherwise as every other check
 * decides it (OfficeContext.identity: the owner without a Staff read, anyone else by their Staff row).
 */
export function openerRole(office: OfficeContext): Role | undefined {
  return office.actorEmail ? office.identity().role : undefined;
}

/**
 * Whether the person may run the menu item `functionName`; if not, a toast in the office's language says so and the
 * caller opens nothing. The shared account is the office here: a "who am I" chosen in a browser is not known to the
 * server at menu time, and the sidebars hide what the chosen role does not use.
 */
export function menuAllowed(functionName: string, office = new OfficeContext()): boolean {
  const need = menuNeed(functionName);
  if (!need) return true;
  const role = office.identity().role;
  if (can(role, need)) return true;
  const locale = office.locale;
  const item = MENU_ITEMS.find((i) => i.functionName === functionName);
  const message = accessText(locale, 'refused', {
    item: item ? t(locale, item.key) : functionName,
    role: roleName(locale, role),
  });
  office.ss.toast(message, t(locale, 'menuTitle'));
  return false;
}
