// Access in a real browser, on the sandbox (its browser is the office's shared account): Settings shows the mode the
// office is in; choosing "who am I" = a specialist (kept in this browser) hides the settings and the import / export,
// and the CRM menu follows the choice.

import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

test('Settings shows the shared mode; picking a specialist hides Settings and Import, and the menu follows', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'access-who-am-i', async () => {
    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События', exact: true }).waitFor();
    let frame = await openSidebar(page, /Настройки/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#access-mode').innerText()).toMatch(/Общий аккаунт.*Google не различает сотрудников/);
    expect(await frame.locator('#who-am-i-note').innerText()).toMatch(/удобство, а не защита/);
    await frame.locator('#settings-section').waitFor({ state: 'visible' });
    expect(await frame.locator('#save').isVisible()).toBe(true);

    // Olga is the demo's administrator: she reads the settings but does not change them.
    await frame.locator('#who-am-i').selectOption('olga@example.com');
    await frame.locator('body[data-role="administrator"]').waitFor();
    expect(await frame.locator('#settings-section').isVisible()).toBe(true);
    expect(await frame.locator('#save').isHidden()).toBe(true);
    expect(await frame.locator('#setup').isHidden()).toBe(true);
    expect(await frame.locator('#country').isDisabled()).toBe(true);
    expect(await frame.locator('#read-only').innerText()).toMatch(/только директор или аккаунт офиса/);

    // Dmitry is a "Мастер" on the demo Staff sheet: a specialist.
    await frame.locator('#who-am-i').selectOption('dmitry@example.com');
    await frame.locator('body[data-role="specialist"]').waitFor();
    expect(await frame.locator('#settings-section').isHidden()).toBe(true);
    expect(await frame.locator('#access-mode').isVisible()).toBe(true);

    // The menu the sandbox shows was redrawn for the chosen role: no Import, no Settings, no setup.
    const menu = page.locator('.menubar .menu[data-menu] > button').first();
    await menu.click();
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items.join('|')).not.toMatch(/Импорт|Настройки|восстановить/);
    expect(items.join('|')).toMatch(/Напоминания/);
    await menu.click();

    // The choice is kept in this browser: the Reminders sidebar opens as Dmitry, on his own tasks.
    frame = await openSidebar(page, /Напоминания/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#who-am-i').inputValue()).toBe('dmitry@example.com');
    expect(await frame.locator('#manager-filter').inputValue()).toBe('Дмитрий Ковалёв');
    expect(await frame.locator('body').getAttribute('data-role')).toBe('specialist');

    // Back to the office: everything returns.
    await frame.locator('#who-am-i').selectOption('');
    await frame.locator('body[data-role="office"]').waitFor();
    frame = await openSidebar(page, /Импорт/);
    await frame.locator('#import-section').waitFor({ state: 'visible' });
    expect(await frame.locator('#no-access').isHidden()).toBe(true);
  });
});
