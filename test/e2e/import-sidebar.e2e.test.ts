// The Import / Export sidebar's main path in a real browser: pick the office's Excel file, check the mapping and
// the preview (problem cells named by row and column), import with a progress bar, undo; then export and download.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';
import type { Page } from 'playwright-core';

const FIXTURE = path.join(__dirname, '../fixtures/office-base.xlsx');
let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

/** The spreadsheet page with the Import / export sidebar open, its title shown. */
async function openImport(page: Page) {
  await page.goto(h.url('/'));
  const frame = await openSidebar(page, /Импорт/);
  await frame
    .locator('#title')
    .filter({ hasText: /Импорт/ })
    .waitFor();
  return frame;
}

test('import an Excel base: mapping, preview with problems, import, undo', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'import-sidebar', async () => {
    const people = h.office.workspace.people;
    const before = people.allContacts().length;
    const frame = await openImport(page);

    await frame.locator('#file').setInputFiles(FIXTURE);
    await frame.locator('#mapping-table select[data-column="Телефон"]').waitFor();
    expect(await frame.locator('#mapping-table select[data-column="Телефон"]').inputValue()).toBe('phone');
    expect(await frame.locator('#mapping-table select[data-column="ФИО"]').inputValue()).toBe('fullName');

    // One label for the whole import: a new one, typed (the existing labels are offered too).
    await frame.locator('#import-labels option[value="VIP"]').waitFor({ state: 'attached' });
    await frame.locator('#import-label').fill('Весна 2026');

    await frame.locator('#preview').click();
    await frame.locator('#preview-result [data-count="created"]').waitFor();
    // The bad e-mail of row 6 is shown with its row and column.
    await frame.locator('ul.problems li[data-row="6"][data-column="E-mail"]').waitFor();
    // Each merge in words, with the spreadsheet's row numbers (the header is row 1).
    expect(await frame.locator('#preview-result ul.merges li[data-rows="4,6"]').innerText()).toBe(
      'строки 4 и 6 — один клиент: одинаковый телефон +7 912 345 67 89',
    );
    expect(await frame.locator('#preview-result ul.merges li[data-rows="7,24"]').innerText()).toContain(
      'одинаковые телефон и e-mail +7 912 111 22 33, kuznetsov.a@yandex.ru',
    );
    expect(people.allContacts().length).toBe(before);
    // The account's room: how many contacts it has, how many after the import, and Google's limit.
    const account = await frame.locator('#preview-result [data-count="account"]').innerText();
    expect(account).toContain(`сейчас ${before} контактов`);
    expect(account).toContain('лимит — 25000');

    // The label travels with the staged contacts: changing it after the preview asks for a new preview.
    await frame.locator('#import-label').fill('Весна');
    expect(await frame.locator('#import').isHidden()).toBe(true);
    await frame.locator('#import-label').fill('Весна 2026');
    await frame.locator('#preview').click();
    await frame.locator('#import:not([hidden])').waitFor();

    await frame.locator('#import').click();
    await frame.locator('#import-result.ok').waitFor();
    expect(await frame.locator('#progress').evaluate((el: HTMLProgressElement) => el.value === el.max)).toBe(true);
    // "N of M" beside the bar, as the last answer left it.
    const max = await frame.locator('#progress').evaluate((el: HTMLProgressElement) => el.max);
    expect(await frame.locator('#progress-text').innerText()).toBe(
      `Записываем в Google Контакты… пакет ${max} из ${max}`,
    );
    const created = people.allContacts().length - before;
    expect(created).toBeGreaterThan(20);
    expect(await frame.locator('#import-result').innerText()).toContain(String(created));
    expect(account).toContain(`после импорта ${before + created}`);
    // The typed label reached the server: every contact the import created is in it.
    const spring = people.allGroups().find((g) => g.name === 'Весна 2026');
    expect(spring?.memberCount).toBe(created);

    // Undo asks first, with the number of contacts it will remove; "no" removes nothing.
    await frame.locator('#undo').click();
    expect(await frame.locator('#undo-question').innerText()).toBe(
      `Удалить контакты, созданные этим импортом (${created})?`,
    );
    await frame.locator('#undo-no').click();
    expect(await frame.locator('#undo-confirm').isHidden()).toBe(true);
    expect(people.allContacts().length).toBe(before + created);
    await frame.locator('#undo').click();
    await frame.locator('#undo-yes').click();
    // The answer is under the button pressed, not in the status line at the foot of the long preview.
    await frame.locator('#undo-note.ok').waitFor();
    expect(await frame.locator('#undo-note').innerText()).toContain(`удалено ${created}`);
    expect(
      await frame.locator('#undo-note').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight),
    ).toBe(true);
    expect(people.allContacts().length).toBe(before);
  });
});

