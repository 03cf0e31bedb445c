// The Client sidebar's server half that is not about one client: what it needs before the first search (its language,
// the office's zone, the log form's reference lists, the filters' managers and labels), and opening it on a client.

import { t } from '../../core/i18n/messages';
import type { ClientSidebarSetup } from '../../shared/clients-dto';
import { OfficeContext } from '../events/office';
import { listLabels } from '../import/api';
import { showClientSidebar } from './sidebars';

export function getClientSidebarSetup(): ClientSidebarSetup {
  const office = new OfficeContext();
  return {
    locale: office.locale,
    timeZone: office.timeZone,
    kinds: office.lists.kinds,
    reasons: office.lists.reasons,
    managers: office.staff.map((s) => s.name).filter((n) => n !== ''),
    labels: listLabels(),
  };
}

/** From a Reminders row (google.script.run) or any caller that knows the client: the sidebar opens on their card. */
export function openClientSidebar(client: string): void {
  const office = new OfficeContext();
  showClientSidebar(t(office.locale, 'menuClients'), typeof client === 'string' ? client : '');
}
