// The Client sidebar's main path in a real browser, on the demo office: CRM → Clients, part of a client's name typed
// into the search, the card opened from the list, a phone changed and saved (Google Contacts holds it and the card
// read again shows it), the history there, an event logged from the card and shown at the top of the history at once.
// And from the Reminders sidebar: a row's Card button opens the Client sidebar on that client.

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

function contactByEmail(email: string) {
  const person = h.office.workspace.people.allContacts().find((p) => p.emailAddresses?.[0]?.value === email);
  if (!person) throw new Error(`no demo contact ${email}`);
  return person;
}

function eventRows(): Array<Record<string, unknown>> {
  const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
  const at = locateColumns(template('events'), values[0]);
  return values.slice(1).map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(at)) out[k] = row[c];
    return out;
  });
}

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

test('search a client, open the card, change a phone, see the history, log an event', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'clients-sidebar', async () => {
    // The demo's 14th client, Лебедева Мария …: her namesakes (the 34th) are found too; the list tells them apart.
    const person = contactByEmail('client14@example.ru');
    const resourceName = String(person.resourceName);
    const history = eventRows().filter((r) => r.clientId === resourceName && r.status === 'сделано');
    expect(history.length).toBeGreaterThan(0);

    await page.goto(h.url('/'));
    await page.getByRole('tab', { name: 'События', exact: true }).waitFor();
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('#title').innerText()).toBe('Клиенты');

    await frame.locator('#search').pressSequentially('лебедева мар', { delay: 30 });
    const row = frame.locator(`#results[data-query="лебедева мар"] li[data-client-id="${resourceName}"]`);
    await row.waitFor();
    // Everyone listed matches what was typed.
    const names = await frame.locator('#results li[data-client-id] button.pick').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.split(' ')).toEqual(expect.arrayContaining(['Лебедева', 'Мария']));
    expect(await row.locator('a.tel').first().getAttribute('href')).toBe(
      `tel:+${digits(person.phoneNumbers?.[0]?.value)}`,
    );
    await row.locator('button.pick').click();

    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();
    expect(await frame.locator('#client-name').innerText()).toMatch(/^Лебедева Мария/);
    expect(await frame.locator('#card-givenName').inputValue()).toBe('Мария');
    // The history: done events newest first, as many as the sheet holds for her (one page of 20 at most).
    const shown = frame.locator('#events li[data-event-id]');
    expect(await shown.count()).toBe(Math.min(20, history.length));

    // A phone changed and saved: Google Contacts holds it, and the card shows it as read back.
    await frame.locator('#card-summary').click();
    const phone = frame.locator('[data-field="phones"] .list-item input').first();
    await phone.fill('+7 999 123-45-67');
    await frame.locator('#card-save').click();
    await frame.locator('#status.ok').waitFor();
    expect((contactByEmail('client14@example.ru').phoneNumbers ?? []).map((p) => digits(p.value))).toContain(
      '79991234567',
    );
    expect(digits(await frame.locator('[data-field="phones"] .list-item input').first().inputValue())).toBe(
      '79991234567',
    );
    expect(await frame.locator('#card-notice').isHidden()).toBe(true);
    expect(await frame.locator('#client-contacts a.tel').first().getAttribute('href')).toBe('tel:+79991234567');

    // An event logged from the card: a row linked to her, and at the top of her history without reloading.
    const rowsBefore = eventRows().length;
    await frame.locator('#log-event').click();
    await frame.locator('#event-kind').selectOption('Звонок');
    await frame.locator('#event-reason').selectOption('Заказ');
    await frame.locator('#event-note').fill('Уточнили адрес доставки');
    await frame.locator('#event-submit').click();
    await frame.locator('#status.ok').waitFor();
    await frame.locator('#events li[data-event-id]').first().filter({ hasText: 'Уточнили адрес доставки' }).waitFor();
    expect(await frame.locator('#event-form').isHidden()).toBe(true);
    const rows = eventRows();
    expect(rows.length).toBe(rowsBefore + 1);
    const logged = rows.find((r) => String(r.result).includes('Уточнили адрес доставки'));
    expect(logged).toMatchObject({ clientId: resourceName, kind: 'Звонок', reason: 'Заказ', status: 'сделано' });
    expect(await frame.locator('#events-count').innerText()).toContain(String(history.length + 1));
  });
});

test('a Reminders row opens the Client sidebar on its client', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'clients-from-reminders', async () => {
    await page.goto(h.url('/'));
    const reminders = await openSidebar(page, /Напоминания/);
    await reminders.locator('body[data-loaded="true"]').waitFor();
    const quiet = reminders.locator('#quiet li[data-client-id]').first();
    const resourceName = String(await quiet.getAttribute('data-client-id'));
    const name = await quiet.locator('.client').innerText();
    const old = await page.locator('aside.sidebar iframe').getAttribute('src');
    await quiet.locator('button[data-action="card"]').click();
    const handle = await page.waitForSelector(`aside.sidebar iframe:not([src="${old}"])`);
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('sidebar iframe has no frame');
    await frame.locator('body[data-loaded="true"]').waitFor();
    expect(await frame.locator('body').getAttribute('data-client-id')).toBe(resourceName);
    expect(await frame.locator('#client-name').innerText()).toBe(name);
    expect(await frame.locator('#search-section').isHidden()).toBe(true);
  });
});

