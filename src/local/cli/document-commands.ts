// `crm document --event ID --template offer|invoice [--out FILE] [--send] --json`: an offer or invoice PDF for an
// order event, through the bundle's own makeDocument (the Client sidebar's button); --send e-mails it to the client
// (emailDocument: made first when the event has none). With --out the PDF's bytes are copied from the emulated Drive.

import * as fs from 'node:fs';
import type { DocumentResult, EmailDocumentResult } from '../../shared/documents-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

/** The server's refusals (their `name`): exit 2 with the server's words, not a failure. */
const REFUSALS = new Set(['DocumentRefused', 'NotAllowed', 'ClientNotResolved']);

function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && REFUSALS.has(e.name)) throw new Refusal(e.message);
    throw e;
  }
}

export function documentCommand(
  office: Office,
  args: ParsedArgs,
): (DocumentResult | EmailDocumentResult) & { out?: string } {
  const event = flag(args, 'event');
  if (!event) throw new UsageError('--event EVENT_ID is required (the id crm log or crm client prints)');
  const template = flag(args, 'template');
  if (template !== undefined && template !== 'offer' && template !== 'invoice')
    throw new UsageError('--template must be offer or invoice');
  const result: DocumentResult | EmailDocumentResult = args.flags.send
    ? refusing(() => office.rpc.emailDocument({ event, ...(template ? { template } : {}) }))
    : refusing(() => {
        if (!template) throw new UsageError('--template offer|invoice is required (or --send)');
        return office.rpc.makeDocument({ event, template });
      });
  const out = flag(args, 'out');
  if (!out) return result;
  fs.writeFileSync(out, office.workspace.drive.content(result.pdf));
  return { ...result, out };
}
