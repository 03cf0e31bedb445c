// google.script.run targets about clients (src/shared/clients-dto.ts): search as you type and "who is this text".
// Both answer from the Card index's list lines (one read), never from a People listing.

import { FindContext, findClients as findIn } from '../../core/clients';
import { quietDaysByLabel } from '../../core/events';
import type { FindClientsInput, FindClientsResult, ResolveView } from '../../shared/clients-dto';
import { OfficeContext } from '../events/office';
import { resolveText } from './resolve';
import { clientSummaries } from './summaries';
import { scopeOf } from '../staff/scope';

export function findClients(input: FindClientsInput): FindClientsResult {
  const office = new OfficeContext();
  const summaries = clientSummaries(office.ss);
  // Settings → onlyOwn: a manager's search is their own clients' (the card's manager field), whatever they filter.
  const own = scopeOf(office, input?.as, 'clients').clients;
  const query = { ...(input ?? { query: '' }), ...(own !== undefined ? { manager: own } : {}) };
  return findIn(summaries, query, findContext(office));
}

/** What a search asks of the office, each read only when the query or a filter needs it (the mailing's filter too). */
export function findContext(office: OfficeContext): FindContext {
  return {
    // The Settings and Labels sheets and the zone cost requests a name search does not need.
    get defaultCountry() {
      return office.settings.get('defaultCountry');
    },
    now: new Date(),
    get timeZone() {
      return office.timeZone;
    },
    get quietDays() {
      return office.settings.get('quietDaysDefault');
    },
    get quietDaysByLabel() {
      return quietDaysByLabel(office.labels);
    },
  };
}

export function resolveClient(query: string): ResolveView {
  return resolveText(String(query ?? ''), new OfficeContext()).view;
}
