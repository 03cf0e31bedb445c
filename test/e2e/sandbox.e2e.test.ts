// The sandbox's main paths in a real browser: the CRM menu opens the real built sidebar, which round-trips through
// google.script.run into the bundle; the Gmail page shows the add-on's card for a demo client's message.

import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

test('the CRM menu opens the Settings sidebar, which saves through google.script.run into the bundle', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'settings-sidebar', async () => {
    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События' }).waitFor();
    const frame = await openSidebar(page, /Настройки/);
    // The view came from getSettingsView in the bundle: every template sheet is reported as present.
    await frame.locator('#sheets li[data-state="ok"]').first().waitFor();
    expect(await frame.locator('#sheets li[data-state="missing"]').count()).toBe(0);
    expect(await frame.locator('#country').inputValue()).toBe('RU');

    // An invalid country is refused with a message next to the field, by the sidebar itself with the server's rules
    // (core/settings): no execution ran, so no service call was made.
    h.office.workspace.calls.reset();
    await frame.locator('#country').fill('XX');
    await frame.locator('#save').click();
    await frame.locator('#country-error').filter({ hasText: /XX/ }).waitFor();
    expect(h.office.workspace.calls.byService()).toEqual({});

    await frame.locator('#country').fill('GE');
    await frame.locator('#save').click();
    await frame.locator('#status.ok').waitFor();
    // Stored in the Settings sheet of the emulated spreadsheet, where the office can see it.
    const settings = h.office.workspace.spreadsheets
      .get(h.office.spreadsheetId)
      .sheets.find((s) => s.name === 'Настройки');
    expect(settings?.values.some((row) => row.includes('GE'))).toBe(true);
  });
});

test('the Gmail page shows the add-on card of the client who wrote', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'gmail-card', async () => {
    await page.goto(h.url('/gmail'));
    const message = page.locator('.mail-list button[data-message]').filter({ hasText: 'Вопрос по заказу' });
    await message.click();
    await page.locator('.addon .card-title').filter({ hasText: /\S/ }).waitFor();
    // The card is the sender's client card: their name in the title, their address among the e-mails.
    const from = await message.locator('.from').innerText();
    const [, email] = /<([^>]+)>/.exec(from) ?? [];
    const family = from.split(' ')[0];
    expect(await page.locator('.addon .card-title').innerText()).toContain(family);
    expect(await page.locator('.addon').innerText()).toContain(email);
    await page
      .locator('.addon .stats')
      .filter({ hasText: /service calls/ })
      .waitFor();
  });
});
