// The Reminders sidebar's main path in a real browser: the CRM menu opens it on the demo office, which has planned
// events due today and overdue; Done on one of them writes "done" into that row of the emulated spreadsheet and Undo
// puts it back, without the screen being drawn again; Cancel deletes the calendar event; tomorrow and the week are
// read when opened; a birthday's congratulation is planned in one click; an event logged from the form lands as a new
// row with its calendar reminder.

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
    await page.getByRole('tab', { name: 'События', exact: true }).waitFor();
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#title').innerText()).toBe('Напоминания');

    const today = frame.locator('#panel-today .event:not(.overdue)[data-event-id]');
    const overdue = frame.locator('#panel-today .event.overdue[data-event-id]');
    expect(await today.count()).toBeGreaterThan(0);
    expect(await overdue.count()).toBeGreaterThan(0);
    // Grouped by manager, each with a phone to call.
    expect(await frame.locator('#panel-today .group[data-manager] h3').count()).toBeGreaterThan(0);
    expect(await today.first().locator('a.tel').getAttribute('href')).toMatch(/^tel:\+7\d{10}$/);
    // Dates as the office writes them, never as a program does.
    expect(await overdue.first().locator('.time').innerText()).toMatch(/^\d\d\.\d\d\.\d{4}( \d\d:\d\d)?$/);
    expect(await frame.locator('body').innerText()).not.toMatch(/\d{4}-\d\d-\d\d|T\d\d:\d\d|API|people\//);

    const first = overdue.first();
    const id = String(await first.getAttribute('data-event-id'));
    expect(eventRow(id)?.status).toBe('план');
    await first.locator('button[data-action="done"]').click();
    await frame.locator('#undo-bar:not([hidden])').waitFor();
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

/** The office's own words for a planned event (the demo's lists may change). */
function officeWords(): { kind: string; reason: string } {
  const view = h.office.rpc.getReminders({ manager: '' });
  return { kind: view.kinds[0], reason: view.reasons[0] ?? '' };
}

/**
 * What the day's screens need beyond the demo's own data, made the way the office would: a visit planned for
 * tomorrow and a client with a birthday in the coming days. Added only when the demo office lacks them.
 */
function ensureTomorrowAndBirthday(): void {
  const view = h.office.rpc.getReminders({ manager: '' });
  const words = officeWords();
  if (view.ahead.tomorrow === 0)
    h.office.rpc.logEvent({ client: 'client3@example.ru', ...words, at: '2026-03-03T11:00', planned: true });
  if (!view.birthdays.items.some((b) => !b.planned)) {
    const found = h.office.rpc.findClients({ query: 'client4@example.ru' }).clients[0];
    const card = h.office.rpc.getClient({ client: found.resourceName }).client;
    const { name: _n, lastContact: _l, nextPlanned: _p, ...base } = card;
    h.office.rpc.saveClient({
      resourceName: card.resourceName,
      etag: card.etag,
      base,
      changes: { birthday: '1985-03-05' },
    });
  }
}

test('the day in place: Done and Undo, Cancel with its calendar event, tomorrow and the week, a birthday', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-day', async () => {
    ensureTomorrowAndBirthday();
    // A visit today at 15:30 with its calendar reminder: the one to cancel.
    const planned = h.office.rpc.logEvent({
      client: 'client2@example.ru',
      ...officeWords(),
      at: '2026-03-02T15:30',
      planned: true,
    });
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    // The whole screen is never drawn again after a click: a row nobody touched stays the same element.
    const untouched = frame.locator(`#panel-today .event[data-event-id]:not([data-event-id="${planned.id}"])`).last();
    const untouchedId = String(await untouched.getAttribute('data-event-id'));
    await untouched.evaluate((el) => el.setAttribute('data-test-kept', 'yes'));

    // Done, then Undo from the bar at the top of the list.
    const row = frame.locator('#panel-today .event[data-event-id]').first();
    const id = String(await row.getAttribute('data-event-id'));
    const todayCount = Number(await frame.locator('[data-count="today"]').innerText());
    await row.locator('button[data-action="done"]').click();
    await frame.locator(`.event[data-event-id="${id}"]`).waitFor({ state: 'detached' });
    expect(eventRow(id)?.status).toBe('сделано');
    expect(Number(await frame.locator('[data-count="today"]').innerText())).toBe(todayCount - 1);
    const bar = frame.locator('#undo-bar');
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.locator('#undo-message').innerText()).not.toBe('');
    await bar.locator('#undo-button').click();
    await frame.locator(`#panel-today .event[data-event-id="${id}"]`).waitFor();
    expect(eventRow(id)?.status).toBe('план');
    expect(Number(await frame.locator('[data-count="today"]').innerText())).toBe(todayCount);
    expect(await frame.locator(`.event[data-event-id="${untouchedId}"]`).getAttribute('data-test-kept')).toBe('yes');

    // Cancel asks first, naming the client and the time as the office writes it; then the calendar event is gone.
    const visit = frame.locator(`.event[data-event-id="${planned.id}"]`);
    await visit.locator('button[data-action="cancel"]').click();
    const question = await visit.locator('.confirm .question').innerText();
    expect(question).toContain(planned.client);
    expect(question).toContain('02.03.2026 15:30');
    const calendarBefore = h.office.workspace.calendar.allEvents().length;
    await visit.locator('button[data-action="confirm-cancel"]').click();
    await visit.waitFor({ state: 'detached' });
    expect(eventRow(planned.id)?.status).toBe('отменено');
    expect(h.office.workspace.calendar.allEvents().length).toBe(calendarBefore - 1);
    expect(await frame.locator(`.event[data-event-id="${untouchedId}"]`).getAttribute('data-test-kept')).toBe('yes');

    // Tomorrow and the week ahead are read when opened, grouped by manager, with dates.
    const tomorrowCount = Number(await frame.locator('[data-count="tomorrow"]').innerText());
    expect(tomorrowCount).toBeGreaterThan(0);
    await frame.locator('#tab-tomorrow').click();
    const tomorrow = frame.locator('#panel-tomorrow .event[data-event-id]');
    await tomorrow.first().waitFor();
    expect(await frame.locator('#panel-today').isVisible()).toBe(false);
    expect(await tomorrow.first().getAttribute('data-day')).toBe('2026-03-03');
    expect(await tomorrow.first().locator('.time').innerText()).toMatch(/^03\.03\.2026/);
    expect(await frame.locator('#panel-tomorrow .group[data-manager] h3').count()).toBeGreaterThan(0);
    await frame.locator('#tab-week').click();
    const week = frame.locator('#panel-week .event[data-event-id]');
    await week.first().waitFor();
    expect(await week.count()).toBeGreaterThanOrEqual(await tomorrow.count());

    // A birthday this week: one click plans the congratulation, which shows up in the right list.
    const birthday = frame
      .locator('#birthdays li[data-client-id]')
      .filter({ has: frame.locator('[data-action="congratulate"]') })
      .first();
    const who = String(await birthday.getAttribute('data-client-id'));
    // The row by its client from here on: the button it was found by gives way to "planned".
    const person = frame.locator(`#birthdays li[data-client-id="${who}"]`);
    const day = String(await person.getAttribute('data-day'));
    expect(await person.locator('.meta').innerText()).toMatch(/\d\d\.\d\d\.2026/);
    await person.locator('[data-action="congratulate"]').click();
    await person.locator('[data-state="planned"]').waitFor();
    const panel = day === '2026-03-02' ? '#panel-today' : '#panel-week';
    await frame
      .locator(`${panel} .event[data-day="${day}"]`)
      .filter({ hasText: await person.locator('.client').innerText() })
      .first()
      .waitFor({ state: 'attached' });
    const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
    const at = locateColumns(template('events'), values[0]);
    expect(values.some((r) => r[at.clientId] === who && r[at.status] === 'план')).toBe(true);
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
    const words = officeWords();
    await frame.locator('#log-kind').selectOption(words.kind);
    await frame.locator('#log-reason').selectOption(words.reason);
    await frame.locator('#log-at').fill('2026-03-02T17:30');
    await frame.locator('#log-planned').check();
    await frame.locator('#log-note').fill('=принести образцы');
    await frame.locator('#log-submit').click();
    await frame.locator('#status.ok').waitFor();
    // It is due today, so the list shows it right away.
    const logged = frame.locator('#panel-today .event[data-event-id]').filter({ hasText: '17:30' });
    await logged.first().waitFor();
    const id = String(await logged.first().getAttribute('data-event-id'));
    expect(eventRow(id)).toMatchObject({
      kind: words.kind,
      reason: words.reason,
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
    await frame.locator('#log-kind').selectOption(officeWords().kind);
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

test('the manager filter shows one manager’s tasks and is remembered for the next time', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'reminders-filter', async () => {
    await page.goto(h.url('/'));
    let frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    const manager = String(
      await frame
        .locator('#panel-today .group[data-manager]:not([data-manager=""])')
        .first()
        .getAttribute('data-manager'),
    );
    const form = frame.locator('#log-note');
    await form.fill('не потерять');
    await frame.locator('#manager-filter').selectOption(manager);
    await frame.locator('body[data-loaded="true"]').waitFor();
    const groups = await frame
      .locator('#panel-today .group')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-manager')));
    expect(groups).toEqual([manager]);
    // Only the lists are read again: what the user was typing in the form stays.
    expect(await form.inputValue()).toBe('не потерять');

    await page.goto(h.url('/'));
    frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#manager-filter').inputValue()).toBe(manager);
    await frame.locator('#manager-filter').selectOption('');
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#panel-today .group').count()).toBeGreaterThan(1);
  });
});
