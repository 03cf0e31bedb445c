// `crm report` and `crm dashboard`: the Reports sheet's counts and the Dashboard's KPI cells from a terminal, through
// the same server functions the menu uses (getReport computes without writing; refreshDashboard rewrites the sheet).
// --from / --to are office days or times (office-zone.ts): `--from 2026-03-01` is that day's midnight where the office is.

import { parseGrouping, REPORT_GROUPINGS } from '../../core/reports';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';
import { atOption } from './office-zone';

const GROUPINGS = REPORT_GROUPINGS.map((g) => g.join(',')).join(' | ');

/** `crm report --from ISO --to ISO [--by manager,kind]`: `{ period, rows: [{ group, count }], funnel }`. */
export function reportCommand(office: Office, args: ParsedArgs) {
  const from = atOption(office, args, 'from');
  const to = atOption(office, args, 'to');
  if (!from || !to) throw new UsageError('crm report needs --from and --to, e.g. --from 2026-03-01 --to 2026-03-31');
  const by = flag(args, 'by') ?? 'manager,kind';
  if (!parseGrouping(by)) throw new UsageError(`--by "${by}" is not a grouping: use ${GROUPINGS}`);
  const report = office.rpc.getReport({ from, to, by });
  return {
    period: report.period,
    by: parseGrouping(by),
    rows: report.rows,
    funnel: report.funnel,
    // Revenue (paid), debt (invoiced) and forecast by manager and currency, of the orders dated in the period.
    money: report.money,
    orderProblems: report.orderProblems,
  };
}

/**
 * `crm dashboard`: refreshes the Dashboard sheet and prints its KPI cells — `{ month, activeClients, newClients,
 * calls, meetings, followUpsOnTimePercent }` at the top level, as the issue names the output — with the sheet's title
 * and what happened to its charts beside them.
 */
export function dashboardCommand(office: Office) {
  const board = office.rpc.refreshDashboard();
  return { ...board.kpi, sheet: board.sheet, charts: board.charts };
}
