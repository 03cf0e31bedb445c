// The Reports sheet and the Dashboard at scale: 25,000 contacts and 100,000 events (the event benches' office). Each
// refresh must stay within 10 service calls and 30 s of virtual service time (issue 13), reading each range once.
// The first refresh creates the sheet (and the Dashboard's four charts); the steady state is every later one.

import { openOffice } from '../../office';
import { Measurement, measureRpc } from '../measure';
import { CLOCK, seed } from './events';

const SCALE = { contacts: 25000, events: 100000 };
const LIMIT = { calls: 10, serviceMs: 30_000 };

/** One batchGet and one batchUpdate are the least a refresh can make; the grid size and charts come on top. */
const MINIMUM = { report: 2, dashboard: 3 };

function judged(m: Measurement, id: string, minimum: number): Measurement {
  return {
    ...m,
    id,
    minimum,
    ...SCALE,
    limit: LIMIT.calls,
    withinLimit: m.calls <= LIMIT.calls,
    withinTime: m.serviceMs < LIMIT.serviceMs,
  };
}

export function reportBenches(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  seed(office);
  const out: Measurement[] = [];
  const reports = (operation: string) => measureRpc(office, operation, (rpc) => rpc.refreshReports());
  const board = (operation: string) => measureRpc(office, operation, (rpc) => rpc.refreshDashboard());
  out.push(judged(reports('Reports sheet, first refresh (creates the sheet)'), 'report.refresh.first', MINIMUM.report));
  out.push(
    judged(reports('Reports sheet, refresh (CRM → Reports → Refresh, nightly)'), 'report.refresh', MINIMUM.report),
  );
  out.push(
    judged(
      board('Dashboard, first refresh (creates the sheet and its four charts)'),
      'dashboard.refresh.first',
      MINIMUM.dashboard,
    ),
  );
  out.push(
    judged(
      board('Dashboard, refresh (KPI cells, chart data, charts re-pointed)'),
      'dashboard.refresh',
      MINIMUM.dashboard,
    ),
  );
  return out;
}
