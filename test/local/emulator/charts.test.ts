// Embedded charts through a script project, as the CRM's Dashboard uses them: a script builds a stacked column chart
// over a sheet's range and inserts it; a later execution (another process: a second Workspace on the same folder)
// reads it back, points it at a longer range and removes it. Each step is a counted call; builders cost nothing.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, PROTECTION_SAY, Workspace } from 'workspace-emulator';

const MANIFEST = JSON.stringify({
  timeZone: 'Europe/Moscow',
  runtimeVersion: 'V8',
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
});

const SCRIPT = `
function seed() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var data = ss.insertSheet('Data');
  data.getRange(1, 1, 4, 3).setValues([['Week', 'Calls', 'Meetings'], ['W1', 3, 1], ['W2', 5, 2], ['W3', 4, 4]]);
  ss.insertSheet('Dashboard');
}

function insertStacked() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var dash = ss.getSheetByName('Dashboard');
  var chart = dash.newChart()
    .asColumnChart()
    .addRange(ss.getSheetByName('Data').getRange('A1:C4'))
    .setStacked()
    .setTitle('Events per week')
    .setLegendPosition(Charts.Position.BOTTOM)
    .setXAxisTitle('Week')
    .setPosition(2, 5, 10, 0)
    .build();
  var before = chart.getChartId();
  dash.insertChart(chart);
  return { before: before, again: tryIt(function () { dash.insertChart(chart); }) };
}

function insertPie() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var dash = ss.getSheetByName('Dashboard');
  dash.insertChart(dash.newChart().setChartType(Charts.ChartType.PIE)
    .addRange(ss.getSheetByName('Data').getRange('A1:B4')).setOption('title', 'Calls').build());
}

function readBack() {
  var charts = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard').getCharts();
  return charts.map(function (c) {
    var info = c.getContainerInfo();
    return {
      id: c.getChartId(),
      ranges: c.getRanges().map(function (r) { return r.getSheet().getName() + '!' + r.getA1Notation(); }),
      title: c.getOptions().get('title'),
      stacked: c.getOptions().get('isStacked'),
      legend: c.getOptions().get('legend.position'),
      missing: c.getOptions().get('nothing'),
      anchor: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
    };
  });
}

function extend() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var dash = ss.getSheetByName('Dashboard');
  var data = ss.getSheetByName('Data');
  data.appendRow(['W4', 6, 1]);
  var chart = dash.getCharts()[0];
  dash.updateChart(chart.modify().clearRanges().addRange(data.getRange('A1:C5')).setOption('title', 'Four weeks').build());
}

function removeFirst() {
  var dash = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard');
  var chart = dash.getCharts()[0];
  dash.removeChart(chart);
  return { twice: tryIt(function () { dash.removeChart(chart); }), left: dash.getCharts().length };
}

function strictness(otherId) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var dash = ss.getSheetByName('Dashboard');
  var data = ss.getSheetByName('Data');
  var other = SpreadsheetApp.openById(otherId).getSheets()[0].getRange('A1:B2');
  return {
    otherFile: tryIt(function () { dash.newChart().addRange(other); }),
    noType: tryIt(function () { dash.newChart().addRange(data.getRange('A1:B2')).build(); }),
    notInserted: tryIt(function () {
      dash.updateChart(dash.newChart().asBarChart().addRange(data.getRange('A1:B2')).build());
    }),
    otherSheet: tryIt(function () {
      data.updateChart(dash.getCharts()[0]);
    }),
    builtElsewhere: tryIt(function () {
      data.insertChart(dash.newChart().asLineChart().addRange(data.getRange('A1:B2')).build());
    }),
    image: tryIt(function () { dash.getCharts()[0].getAs('image/png'); }),
    pieStacked: typeof dash.newChart().asPieChart().setStacked,
  };
}

function insertRowsAbove() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').insertRowsAfter(1, 2);
}

function deleteRowsTwoThree() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').deleteRows(2, 2);
}

function deleteRowTwoViaApi() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteDimension: { range: {
    sheetId: ss.getSheetByName('Data').getSheetId(), dimension: 'ROWS', startIndex: 1, endIndex: 2 } } }] }, ss.getId());
}

function deleteDashboard() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.deleteSheet(ss.getSheetByName('Dashboard'));
}

function protectDashboard(editor) {
  var p = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard').protect();
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  p.addEditor(editor);
}

function meddleWithCharts() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var dash = ss.getSheetByName('Dashboard');
  var chart = dash.getCharts()[0];
  return [
    tryIt(function () { dash.updateChart(chart.modify().setOption('title', 'Mine').build()); }),
    tryIt(function () { dash.removeChart(chart); }),
    tryIt(function () {
      dash.insertChart(dash.newChart().asLineChart().addRange(ss.getSheetByName('Data').getRange('A1:B2')).build());
    }),
    tryIt(function () { ss.deleteSheet(dash); }),
  ];
}

function tryIt(fn) {
  try { fn(); return '(no error)'; } catch (e) { return e.message; }
}
`;

