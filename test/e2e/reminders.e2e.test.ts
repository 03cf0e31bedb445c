// The Reminders sidebar's main path in a real browser: the CRM menu opens it on the demo office, which has planned
// events due today and overdue; Done on one of them writes "done" into that row of the emulated spreadsheet, and an
// event logged from the form lands as a new row with its calendar reminder.

import { locateColumns } from '../../src/core/sheets/template';
import { template } from '../../src/core/sheets/templates';
import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

function eventRow(id: string): Record<string, unknown> | undefined {
  const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
  const at = locateColumns(template('events'), values[0]);
  const row = values.find((r) => r[at.id] === id);
  if (!row) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(at)) out[k] = row[c];
  return out;
}

test('the Reminders sidebar lists due and overdue events; Done changes the row in the sheet', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-sidebar', async () => {
    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События' }).waitFor();
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#title').innerText()).toBe('Напоминания');

    const today = frame.locator('#due .event[data-event-id]');
    const overdue = frame.locator('#overdue .event[data-event-id]');
    expect(await today.count()).toBeGreaterThan(0);
    expect(await overdue.count()).toBeGreaterThan(0);
    // Grouped by manager, each with a phone to call.
    expect(await frame.locator('#due .group[data-manager] h3').count()).toBeGreaterThan(0);
    expect(await today.first().locator('a.tel').getAttribute('href')).toMatch(/^tel:\+7\d{10}$/);

    const first = overdue.first();
    const id = String(await first.getAttribute('data-event-id'));
    expect(eventRow(id)?.status).toBe('план');
    await first.locator('button[data-action="done"]').click();
    await frame.locator('#status.ok').waitFor();
    await frame.locator(`.event[data-event-id="${id}"]`).waitFor({ state: 'detached' });
    expect(eventRow(id)?.status).toBe('сделано');

    // Result: done with what came of it.
    const next = today.first();
    const nextId = String(await next.getAttribute('data-event-id'));
    await next.locator('button[data-action="result"]').click();
    await next.locator('input[data-field="result"]').fill('Договорились о встрече');
    await next.locator('button[data-action="save-result"]').click();
    await frame.locator(`.event[data-event-id="${nextId}"]`).waitFor({ state: 'detached' });
    expect(eventRow(nextId)).toMatchObject({ status: 'сделано', result: 'Договорились о встрече' });
  });
});

test('an event planned from the form becomes a row and a calendar reminder', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-log', async () => {
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    const calendarBefore = h.office.workspace.calendar.allEvents().length;
    await frame.locator('#log-client').fill('client2@example.ru');
    await frame.locator('#log-kind').selectOption('Встреча');
    await frame.locator('#log-reason').selectOption('Презентация');
    await frame.locator('#log-at').fill('2026-03-02T17:30');
    await frame.locator('#log-planned').check();
    await frame.locator('#log-note').fill('=принести образцы');
    await frame.locator('#log-submit').click();
    await frame.locator('#status.ok').waitFor();
    // It is due today, so the list shows it right away.
    const logged = frame.locator('#due .event[data-event-id]').filter({ hasText: '17:30' });
    await logged.first().waitFor();
    const id = String(await logged.first().getAttribute('data-event-id'));
    expect(eventRow(id)).toMatchObject({
      kind: 'Встреча',
      reason: 'Презентация',
      status: 'план',
      nextStep: '=принести образцы',
    });
    expect(String(eventRow(id)?.calendarEventId)).not.toBe('');
    expect(h.office.workspace.calendar.allEvents().length).toBe(calendarBefore + 1);
  });
});