test('a file without a header row: columns guessed by content, each with its reason, and the user can change them', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'import-headerless', async () => {
    const frame = await openImport(page);
    const csv =
      'Петрова Мария;+79161234501;VIP\nИванов Иван;+79161234502;VIP\nОрлов Глеб;+79161234503;Новый\n' +
      'Смирнова Ольга;+79161234504;VIP\n';
    await frame
      .locator('#file')
      .setInputFiles({ name: 'no-header.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const phone = frame.locator('#mapping-table select[data-column="Колонка 2"]');
    await phone.waitFor();
    expect(await phone.inputValue()).toBe('phone');
    const reason = frame.locator('#mapping-table [data-reason="Колонка 2"]');
    expect(await reason.innerText()).toBe('4 из 4 значений — номера телефонов');
    expect(await frame.locator('#file-info').innerText()).toContain('Первая строка файла «no-header.csv» — клиент');

    // The user disagrees about the categories: the guess's reason goes, and the preview follows the choice.
    await frame.locator('#mapping-table select[data-column="Колонка 3"]').selectOption('ignore');
    expect(await frame.locator('#mapping-table [data-reason="Колонка 3"]').innerText()).toBe('');
    await frame.locator('#preview').click();
    await frame.locator('#preview-result [data-count="created"]').waitFor();
    expect(await frame.locator('#preview-result [data-count="created"]').innerText()).toContain('4');
    expect(await frame.locator('#preview-result').innerText()).not.toContain('VIP');
    const decisions = await frame.locator('#preview-result [data-count="decisions"]').innerText();
    expect(decisions).toContain('Столбец «Колонка 2» прочитан как «Телефон» по содержимому');
    expect(decisions).not.toContain('Колонка 3');
  });
});

test('export the clients of one label as Google CSV and download it', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'export-sidebar', async () => {
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Импорт/);
    await frame.locator('#label option[value="VIP"]').waitFor({ state: 'attached' });
    await frame.locator('#format').selectOption('google-csv');
    await frame.locator('#label').selectOption('VIP');
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe('clients-VIP.csv');
    const file = await download.path();
    const text = fs.readFileSync(file as string, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('First Name');
    const vip = h.office.workspace.people
      .allContacts()
      .filter((p) =>
        JSON.stringify(p.memberships ?? []).includes(
          String(h.office.workspace.people.allGroups().find((g) => g.name === 'VIP')?.resourceName),
        ),
      );
    expect(text.trim().split('\r\n').length).toBe(vip.length + 1);
  });
});

test('an Excel export that cuts a long note says so beside the button, with the row', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'export-cut', async () => {
    const ws = h.office.workspace;
    // 40,000 characters: Google Contacts holds it, an Excel cell holds 32,767.
    const story = 'Длинная история переписки. '.repeat(1500);
    ws.people.seed(
      [{ names: [{ familyName: 'Яковлев', givenName: 'Ян' }], biographies: [{ value: story }] }],
      ws.clock.now(),
    );
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Импорт/);
    await frame.locator('#label option[value=""]').waitFor({ state: 'attached' });
    await frame.locator('#format').selectOption('xlsx');
    await frame.locator('#label').selectOption('');
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe('clients.xlsx');
    const note = frame.locator('#export-note');
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toMatch(/в столбце «Комментарий»: 1 \(строка \d+\); полный текст остаётся в Google Контактах\./);
    expect(await note.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
  });
});

test('a client already in Google Contacts: the conflict names the field in the office words, Undo asks about both', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'import-conflict', async () => {
    const ws = h.office.workspace;
    // Row 4's Анна Иванова (8 912 345-67-89, born 15.03.1985) is in the account with another birthday.
    ws.people.seed(
      [
        {
          names: [{ familyName: 'Иванова', givenName: 'Анна' }],
          phoneNumbers: [{ value: '+7 912 345-67-89' }],
          birthdays: [{ date: { year: 1986, month: 4, day: 16 } }],
        },
      ],
      ws.clock.now(),
    );
    const before = ws.people.allContacts().length;
    const frame = await openImport(page);
    await frame.locator('#file').setInputFiles(FIXTURE);
    await frame.locator('#mapping-table select[data-column="Телефон"]').waitFor();
    await frame.locator('#preview').click();
    await frame.locator('#preview-result [data-count="created"]').waitFor();
    const columns = await frame
      .locator('ul.conflicts li[data-row="4"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-column')));
    expect(columns).toContain('День рождения');
    const text = await frame.locator('ul.conflicts').innerText();
    expect(text).toContain('Строка 4, День рождения: ');
    for (const apiName of ['birthdays', 'names', 'phoneNumbers', 'emailAddresses']) expect(text).not.toContain(apiName);

    await frame.locator('#import').click();
    await frame.locator('#import-result.ok').waitFor();
    const created = ws.people.allContacts().length - before;
    await frame.locator('#undo').click();
    expect(await frame.locator('#undo-question').innerText()).toBe(
      `Удалить контакты, созданные этим импортом (${created}), и восстановить изменённые им (1)?`,
    );
    await frame.locator('#undo-yes').click();
    await frame.locator('#undo-note.ok').waitFor();
    expect(await frame.locator('#undo-note').innerText()).toContain('восстановлено 1');
    expect(ws.people.allContacts().length).toBe(before);
  });
});
