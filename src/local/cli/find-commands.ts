// find, and the client a `log` names: the Client sidebar's search and the one resolver from a terminal, through the
// built bundle's own google.script.run functions (findClients, resolveClient).

import type { ClientSummary, ResolveView } from '../../shared/clients-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

/** What `crm find` prints per client: exactly these keys. */
export interface FoundClient {
  resourceName: string;
  name: string;
  phones: string[];
  emails: string[];
  labels: string[];
  manager: string;
  lastContact: string | null;
  nextPlanned: string | null;
}

const found = (c: ClientSummary): FoundClient => ({
  resourceName: c.resourceName,
  name: c.name,
  phones: c.phones,
  emails: c.emails,
  labels: c.labels,
  manager: c.manager,
  lastContact: c.lastContact,
  nextPlanned: c.nextPlanned,
});

export function findCommand(office: Office, args: ParsedArgs): FoundClient[] {
  const limitText = flag(args, 'limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new UsageError('--limit must be a whole number of clients, e.g. --limit 20');
  const query = args.positional.join(' ');
  const result = office.rpc.findClients({
    query,
    ...(flag(args, 'label') ? { label: flag(args, 'label') } : {}),
    ...(flag(args, 'manager') ? { manager: flag(args, 'manager') } : {}),
    ...(args.flags.quiet ? { quiet: true } : {}),
    ...(args.flags['birthday-week'] ? { birthdayThisWeek: true } : {}),
    ...(limit ? { limit } : {}),
  });
  return result.clients.map(found);
}

/** One candidate per line: what tells namesakes apart. */
function candidateLine(c: ClientSummary): string {
  return [
    c.resourceName,
    c.name,
    c.phones.join(' ') || c.emails.join(' '),
    c.labels.join(', '),
    c.lastContact ? `last contact ${c.lastContact.slice(0, 10)}` : 'no contact yet',
  ]
    .filter(Boolean)
    .join('  ');
}

/** Why a text does not name one client, with the candidates, as `crm log` and `crm client` refuse it. */
export function unresolvedRefusal(query: string, view: Exclude<ResolveView, { kind: 'one' }>): Refusal {
  if (view.kind === 'none')
    return new Refusal(
      `No client matches "${query}". Name one by e-mail, phone or resourceName, or log with --new-client or --no-client.`,
    );
  return new Refusal(
    [
      `Several clients match "${query}"; name one by its resourceName, e-mail or phone:`,
      ...view.candidates.map((c) => `  ${candidateLine(c)}`),
    ].join('\n'),
  );
}

/** The one client `query` names (exit 2 with the candidates otherwise). */
export function resolveOne(office: Office, query: string): ClientSummary {
  const view = office.rpc.resolveClient(query);
  if (view.kind !== 'one') throw unresolvedRefusal(query, view);
  return view.client;
}
