// log / quiet / card: the event log and the Gmail card from a terminal, through the built bundle's own entry
// points (the same functions the Reminders sidebar and the Gmail add-on call).

import { cardToJson, messageEvent } from 'workspace-emulator';
import type { EventView, LogEventInput } from '../../shared/events-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';
import { refusing } from './client-commands';
import { invokeEntryPoint } from '../gas/server-rpc';
import { resolveOne } from './find-commands';
import { atOption } from './office-zone';

export function logCommand(office: Office, args: ParsedArgs): EventView {
  const required = (name: string) => {
    const v = flag(args, name);
    if (!v) throw new UsageError(`--${name} is required`);
    return v;
  };
  const client = required('client');
  // Who the event is with: ONE client the text names (exit 2 with the candidates otherwise), or the text alone with
  // --no-client, or a contact created (or found by its e-mail or phone) with --new-client.
  if (args.flags['no-client'] && args.flags['new-client'])
    throw new UsageError('--no-client or --new-client, not both');
  // The one client found is passed on by its resourceName: the server then need not resolve the text again.
  const resolved =
    !args.flags['no-client'] && !args.flags['new-client'] ? resolveOne(office, client).resourceName : client;
  // A time without an offset is the office's wall clock (office-zone.ts), as the sidebar reads its time picker.
  const at = atOption(office, args);
  const input: LogEventInput = {
    client: resolved,
    ...(args.flags['no-client'] ? { noClient: true } : {}),
    kind: required('kind'),
    reason: required('reason'),
    ...(at ? { at } : {}),
    ...(args.flags.planned ? { planned: true } : {}),
    ...(flag(args, 'manager') ? { manager: flag(args, 'manager') } : {}),
    ...(flag(args, 'note') ? { note: flag(args, 'note') } : {}),
  };
  // "New client": created from the --client text, or found by its e-mail or phone; the event is linked to it.
  if (args.flags['new-client'])
    input.newClient = { from: client, ...(flag(args, 'phone') ? { phone: flag(args, 'phone') } : {}) };
  else if (flag(args, 'phone')) throw new UsageError('--phone goes with --new-client');
  return refusing(() => office.rpc.logEvent(input));
}

export function quietCommand(office: Office, args: ParsedArgs) {
  const daysText = flag(args, 'days');
  const days = daysText === undefined ? undefined : Number(daysText);
  if (days !== undefined && !(Number.isInteger(days) && days > 0))
    throw new UsageError('--days must be a whole number of days, e.g. --days 60');
  const at = atOption(office, args);
  const clients = office.rpc.getQuietClients(at, days);
  return { at: at ?? new Date(office.workspace.clock.now()).toISOString(), count: clients.length, clients };
}

/** The card the add-on shows for a message from this sender: built by the bundle, read back from CardService. */
export function cardCommand(office: Office, args: ParsedArgs) {
  const from = flag(args, 'from');
  if (!from) throw new UsageError('--from "Name <e-mail>" is required');
  // One transaction: the stand-in message never reaches the shared state, what the add-on cached does.
  return office.workspace.transaction(() => showCard(office, from));
}

function showCard(office: Office, from: string) {
  const ws = office.workspace;
  // A message from that sender, as Gmail would hold it, for the length of this command.
  ws.calls.reset();
  const messageId = ws.gmail.addMessage({
    from,
    to: ws.ctx.session.email,
    subject: '(crm card)',
    plainBody: '',
    date: ws.clock.now(),
  });
  let run;
  try {
    run = invokeEntryPoint(office.gmail, 'onGmailMessage', [messageEvent(ws, messageId)], 'card');
  } finally {
    // Keep what the add-on cached (its copy of the index), as a real add-on keeps its cache between cards, but not the
    // stand-in message: the sandbox's inbox stays as it was.
    ws.gmail.removeMessage(messageId);
  }
  if (run.error) throw run.error;
  return {
    from,
    card: cardToJson(run.result),
    serviceCalls: run.report.serviceCalls,
    elapsedMs: run.report.elapsedMs,
    byService: ws.calls.byService(),
  };
}
