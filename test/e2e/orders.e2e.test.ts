// The Client sidebar's money section in a real browser, on the demo office: a client's card opened, an order logged
// from it (amount, state), its debt shown at once, its state changed to paid in place: the totals move and the Events
// sheet holds the amount and the state in the office's words;
// the change is undone from the section.

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

function eventRows(): Array<Record<string, unknown>> {
  const values = h.office.workspace.spreadsheets.values(h.office.spreadsheetId, template('events').title.ru);
  const at = locateColumns(template('events'), values[0]);
  return values.slice(1).map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(at)) out[k] = row[c];
    return out;
  });
}

/** "15 000,50 ₽" with whichever spaces Intl puts: digits and the decimal comma only. */
const figure = (text: string) => text.replace(/[^\d,]/g, '');

test('log an order from the card, see the debt, mark it paid in place', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'orders-sidebar', async () => {
    const person = h.office.workspace.people
      .allContacts()
      .find((p) => p.emailAddresses?.[0]?.value === 'client15@example.ru');
    const resourceName = String(person?.resourceName);
    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    await frame.locator('#search').fill('client15@example.ru');
    await frame.locator(`#results li[data-client-id="${resourceName}"] button.pick`).click();
    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();
    expect(await frame.locator('#money-title').innerText()).toBe('Заказы и деньги');

    await frame.locator('#order-new').click();
    expect(await frame.locator('#order-currency').inputValue()).toBe('RUB');
    // A typo is said at once, nothing sent.
    await frame.locator('#order-amount').fill('15 000,505');
    await frame.locator('#order-submit').click();
    await frame.locator('#status.error').filter({ hasText: 'недопустима' }).waitFor();
    await frame.locator('#order-amount').fill('15 000,50');
    await frame.locator('#order-state').selectOption('invoiced');
    await frame.locator('#order-note').fill('Счёт за март');
    await frame.locator('#order-submit').click();
    await frame.locator('#status.ok').waitFor();
    const totals = frame.locator('#money-totals [data-currency="RUB"]');
    expect(figure(await totals.locator('[data-figure="debt"]').innerText())).toBe('15000,50');
    const item = frame.locator('#orders li[data-order-state="invoiced"]').filter({ hasText: 'Счёт за март' });
    await item.waitFor();
    const id = String(await item.getAttribute('data-event-id'));
    expect(eventRows().find((r) => r.id === id)).toMatchObject({
      clientId: resourceName,
      amount: 15000.5,
      currency: 'RUB',
      orderState: 'счёт выставлен',
    });

    await item.locator('select[data-action="order-state"]').selectOption('paid');
    await frame.locator(`#orders li[data-event-id="${id}"][data-order-state="paid"]`).waitFor();
    expect(figure(await totals.locator('[data-figure="debt"]').innerText())).toBe('0,00');
    expect(figure(await totals.locator('[data-figure="paid"]').innerText())).toBe('15000,50');
    expect(eventRows().find((r) => r.id === id)).toMatchObject({ orderState: 'оплачен' });
    // The change undone from the section: invoiced again, the debt back.
    await frame.locator('#order-undo').click();
    await frame.locator(`#orders li[data-event-id="${id}"][data-order-state="invoiced"]`).waitFor();
    expect(figure(await totals.locator('[data-figure="debt"]').innerText())).toBe('15000,50');
    expect(await frame.locator('#order-undo').isHidden()).toBe(true);
    // Room for what else acts on an order (the documents' buttons), one box per order.
    expect(await frame.locator(`#orders li[data-event-id="${id}"] .order-actions`).count()).toBe(1);
  });
});
