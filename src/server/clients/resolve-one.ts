// Which one client a text names, for the card and its history: the one resolver (resolve.ts over core/clients),
// refusing with the candidates, as a ClientNotResolved error the CLI tells from a failure (exit 2).

import { isResourceName } from '../../core/clients';
import type { OfficeContext } from '../events/office';
import { notResolved } from './messages';
import { resolveText, unresolvedMessage } from './resolve';

export { isResourceName };

/** The client `text` names, or a ClientNotResolved refusal in the office's language. */
export function oneClient(text: string, office: OfficeContext): { resourceName: string } {
  const query = String(text ?? '').trim();
  // A resourceName is taken as it is: reading the card answers "contact gone" when it is.
  if (isResourceName(query)) return { resourceName: query };
  const { view } = resolveText(query, office);
  if (view.kind === 'one') return { resourceName: view.client.resourceName };
  throw notResolved(unresolvedMessage(view, query, office.locale));
}
