// Embedded charts in the sandbox: a script (through the emulator's SpreadsheetApp, as the bundle would) adds a sheet
// with a week-by-kind table, a stacked column chart over it and a pie of one column; the Sheets page opens that tab
// and chart.js draws both from the ranges' current values, with the titles and series names the sheet gives. A cell
// changed afterwards shows in the chart on the next load, since charts read their ranges, not a copy.

import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { Harness, openHarness, screenshotOnFailure } from './support/browser';
import { openSheetInSandbox } from './support/sheets';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

const SHEET = 'Chart fixture';

/** The script: one execution, as a menu item of the bundle would run it. */
function addCharts(): void {
  const ws = h.office.workspace;
  const run = ws.run('script', 'addCharts', () => {
    const app = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
      activeSpreadsheetId: h.office.spreadsheetId,
      ui: new UiHost(),
    });
    const sheet = app.getActiveSpreadsheet()!.insertSheet(SHEET);
    sheet.getRange(1, 1, 4, 3).setValues([
      ['Week', 'Calls', 'Meetings'],
      ['W1', 3, 1],
      ['W2', 5, 2],
      ['W3', 4, 4],
    ]);
    const stacked = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:C4'))
      .setStacked()
      .setTitle('Events per week')
      .setPosition(1, 5, 0, 0)
      .build();
    sheet.insertChart(stacked);
    const pie = sheet
      .newChart()
      .asPieChart()
      .addRange(sheet.getRange('A1:B4'))
      .setTitle('Calls by week')
      .setPosition(20, 5, 0, 0)
      .build();
    sheet.insertChart(pie);
  });
  if (run.error) throw run.error;
}

test('a sheet with two charts inserted by a script shows both, drawn by chart.js from their ranges', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'embedded-charts', async () => {
    addCharts();
    const shown = await openSheetInSandbox(page, SHEET, h.url('/'));
    expect(shown.canvases).toBe(2);
    const [column, pie] = shown.charts;
    expect(column).toMatchObject({
      type: 'bar',
      title: 'Events per week',
      stacked: true,
      labels: ['W1', 'W2', 'W3'],
      datasets: [
        { label: 'Calls', data: [3, 5, 4] },
        { label: 'Meetings', data: [1, 2, 4] },
      ],
    });
    expect(pie).toMatchObject({
      type: 'pie',
      title: 'Calls by week',
      labels: ['W1', 'W2', 'W3'],
      datasets: [{ label: 'Calls', data: [3, 5, 4] }],
    });
    for (const c of shown.charts) expect(c.paintedPixels).toBeGreaterThan(1000);
    await page.getByText("COLUMN · anchored at E1 · 'Chart fixture'!A1:C4").waitFor();

    // A person changes a cell: the chart reads its range again, no script touches the chart.
    h.office.workspace.transaction(() =>
      h.office.workspace.spreadsheets.editByUser(h.office.spreadsheetId, SHEET, 2, 2, 9),
    );
    const again = await openSheetInSandbox(page, SHEET, h.url('/'));
    expect(again.charts[0].datasets[0].data).toEqual([9, 5, 4]);
  });
});
