// process-inbox / callbacks / import-calls: telephony from a terminal, through the built bundle's own functions
// (server/pbx), each one execution as the trigger or the sidebar would run it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CallsView, ImportCallsResult, ProcessInboxResult } from '../../shared/pbx-dto';
import { invokeEntryPoint, type EntryPointName } from '../gas/server-rpc';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';
import { refusing } from './client-commands';

function run<T>(office: Office, name: EntryPointName, params: unknown[]): T {
  const result = invokeEntryPoint(office.sheet, name, params);
  if (result.error) throw result.error;
  return result.result as T;
}

/** `crm process-inbox --json`: the processing trigger's body, once. */
export function processInboxCommand(office: Office): ProcessInboxResult {
  return run<ProcessInboxResult>(office, 'processInbox_', [{}]);
}

/** `crm callbacks --json`; `--close PHONE` closes that number's open item by hand first ("Called back"). */
export function callbacksCommand(office: Office, args: ParsedArgs): CallsView {
  const close = flag(args, 'close');
  if (close !== undefined) return refusing(() => office.rpc.closeCallback({ phone: close }));
  return run<CallsView>(office, 'callbacks_', []);
}

/** `crm import-calls FILE [--format asterisk|csv] --json`. */
export function importCallsCommand(office: Office, args: ParsedArgs): ImportCallsResult {
  const file = args.positional[0];
  if (!file) throw new UsageError('import-calls needs a FILE');
  const format = flag(args, 'format');
  if (format !== undefined && format !== 'asterisk' && format !== 'csv')
    throw new UsageError('--format must be asterisk or csv');
  const bytes = fs.readFileSync(file).toString('base64');
  return run<ImportCallsResult>(office, 'importCalls_', [bytes, path.basename(file), ...(format ? [format] : [])]);
}
