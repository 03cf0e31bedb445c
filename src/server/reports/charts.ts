// The Dashboard's four native charts (EmbeddedChartBuilder), created once and afterwards touched only when the block
// they draw grew or shrank. A chart is recognised by the cell it is anchored at (core/reports/dashboard-sheet.ts
// chartAt), which a refresh never moves: no chart id is kept anywhere, so a cache or a property that went stale cannot
// make the Dashboard lose or double its charts. A chart the office added elsewhere is left alone.
//
// Sheet.getCharts, insertChart and updateChart: https://developers.google.com/apps-script/reference/spreadsheet/sheet
// "modify() Returns a new EmbeddedChartBuilder to modify this chart. Invoke updateChart(chart) to save changes."
// (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#modify)

import { CHART_SIZE, chartAt, ChartKey, ChartSpec } from '../../core/reports/dashboard-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ChartsResult {
  created: ChartKey[];
  updated: ChartKey[];
}

function sameRange(ranges: Range[], spec: ChartSpec): boolean {
  if (ranges.length !== 1) return false;
  const r = ranges[0];
  const b = spec.range;
  return (
    r.getRow() === b.row && r.getColumn() === b.column && r.getNumRows() === b.rows && r.getNumColumns() === b.columns
  );
}

function rangeOf(sheet: Sheet, spec: ChartSpec): Range {
  return sheet.getRange(spec.range.row, spec.range.column, spec.range.rows, spec.range.columns);
}

function newChart(sheet: Sheet, spec: ChartSpec): EmbeddedChart {
  const builder = sheet
    .newChart()
    .setChartType(spec.type === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN)
    .addRange(rangeOf(sheet, spec))
    // The block's first row names the series, its first column the categories.
    .setNumHeaders(1)
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('width', CHART_SIZE.width)
    .setOption('height', CHART_SIZE.height)
    .setOption('legend.position', spec.key === 'eventsPerWeek' ? 'right' : 'none');
  return (spec.stacked ? builder.setOption('isStacked', true) : builder).build();
}

/**
 * Creates the charts the sheet lacks and re-points those whose block moved; the rest are not touched. A sheet made in
 * this execution has no charts yet: it is not asked.
 */
export function syncCharts(sheet: Sheet, specs: ChartSpec[], newSheet = false): ChartsResult {
  const found = new Map<ChartKey, EmbeddedChart>();
  for (const chart of newSheet ? [] : sheet.getCharts()) {
    const info = chart.getContainerInfo();
    const key = chartAt(info.getAnchorRow(), info.getAnchorColumn());
    if (key && !found.has(key)) found.set(key, chart);
  }
  const result: ChartsResult = { created: [], updated: [] };
  for (const spec of specs) {
    const chart = found.get(spec.key);
    if (!chart) {
      sheet.insertChart(newChart(sheet, spec));
      result.created.push(spec.key);
    } else if (!sameRange(chart.getRanges(), spec)) {
      sheet.updateChart(chart.modify().clearRanges().addRange(rangeOf(sheet, spec)).build());
      result.updated.push(spec.key);
    }
  }
  return result;
}
