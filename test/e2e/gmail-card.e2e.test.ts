// The Gmail card's main path in a real browser: open a demo client's message, read the client card (last contact, the
// last events), log the e-mail from the card, see the notification, and find the new row in the Events sheet.

import { Harness, openHarness, screenshotOnFailure } from './support/browser';
import { invokeEntryPoint } from '../../src/local/gas/server-rpc';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
  // The demo's contacts and events were written after setup built the card index: refresh it as the trigger would.
  const run = invokeEntryPoint(h.office.sheet, 'refreshIndexTrigger', [{}]);
  if (run.error) throw run.error;
});

afterAll(async () => {
  await h?.close();
});

test("a client's message: the card, then log the e-mail into the Events sheet", async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'gmail-card-log', async () => {
    await page.goto(h.url('/gmail'));
    const message = page.locator('.mail-list button[data-message]').filter({ hasText: 'Вопрос по заказу' });
    await message.click();
    const messageId = String(await message.getAttribute('data-message'));
    const addon = page.locator('.addon');

    // The client card: last contact and the last events, from the index.
    await addon.locator('.widget.decorated[data-label="Последний контакт"]').waitFor();
    expect(await addon.locator('.widget.decorated[data-label="Последний контакт"] .text').innerText()).toMatch(
      /^\d\d\.\d\d\.\d{4} \d\d:\d\d · /,
    );
    const recent = addon.locator('section').filter({ has: page.locator('h3', { hasText: 'Последние события' }) });
    expect(await recent.locator('.widget.decorated').count()).toBe(5);
    // The first card of the day loads the index into the add-on's cache; from then on a card costs three calls.
    await message.click();
    await addon
      .locator('.stats')
      .filter({ hasText: /^3 service calls/ })
      .waitFor();

    // Log this e-mail: the form comes with the subject as the note; pick a reason and save.
    await addon.locator('button[data-action="gmailLogEmailForm"]').click();
    const note = addon.locator('textarea[data-field="note"]');
    await note.waitFor();
    expect(await note.inputValue()).toBe('Вопрос по заказу');
    await addon.locator('select[data-field="reason"]').selectOption('Заказ');
    await addon.locator('button[data-action="gmailLogEmail"]').click();
    await addon.locator('.notification[role="status"]').filter({ hasText: 'Записано: E-mail, Заказ.' }).waitFor();
    // Back on the client card, which now shows the e-mail as the last contact.
    expect(await addon.locator('.widget.decorated[data-label="Последний контакт"] .text').innerText()).toContain(
      'E-mail · Заказ',
    );

    // The row is in the emulated spreadsheet, as the office sees it on the Events tab.
    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События', exact: true }).click();
    const row = page
      .locator('table.grid[data-sheet="События"] tr')
      .filter({ has: page.locator(`td[title="mail-${messageId}"]`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Вопрос по заказу');
    expect(await row.innerText()).toContain('Заказ');
  });
});
