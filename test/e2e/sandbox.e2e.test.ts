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
    await page.getByRole('tab', { name: 'События', exact: true }).waitFor();
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

    // The office's zone: setup wrote the spreadsheet's; an unknown one is refused beside the field; a new one is
    // saved and becomes the spreadsheet's zone too.
    const zone = frame.locator('#setting-timeZone');
    expect(await zone.inputValue()).toBe('Europe/Moscow');
    expect(await frame.locator('label[for="setting-timeZone"]').innerText()).toBe('Часовой пояс офиса');
    expect(await frame.locator('#setting-birthdayReason').inputValue()).toBe('Поздравление');
    await zone.fill('Europe/Atlantis');
    await frame.locator('#save').click();
    await frame
      .locator('#setting-timeZone-error')
      .filter({ hasText: /Atlantis/ })
      .waitFor();
    await zone.fill('Asia/Tbilisi');
    await frame.locator('#save').click();
    const zoneOf = () => h.office.workspace.spreadsheets.get(h.office.spreadsheetId).timeZone;
    // The save runs in the sandbox's process: wait for it there (the status line already says "saved" from before).
    for (let i = 0; i < 100 && zoneOf() !== 'Asia/Tbilisi'; i++) await page.waitForTimeout(50);
    expect(zoneOf()).toBe('Asia/Tbilisi');
    expect(await frame.locator('#setting-timeZone-error').innerText()).toBe('');
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

test('the Contacts page shows a contact as Google Contacts would: every field, label names, phones formatted', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'contacts-page', async () => {
    const ws = h.office.workspace;
    // Phones are formatted for the office's country (another test here makes it GE).
    expect(h.office.rpc.saveSettings({ defaultCountry: 'RU' }).ok).toBe(true);
    const vip = ws.people.insertGroup('VIP <b>клиенты</b>', [], ws.clock.now());
    const [resourceName] = ws.people.seed(
      [
        {
          names: [{ givenName: 'Нино', middleName: 'Георгиевна', familyName: '<i>Беридзе</i>' }],
          phoneNumbers: [{ value: '89123456789' }, { value: '+995 555 12 34 56' }],
          emailAddresses: [{ value: 'nino@example.ge' }],
          birthdays: [{ date: { year: 1985, month: 3, day: 7 } }],
          biographies: [{ value: 'Любит звонки <script>alert(1)</script>' }],
          organizations: [{ name: 'ООО "Ромашка"', title: 'Главный бухгалтер' }],
          userDefined: [
            { key: 'Менеджер', value: 'Анна' },
            { key: 'Источник', value: '=HYPERLINK("x")' },
          ],
          events: [{ type: 'Первый визит', date: { year: 2024, month: 11, day: 5 } }],
          memberships: [{ contactGroupMembership: { contactGroupResourceName: vip.resourceName } }],
        },
      ],
      ws.clock.now(),
    );
    await page.goto(h.url('/contacts'));
    const row = page.locator(`tr[data-resource="${resourceName}"]`);
    await row.waitFor();
    // The label by its name, never its group id; phones as Contacts shows them to a Russian office.
    expect(await row.locator('.chip').allInnerTexts()).toEqual(['VIP <b>клиенты</b>']);
    expect(await row.innerText()).not.toContain('contactGroups/');
    expect(await row.innerText()).toContain('8 (912) 345-67-89, +995 555 12 34 56');
    await row.locator('button.open').click();
    const card = page.locator(`.contact-card[data-resource="${resourceName}"]`);
    await card.waitFor();
    const field = (key: string) => card.locator(`dd[data-field="${key}"]`).innerText();
    expect(await card.locator('h2').innerText()).toBe('Нино Георгиевна <i>Беридзе</i>');
    expect(await field('phones')).toBe('8 (912) 345-67-89\n+995 555 12 34 56');
    expect(await field('emails')).toBe('nino@example.ge');
    expect(await field('birthday')).toBe('07.03.1985');
    expect(await field('company')).toBe('ООО "Ромашка"');
    expect(await field('title')).toBe('Главный бухгалтер');
    expect(await field('manager')).toBe('Анна');
    expect(await field('custom:Источник')).toBe('=HYPERLINK("x")');
    expect(await field('custom:Первый визит')).toBe('05.11.2024');
    expect(await field('notes')).toBe('Любит звонки <script>alert(1)</script>');
    // Everything was text: no element came from a contact's values.
    expect(await card.locator('i, b, script').count()).toBe(0);
    expect(await page.locator('.contacts-table i, .contacts-table b, .contacts-table script').count()).toBe(0);
  });
});

test('double-clicking a cell in Sheets edits it as a person would: the value reaches the spreadsheet', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'cell-edit', async () => {
    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События', exact: true }).click();
    const grid = page.locator('table.grid[data-sheet="События"]');
    await grid.waitFor();
    // The first cell of the first row (td 0 is the row number).
    await grid.locator('tbody tr').first().locator('td').nth(1).dblclick();
    const input = grid.locator('input.cell-input');
    await input.fill('Проверка правки');
    await input.press('Enter');
    await grid.locator('td[title="Проверка правки"]').waitFor();
    const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, 'События');
    expect(values[0][0]).toBe('Проверка правки');
  });
});
