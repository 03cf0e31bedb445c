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

test('the client field suggests as you type: a partial name, a pick, and the event is linked to that client', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-pick-client', async () => {
    const target = h.office.rpc.findClients({ query: 'client2@example.ru' }).clients[0];
    // The display name is "Given Middle Family": the start of the family name and of the given name, in that order.
    const words = target.name.split(' ');
    const partial = `${words[words.length - 1].slice(0, 4)} ${words[0].slice(0, 2)}`;
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    // A partial name: the candidates to pick from, each with what tells them apart.
    await frame.locator('#log-client').pressSequentially(partial, { delay: 30 });
    const pick = frame.locator(`#log-client-picks button.pick[data-resource-name="${target.resourceName}"]`);
    await pick.waitFor();
    expect(await pick.locator('.meta').innerText()).toContain(target.phones[0]);
    await pick.click();
    expect(await frame.locator('#log-client').inputValue()).toBe(target.name);
    await frame.locator(`#log-client-state [data-chosen="${target.resourceName}"]`).waitFor();
    await frame.locator('#log-kind').selectOption('Звонок');
    await frame.locator('#log-submit').click();
    // The confirmation is next to the form.
    await frame.locator('#log-status.ok').waitFor();
    expect(await frame.locator('#log-status').innerText()).toContain(target.name);
    const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
    const at = locateColumns(template('events'), values[0]);
    const last = values[values.length - 1];
    expect(last[at.clientId]).toBe(target.resourceName);
    expect(last[at.client]).toBe(target.name);
    expect(String(last[at.phone])).not.toBe('');
  });
});

test('an unknown client is never logged silently: "Without a client" writes a text-only row', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-no-client', async () => {
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    const rowsBefore = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
    await frame.locator('#log-client').fill('Незнакомцев <b>Пётр</b>');
    await frame.locator('#log-submit').click();
    // Submitting an unknown name writes nothing and offers the two choices.
    await frame.locator('#log-client-picks [data-action="no-client"]').waitFor();
    expect(await frame.locator('#log-client-picks [data-action="new-client"]').innerText()).toBe('Новый клиент');
    expect(await frame.locator('#log-client-picks [data-state="unknown"]').innerText()).toContain('<b>Пётр</b>');
    expect(h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru).length).toBe(
      rowsBefore.length,
    );
    await frame.locator('#log-client-picks [data-action="no-client"]').click();
    await frame.locator('#log-submit').click();
    await frame.locator('#log-status.ok').waitFor();
    const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
    const at = locateColumns(template('events'), values[0]);
    expect(values.length).toBe(rowsBefore.length + 1);
    expect(values[values.length - 1][at.client]).toBe('Незнакомцев <b>Пётр</b>');
    expect(values[values.length - 1][at.clientId]).toBe('');
  });
});
