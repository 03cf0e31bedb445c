// The head's Dashboard in the sandbox: the demo office is seeded and refreshed as the nightly trigger would, and the
// Sheets page shows the Dashboard tab with its four native charts drawn from their ranges (chart.js), each with the
// title the office's language gives it, the weekly one stacked by kind.

import { Harness, openHarness, screenshotOnFailure } from './support/browser';
import { openSheetInSandbox } from './support/sheets';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

test('the Dashboard tab shows its four charts, drawn from the sheet', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'dashboard-charts', async () => {
    const shown = await openSheetInSandbox(page, 'Панель', h.url('/'));
    expect(shown.canvases).toBe(4);
    const byTitle = new Map(shown.charts.map((c) => [c.title, c]));
    expect([...byTitle.keys()].sort()).toEqual(
      [
        'Воронка',
        'Новые клиенты по месяцам',
        'Просроченные задачи по менеджерам',
        'Сделано за неделю по менеджерам и видам',
      ].sort(),
    );
    const weekly = byTitle.get('Сделано за неделю по менеджерам и видам')!;
    expect(weekly).toMatchObject({ type: 'bar', stacked: true });
    expect(weekly.datasets.length).toBeGreaterThan(0);
    expect(weekly.labels.length).toBeGreaterThan(0);
    expect(byTitle.get('Новые клиенты по месяцам')!.labels).toHaveLength(12);
    for (const c of shown.charts) expect(c.paintedPixels).toBeGreaterThan(1000);
  });
});
