// The sandbox's view of a sheet's embedded charts: each chart as the emulator keeps it (type, options, anchor) and
// the table it draws from its ranges' current values, with the categories as the cells show them, so the page draws
// exactly what Sheets would be charting. Read uncounted, like the grid.

import { cellA1 } from 'workspace-emulator';
import type { Workspace } from 'workspace-emulator';
import { displayValue } from './display';
import type { ChartView } from './web/types';

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function chartsView(ws: Workspace, spreadsheetId: string, sheetName: string, timeZone: string): ChartView[] {
  return ws.spreadsheets.charts(spreadsheetId, sheetName).map((c) => {
    const table = ws.spreadsheets.chartData(spreadsheetId, c.chartId);
    return {
      chartId: c.chartId,
      type: c.type,
      options: c.options,
      anchor: {
        a1: cellA1(c.position.anchorRow, c.position.anchorColumn),
        offsetX: c.position.offsetX,
        offsetY: c.position.offsetY,
      },
      ranges: c.ranges,
      labels: table.rows.map((row) => displayValue(row[0], timeZone)),
      series: table.headers.slice(1).map((name, j) => ({
        name,
        values: table.rows.map((row) => numberOrNull(row[j + 1])),
      })),
    };
  });
}
