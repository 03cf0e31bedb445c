// google.script.run targets about clients (src/shared/clients-dto.ts): search as you type and "who is this text".
// Both answer from the Card index's list lines (one read), never from a People listing.

import { findClients as findIn } from '../../core/clients';
import { quietDaysByLabel } from '../../core/events';
import type { FindClientsInput, FindClientsResult, ResolveView } from '../../shared/clients-dto';
import { OfficeContext } from '../events/office';
import { resolveText } from './resolve';
import { clientSummaries } from './summaries';

export function findClients(input: FindClientsInput): FindClientsResult {
  const office = new OfficeContext();
  const summaries = clientSummaries(office.ss);
  return findIn(summaries, input ?? { query: '' }, {
    defaultCountry: office.settings.get('defaultCountry'),
    now: new Date(),
    // Read only for the quiet and birthday filters: the zone and the Labels sheet cost requests a search does not need.
    get timeZone() {
      return office.timeZone;
    },
    get quietDays() {
      return office.settings.get('quietDaysDefault');
    },
    get quietDaysByLabel() {
      return quietDaysByLabel(office.labels);
    },
  });
}

export function resolveClient(query: string): ResolveView {
  return resolveText(String(query ?? ''), new OfficeContext()).view;
}