test('a card changed elsewhere meanwhile: the other change is kept, a clash is shown both ways and chosen', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'clients-conflict', async () => {
    const resourceName = String(contactByEmail('client16@example.ru').resourceName);
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    await frame.locator(`#results li[data-client-id="${resourceName}"] button.pick`).click();
    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();
    await frame.locator('#card-summary').click();

    // Another execution (a colleague's sidebar) changes the notes and the company while this card is open.
    const other = h.office.rpc.getClient({ client: resourceName });
    const { name: _n, lastContact: _l, nextPlanned: _p, ...otherBase } = other.client;
    const elsewhere = h.office.rpc.saveClient({
      resourceName,
      etag: otherBase.etag,
      base: otherBase,
      changes: { notes: 'Звонить только по вторникам', company: 'ООО «Другое»' },
    });
    expect(elsewhere.saved).toBe(true);

    await frame.locator('#card-company').fill('ООО «Моё»');
    await frame.locator('#card-title').fill('Закупщик');
    await frame.locator('#card-save').click();
    // The clash: both values shown, nothing written until one is chosen.
    const clash = frame.locator('.field[data-field="company"] .conflict');
    await clash.waitFor();
    expect(await clash.locator('[data-choice="mine"]').innerText()).toContain('ООО «Моё»');
    expect(await clash.locator('[data-choice="theirs"]').innerText()).toContain('ООО «Другое»');
    expect(await frame.locator('#card-notice').innerText()).toContain('Компания');
    await frame.locator('#card-save').click();
    await frame.locator('#status.error').waitFor();
    expect(h.office.rpc.getClient({ client: resourceName }).client.company).toBe('ООО «Другое»');

    await clash.locator('[data-choice="mine"] input').check();
    await frame.locator('#card-save').click();
    await frame.locator('#status.ok').waitFor();
    const stored = h.office.rpc.getClient({ client: resourceName }).client;
    expect(stored).toMatchObject({
      company: 'ООО «Моё»',
      title: 'Закупщик',
      notes: 'Звонить только по вторникам',
    });
    // The card shows what is stored now, the other execution's note included.
    expect(await frame.locator('#card-notes').inputValue()).toBe('Звонить только по вторникам');
  });
});

test('the filters narrow the list; a long history comes a page at a time, newest first', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'clients-filters-history', async () => {
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    const listed = (ids: string[]) =>
      frame.waitForFunction(
        (want) =>
          JSON.stringify(
            [...document.querySelectorAll('#results li[data-client-id]')].map((li) =>
              li.getAttribute('data-client-id'),
            ),
          ) === JSON.stringify(want),
        ids,
      );

    const vip = h.office.rpc.findClients({ query: '', label: 'VIP' });
    expect(vip.total).toBeGreaterThan(0);
    await frame.locator('#filter-label').selectOption('VIP');
    await listed(vip.clients.map((c) => c.resourceName));
    for (const chips of await frame.locator('#results li[data-client-id] .chips').allInnerTexts())
      expect(chips).toContain('VIP');

    const quietVip = h.office.rpc.findClients({ query: '', label: 'VIP', quiet: true });
    expect(quietVip.total).toBeLessThan(vip.total);
    await frame.locator('#filter-quiet').check();
    await listed(quietVip.clients.map((c) => c.resourceName));

    // A client with more events than a page: the rest comes with "more", still newest first.
    const resourceName = String(contactByEmail('client18@example.ru').resourceName);
    const now = h.office.workspace.clock.now();
    for (let i = 0; i < 16; i++)
      h.office.rpc.logEvent({
        client: resourceName,
        kind: 'Звонок',
        reason: '',
        at: new Date(now - (i + 1) * 3 * 24 * 3600_000).toISOString(),
        note: `Звонок №${i + 1}`,
      });
    const all = h.office.rpc.getClient({ client: resourceName, limit: 100 });
    expect(all.total).toBeGreaterThan(20);
    await frame.locator('#filter-quiet').uncheck();
    await frame.locator('#filter-label').selectOption('');
    // An e-mail names one client: Enter opens the card straight away.
    await frame.locator('#search').fill('client18@example.ru');
    await frame.locator('#search').press('Enter');
    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();
    const events = frame.locator('#events li[data-event-id]');
    expect(await events.count()).toBe(20);
    await frame.locator('#history-more').click();
    await frame.locator('#history-more').waitFor({ state: 'hidden' });
    const ids = await events.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event-id')));
    expect(ids).toEqual(all.events.map((e) => e.id));
    expect(await frame.locator('#events-count').innerText()).toBe(`${all.total} из ${all.total}`);
  });
});