let dir: string;
let projectDir: string;
const opened: Workspace[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-state-'));
  projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-project-'));
  fs.writeFileSync(path.join(projectDir, 'appsscript.json'), MANIFEST);
  fs.writeFileSync(path.join(projectDir, 'Code.js'), SCRIPT);
});
afterEach(() => {
  for (const ws of opened.splice(0)) ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(projectDir, { recursive: true, force: true });
});

/** A Workspace on the shared folder and the project bound to its spreadsheet (another process, each time). */
function open(id?: string) {
  const ws = Workspace.open(dir, { clockStart: '2026-03-02T09:00:00Z' });
  opened.push(ws);
  const spreadsheetId =
    id ?? ws.transaction(() => ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'en' }));
  const project = loadProject(ws, projectDir, { project: 'crm', boundSpreadsheetId: spreadsheetId });
  const run = (name: string, args: unknown[] = []) => {
    const before = ws.ctx.calls.all().length;
    const r = project.invoke(name, args);
    if (r.error) throw r.error;
    return {
      result: r.result,
      calls: ws.ctx.calls
        .all()
        .slice(before)
        .map((c) => c.service),
    };
  };
  return { ws, id: spreadsheetId, run };
}

describe('embedded charts: inserted by one execution, read, changed and removed by later ones', () => {
  it('a stacked column chart keeps its range, title, legend and anchor across processes; only sheet calls count', () => {
    const a = open();
    a.run('seed');
    const inserted = a.run('insertStacked');
    // Google: getChartId is null "if the chart is not in a spreadsheet"; inserting the same object twice is refused.
    expect(inserted.result).toEqual({
      before: null,
      again: 'This chart is already on a sheet: use updateChart to change it.',
    });
    // Builders and build() are local; getRange, getSheetByName are handles: one insert (and the refused one).
    expect(inserted.calls).toEqual(['SpreadsheetApp.Sheet.insertChart', 'SpreadsheetApp.Sheet.insertChart']);

    const b = open(a.id);
    const read = b.run('readBack');
    expect(read.calls).toEqual(['SpreadsheetApp.Sheet.getCharts']);
    const [chart] = read.result as Array<Record<string, unknown>>;
    expect(chart).toMatchObject({
      ranges: ['Data!A1:C4'],
      title: 'Events per week',
      stacked: true,
      legend: 'bottom',
      missing: null,
      anchor: [2, 5, 10, 0],
    });
    expect(Number.isInteger(chart.id) && (chart.id as number) > 0).toBe(true);

    // The host sees the same, uncounted, with the table the chart draws.
    const [snap] = b.ws.spreadsheets.charts(a.id, 'Dashboard');
    expect(snap).toMatchObject({ chartId: chart.id, sheet: 'Dashboard', type: 'COLUMN', ranges: ['Data!A1:C4'] });
    expect(snap.options).toMatchObject({ title: 'Events per week', isStacked: true, 'hAxis.title': 'Week' });
    expect(b.ws.spreadsheets.chartData(a.id, snap.chartId)).toEqual({
      headers: ['Week', 'Calls', 'Meetings'],
      rows: [
        ['W1', 3, 1],
        ['W2', 5, 2],
        ['W3', 4, 4],
      ],
    });
  });

  it('updateChart points a chart at a longer range under the same id; removeChart takes it off', () => {
    const a = open();
    a.run('seed');
    a.run('insertStacked');
    a.run('insertPie');
    const [first, pie] = a.ws.spreadsheets.charts(a.id, 'Dashboard');
    expect(pie).toMatchObject({ type: 'PIE', ranges: ['Data!A1:B4'], options: { title: 'Calls' } });

    const b = open(a.id);
    expect(b.run('extend').calls).toEqual([
      'SpreadsheetApp.Sheet.appendRow',
      'SpreadsheetApp.Sheet.getCharts',
      'SpreadsheetApp.Sheet.updateChart',
    ]);
    const c = open(a.id);
    const [updated] = c.ws.spreadsheets.charts(a.id, 'Dashboard');
    expect(updated).toMatchObject({ chartId: first.chartId, ranges: ['Data!A1:C5'], options: { title: 'Four weeks' } });
    expect(updated.options.isStacked).toBe(true);
    expect(c.ws.spreadsheets.chartData(a.id, first.chartId).rows.at(-1)).toEqual(['W4', 6, 1]);

    const removed = c.run('removeFirst');
    expect(removed.result).toEqual({ twice: 'The chart is not on this sheet.', left: 1 });
    expect(
      open(a.id)
        .ws.spreadsheets.charts(a.id)
        .map((s) => s.chartId),
    ).toEqual([pie.chartId]);
  });

  it('is strict where Google would refuse or where it is unknown, and says what is not emulated', () => {
    const a = open();
    a.run('seed');
    a.run('insertStacked');
    const other = a.ws.transaction(() => a.ws.spreadsheets.create('Other', { timeZone: 'UTC', locale: 'en' }));
    expect(a.run('strictness', [other]).result).toEqual({
      otherFile: 'A chart can only use ranges of the spreadsheet it is in.',
      noType: 'The chart type is not set.',
      notInserted: 'The chart is not on this sheet.',
      otherSheet: 'The chart is not on this sheet.',
      builtElsewhere: 'The chart was built for another sheet.',
      image: 'Emulator: EmbeddedChart.getAs("image/png") is not emulated (no chart images are drawn here).',
      pieStacked: 'undefined',
    });
  });

  it('rows inserted into the data stretch the chart range and deleted ones shrink it, as every Sheets reference', () => {
    const a = open();
    a.run('seed');
    a.run('insertStacked');
    a.run('insertRowsAbove');
    expect(a.ws.spreadsheets.charts(a.id)[0].ranges).toEqual(['Data!A1:C6']);
    expect(a.ws.spreadsheets.chartData(a.id, a.ws.spreadsheets.charts(a.id)[0].chartId).rows[0]).toEqual([
      null,
      null,
      null,
    ]);
    a.run('deleteRowsTwoThree');
    expect(a.ws.spreadsheets.charts(a.id)[0].ranges).toEqual(['Data!A1:C4']);
    // Through the Sheets API too.
    a.run('deleteRowTwoViaApi');
    expect(a.ws.spreadsheets.charts(a.id)[0].ranges).toEqual(['Data!A1:C3']);
  });

  it('deleting a sheet deletes its charts', () => {
    const a = open();
    a.run('seed');
    a.run('insertStacked');
    expect(a.run('deleteDashboard').calls).toEqual(['SpreadsheetApp.Spreadsheet.deleteSheet']);
    expect(open(a.id).ws.spreadsheets.charts(a.id)).toEqual([]);
  });

  it('a protected Dashboard keeps its charts from those its protection bars; its editor changes them', () => {
    const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z', session: { email: 'office@example.com' } });
    const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'en' });
    const project = loadProject(ws, projectDir, { project: 'crm', boundSpreadsheetId: id });
    const as = (email: string, fn: string, ...args: unknown[]) => {
      const r = ws.runAs({ email }, () => project.invoke(fn, args));
      if (r.error) throw r.error;
      return r.result;
    };
    as('office@example.com', 'seed');
    as('office@example.com', 'insertStacked');
    as('office@example.com', 'protectDashboard', 'director@example.com');
    const refused = PROTECTION_SAY.protectedCell;
    expect(as('manager@example.com', 'meddleWithCharts')).toEqual([refused, refused, refused, refused]);
    expect(ws.spreadsheets.charts(id, 'Dashboard').map((c) => c.options.title)).toEqual(['Events per week']);
    expect(as('director@example.com', 'meddleWithCharts')).toEqual([
      '(no error)',
      '(no error)',
      '(no error)',
      '(no error)',
    ]);
    expect(ws.spreadsheets.charts(id)).toEqual([]);
    expect(ws.spreadsheets.protections(id)).toEqual([]);
  });
});
