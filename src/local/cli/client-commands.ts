// client / edit / add-client: one client's card and history, changing the card, adding a client — through the
// bundle's own server functions (the ones the Client sidebar and the Gmail card call). A query that names no one
// client, and a change the card's rules refuse, exit 2 with the server's message.

import { toE164 } from '../../core/phone';
import type { ClientCard, ClientCardChanges, ClientCardField, ClientView } from '../../shared/clients-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

/** The server's refusals (their `name`, as google.script.run and serverRpc carry it): exit 2, not a failure. */
const REFUSALS = new Set(['ClientNotResolved', 'ClientChangeRefused', 'NotAllowed', 'MailingRefused']);

export function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && REFUSALS.has(e.name)) throw new Refusal(e.message);
    throw e;
  }
}

function query(args: ParsedArgs, command: string): string {
  const text = args.positional.join(' ').trim();
  if (!text) throw new UsageError(`${command} needs who: a name, an e-mail, a phone or a contact resourceName`);
  return text;
}

let country: string | undefined;
function defaultCountry(office: Office): string {
  return (country ??= office.rpc.getSettingsView().defaultCountry);
}

/** The client as the CLI prints it: phones in E.164 under the office's default country. */
export function clientJson(
  office: Office,
  client: ClientView['client'] | (ClientCard & Partial<ClientView['client']>),
) {
  const e164 = (p: string) => toE164(p, defaultCountry(office)) ?? p;
  return {
    resourceName: client.resourceName,
    name: client.name ?? [client.familyName, client.givenName, client.middleName].filter(Boolean).join(' '),
    familyName: client.familyName,
    givenName: client.givenName,
    middleName: client.middleName,
    phones: client.phones.map(e164),
    emails: client.emails,
    labels: client.labels,
    manager: client.manager,
    lastContact: client.lastContact ?? null,
    nextPlanned: client.nextPlanned ?? null,
    birthday: client.birthday,
    firstVisit: client.firstVisit,
    notes: client.notes,
    company: client.company,
    title: client.title,
    addresses: client.addresses,
  };
}

/** The whole history, a page at a time. */
function wholeView(office: Office, client: string): ClientView {
  const first = refusing(() => office.rpc.getClient({ client, limit: 200 }));
  const events = [...first.events];
  while (events.length < first.total) {
    const page = office.rpc.getClient({ client: first.client.resourceName, offset: events.length, limit: 200 });
    if (!page.events.length) break;
    events.push(...page.events);
  }
  return { ...first, events };
}

export function clientCommand(office: Office, args: ParsedArgs) {
  const view = wholeView(office, query(args, 'client'));
  return { client: clientJson(office, view.client), events: view.events, planned: view.planned, money: view.money };
}

const FIELDS: Record<string, ClientCardField> = {
  familyname: 'familyName',
  givenname: 'givenName',
  middlename: 'middleName',
  phone: 'phones',
  email: 'emails',
  label: 'labels',
  manager: 'manager',
  birthday: 'birthday',
  firstvisit: 'firstVisit',
  notes: 'notes',
  company: 'company',
  title: 'title',
};
const LIST: ClientCardField[] = ['phones', 'emails', 'labels'];

function fieldOf(option: string, pair: string): { field: ClientCardField; value: string } {
  const at = pair.indexOf('=');
  const name = at < 0 ? pair : pair.slice(0, at);
  const field = FIELDS[name.trim().toLowerCase()];
  if (at < 0 || !field)
    throw new Refusal(
      `--${option} "${pair}": write FIELD=VALUE, FIELD one of familyName, givenName, middleName, phone, email, label, manager, birthday, firstVisit, notes, company, title`,
    );
  return { field, value: pair.slice(at + 1).trim() };
}

export function editCommand(office: Office, args: ParsedArgs) {
  const who = query(args, 'edit');
  const sets = args.lists.set ?? [];
  const adds = args.lists.add ?? [];
  const removes = args.lists.remove ?? [];
  if (!sets.length && !adds.length && !removes.length)
    throw new UsageError('edit needs at least one --set FIELD=VALUE, --add FIELD=VALUE or --remove FIELD=VALUE');
  const view = refusing(() => office.rpc.getClient({ client: who, limit: 1 }));
  const { name: _n, lastContact: _l, nextPlanned: _p, ...base } = view.client;
  const changes: Record<string, string | string[]> = {};
  const list = (f: ClientCardField) => (changes[f] as string[] | undefined) ?? [...(base[f] as string[])];
  const replaced = new Set<ClientCardField>();
  for (const pair of sets) {
    const { field, value } = fieldOf('set', pair);
    if (LIST.includes(field)) {
      // --set phone=… replaces the list; several --set phone=… give several.
      changes[field] = [...(replaced.has(field) ? (changes[field] as string[]) : []), ...(value ? [value] : [])];
      replaced.add(field);
    } else changes[field] = value;
  }
  for (const [option, pairs] of [
    ['add', adds],
    ['remove', removes],
  ] as const) {
    for (const pair of pairs) {
      const { field, value } = fieldOf(option, pair);
      if (!LIST.includes(field)) throw new Refusal(`--${option} takes a list field: phone, email or label`);
      const now = list(field);
      const same = (v: string) =>
        field === 'phones'
          ? (toE164(v, defaultCountry(office)) ?? v) === (toE164(value, defaultCountry(office)) ?? value)
          : v.toLowerCase() === value.toLowerCase();
      if (option === 'add') changes[field] = now.some(same) ? now : [...now, value];
      else {
        if (!now.some(same)) throw new Refusal(`The client has no ${field.slice(0, -1)} "${value}"`);
        changes[field] = now.filter((v) => !same(v));
      }
    }
  }
  const result = refusing(() =>
    office.rpc.saveClient({
      resourceName: base.resourceName,
      etag: base.etag,
      base,
      changes: changes as ClientCardChanges,
    }),
  );
  if (!result.saved)
    throw new Refusal(
      `Not saved: changed elsewhere meanwhile: ${result.conflicts
        .map((c) => `${c.field} is now ${JSON.stringify(c.theirs)} (yours: ${JSON.stringify(c.mine)})`)
        .join('; ')}`,
    );
  const after = office.rpc.getClient({ client: base.resourceName, limit: 1 });
  return { client: clientJson(office, after.client), mergedFromElsewhere: result.mergedFromElsewhere };
}

export function addClientCommand(office: Office, args: ParsedArgs) {
  const from = flag(args, 'from');
  if (!from) throw new UsageError('--from "Name <e-mail>" is required (or an e-mail, or a name with --phone)');
  const label = flag(args, 'label');
  const manager = flag(args, 'manager');
  const phone = flag(args, 'phone');
  const result = refusing(() =>
    office.rpc.addClient({
      from,
      ...(phone ? { phone } : {}),
      ...(label ? { labels: [label] } : {}),
      ...(manager ? { manager } : {}),
    }),
  );
  return result;
}
