// `crm import-calls FILE [--format asterisk|csv]`: an office without webhooks imports its PBX's call log (Asterisk
// Master.csv, or a CSV mapped like the client import). The calls go through the same plan as webhooks; their keys are
// checked against the WHOLE Inbox key column (logs overlap by months), and each new call is appended to the Inbox as a
// done row (provider 'asterisk' | 'csv') in the same batchUpdate as its event — so a re-import, or an overlap with
// what the webhooks brought, never makes anything twice.

import type { InboxPayload } from '../../core/pbx/inbox';
import { readCallLog } from '../../core/pbx/call-log';
import type { PlanRow, SeenKey } from '../../core/pbx/plan';
import type { ImportCallsResult } from '../../shared/pbx-dto';
import { scriptClock } from '../clock';
import { OfficeContext } from '../events/office';
import { appendRows } from '../sheets/values-batch';
import { underWriteLock } from '../sheets/write-lock';
import { askAllKeys, inboxRowCells } from './inbox-sheet';
import { planFor, readPlanContext, sheetOrCreate, withLanding, writePlan } from './process';
import { ensureTextDecoder } from './text-decoder';

export function importCalls(bytes: Uint8Array, fileName: string, format?: 'asterisk' | 'csv'): ImportCallsResult {
  return underWriteLock(() => importIn(new OfficeContext(), bytes, fileName, format));
}

function importIn(
  office: OfficeContext,
  bytes: Uint8Array,
  fileName: string,
  format: 'asterisk' | 'csv' | undefined,
): ImportCallsResult {
  const inbox = sheetOrCreate(office, 'inbox');
  let seen = new Map<string, SeenKey>();
  const ctx = readPlanContext(office, (batch) => askAllKeys(batch, inbox.getName(), (s) => (seen = s)));
  ensureTextDecoder();
  const log = readCallLog(bytes, fileName, {
    ...(format ? { format } : {}),
    timeZone: office.timeZone,
    locale: office.locale,
  });
  const rows: PlanRow[] = log.notices.map(({ line, notice }) => ({ row: line, read: { ok: true, notices: [notice] } }));
  const plan = planFor(office, ctx, rows, seen);
  const receivedAt = new Date(scriptClock.now()).toISOString();
  writePlan(office, ctx, plan, (landed) => {
    const fresh = plan.inbox.filter((u) => u.state === 'done');
    if (!fresh.length) return [];
    return [
      appendRows(
        inbox.getSheetId(),
        fresh.map((u) => {
          const payload: InboxPayload = { path: 'import', params: { file: fileName, line: String(u.row) } };
          return inboxRowCells({
            receivedAt,
            provider: log.format,
            key: u.key,
            state: 'done',
            result: withLanding(u.result, u.eventId, landed),
            payload: JSON.stringify(payload),
          });
        }),
      ),
    ];
  });
  return {
    format: log.format,
    rows: log.rows,
    events: plan.counts.events,
    missed: plan.counts.missed,
    unknown: plan.counts.unknown,
    duplicates: plan.counts.duplicates,
    skipped: log.skipped,
    problems: log.problems,
    decisions: log.decisions,
  };
}
