// Opening one sheet of the CRM spreadsheet in the sandbox's Sheets page and reading what it shows: its embedded
// charts as chart.js drew them (type, title, labels, datasets) and whether each canvas has pixels on it. For any
// browser test that checks charts, e.g. the product's Dashboard.

import type { Page } from 'playwright-core';
import type { DrawnChart } from '../../../src/local/sandbox/web/charts';

/** One chart as the page drew it (the sandbox's own DrawnChart), plus what its canvas shows. */
export interface ChartOnPage extends DrawnChart {
  /** Pixels on the canvas that are not transparent: more than a few hundred once bars, lines or slices are drawn. */
  paintedPixels: number;
}

export interface SheetOnPage {
  /** The number of <canvas> in the sheet's chart section. */
  canvases: number;
  charts: ChartOnPage[];
}

/**
 * Opens the tab named `title` (exactly) on the sandbox's Sheets page and waits until each chart the sheet holds (as
 * the sandbox API says) has its canvas. `sheetsUrl`: the page to load first (the sandbox's `/`); without it the page
 * must already show the Sheets page.
 */
export async function openSheetInSandbox(page: Page, title: string, sheetsUrl?: string): Promise<SheetOnPage> {
  if (sheetsUrl) await page.goto(sheetsUrl);
  const tab = page.getByRole('tab', { name: title, exact: true });
  await tab.waitFor();
  await tab.click();
  await page.locator(`table.grid[data-sheet="${title.replace(/"/g, '\\"')}"]`).waitFor();
  const expected = await page.evaluate(async (name) => {
    const view = (await (await fetch('/api/spreadsheet')).json()) as {
      sheets: Array<{ name: string; charts: unknown[] }>;
    };
    return view.sheets.find((s) => s.name === name)?.charts.length ?? 0;
  }, title);
  if (expected) await page.waitForFunction((n) => document.querySelectorAll('.charts canvas').length === n, expected);
  // No named functions inside: a bundler's keepNames helper (tsx) would not exist in the page.
  return page.evaluate(() => {
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('.charts figure.chart canvas'));
    const byId = new Map<number, number>();
    for (const canvas of canvases) {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
      byId.set(Number(canvas.closest('figure')?.getAttribute('data-chart-id')), n);
    }
    const drawn = (window as unknown as { crmSandboxCharts: () => DrawnChart[] }).crmSandboxCharts();
    return {
      canvases: canvases.length,
      charts: drawn.map((c) => ({ ...c, paintedPixels: byId.get(c.chartId) ?? 0 })),
    };
  });
}
