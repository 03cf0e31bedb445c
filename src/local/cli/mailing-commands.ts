// mailing / sms: the mail merge from a terminal, through the built bundle's ServerApi (the sidebar's own calls) and,
// for --resume, the daily trigger's run. A template file is read as the import reads text files (the encoding
// detected, or --encoding); its first line "Subject: …" / "Тема: …" is the e-mail's subject (the server's rule).

import * as fs from 'node:fs';
import { decodeText } from '../../core/import/readers/text-decoding';
import type { FindClientsInput } from '../../shared/clients-dto';
import type {
  MailingChannel,
  MailingInput,
  MailingPreview,
  MailingResult,
  MailingView,
} from '../../shared/mailing-dto';
import { invokeEntryPoint } from '../gas/server-rpc';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';
import { refusing } from './client-commands';

function recipientsOf(args: ParsedArgs, command: string): MailingInput['recipients'] {
  const label = flag(args, 'label');
  if (label) return { label };
  const clients = (flag(args, 'clients') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (clients.length) return { clients };
  const filter: FindClientsInput = { query: flag(args, 'query') ?? '' };
  const manager = flag(args, 'manager');
  if (manager) filter.manager = manager;
  if (args.flags.quiet) filter.quiet = true;
  if (args.flags['birthday-week']) filter.birthdayThisWeek = true;
  if (filter.query || manager || filter.quiet || filter.birthdayThisWeek) return { filter };
  throw new UsageError(`${command} needs who: --label L, --clients RN,RN, or a filter (--query, --manager, --quiet…)`);
}

function templateFile(file: string, encoding: string | undefined): string {
  if (!fs.existsSync(file)) throw new Refusal(`No such file: ${file}`);
  const decoded = decodeText(new Uint8Array(fs.readFileSync(file)), encoding);
  if (!decoded) throw new Refusal(`Unknown encoding "${encoding}"`);
  return decoded.text;
}

function inputOf(args: ParsedArgs, channel: MailingChannel): MailingInput {
  const command = channel === 'sms' ? 'sms' : 'mailing';
  const input: MailingInput = { channel, recipients: recipientsOf(args, command) };
  const file = flag(args, 'template');
  const text = flag(args, 'text');
  const doc = flag(args, 'template-doc');
  if (file) input.body = templateFile(file, flag(args, 'encoding'));
  else if (text) input.body = text;
  else if (doc) input.templateDoc = doc;
  else throw new UsageError(`${command} needs the message: --template FILE, --text T or --template-doc DOC`);
  const subject = flag(args, 'subject');
  if (subject) input.subject = subject;
  if (args.flags['dry-run']) input.dryRun = true;
  return input;
}

type Answer = MailingResult | MailingPreview | MailingView | MailingView[] | unknown;

/** `crm mailing|sms …`: start (or --preview, --dry-run), or --resume [--id], --list, --stop ID. */
export function mailingCommand(office: Office, args: ParsedArgs, channel: MailingChannel): Answer {
  if (args.flags.list) return refusing(() => office.rpc.listMailings());
  const stop = flag(args, 'stop');
  if (stop) return refusing(() => office.rpc.stopMailing({ id: stop }));
  if (args.flags.resume) {
    const run = invokeEntryPoint(office.sheet, 'resumeMailings_', [flag(args, 'id') ?? '']);
    if (run.error)
      return refusing(() => {
        throw run.error;
      });
    return run.result;
  }
  const input = inputOf(args, channel);
  if (args.flags.preview) return refusing(() => office.rpc.previewMailing(input));
  return refusing(() => office.rpc.startMailing(input));
}
