// journal / revert: the change journal through the bundle's server functions (the ones the Client sidebar calls).
// `journal [QUERY]`: a contact's resourceName, or text in the client's name or values; none: the latest changes.
// `revert CHANGE_ID` prints the RevertResult; a refused revert (changed since, already undone) exits 1.

import type { ChangeView, RevertResult } from '../../shared/backup-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';

export function journalCommand(office: Office, args: ParsedArgs): ChangeView[] {
  const query = args.positional.join(' ').trim();
  const limit = Number(flag(args, 'limit') ?? 50);
  if (!Number.isFinite(limit) || limit < 1) throw new UsageError('--limit must be a positive number');
  return office.rpc.getChanges({ ...(query ? { query } : {}), limit });
}

export function revertCommand(office: Office, args: ParsedArgs): RevertResult {
  const id = args.positional.join(' ').trim();
  if (!id) throw new UsageError('revert needs a CHANGE_ID (crm journal lists them)');
  return office.rpc.revertChange(id);
}
