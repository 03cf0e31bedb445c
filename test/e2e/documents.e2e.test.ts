// The Client sidebar's document buttons in a real browser, on the demo office: an order event in the client's history
// shows "Счёт в PDF"; a click makes the invoice, and the event shows the link to its PDF in Drive.

import { appendOrderRows } from '../../src/local/documents/order-row';
import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

test('an order in the history: "Счёт в PDF" makes the invoice and the event links it', async () => {
  const { page, office } = h;
  await screenshotOnFailure(page, 'documents-sidebar', async () => {
    const person = office.workspace.people
      .allContacts()
      .find((p) => p.emailAddresses?.[0]?.value === 'client14@example.ru')!;
    const resourceName = String(person.resourceName);
    const saved = office.rpc.saveSettings({
      officeName: 'ООО «Ромашка»',
      officeTaxId: '7701234567',
      officeAddress: 'Москва, ул. Лесная, 5',
      officeBank: 'АО «Банк», БИК 044525225',
    });
    expect(saved.ok).toBe(true);
    office.workspace.transaction(() =>
      appendOrderRows(office, [
        {
          id: 'E-e2e-order',
          at: new Date(office.workspace.clock.now() - 60_000),
          client: 'Лебедева Мария',
          clientId: resourceName,
          amount: 15000,
          currency: 'RUB',
          orderState: 'invoiced',
        },
      ]),
    );

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    await frame.locator('#search').pressSequentially('лебедева мар', { delay: 30 });
    await frame.locator(`#results li[data-client-id="${resourceName}"] button.pick`).click();
    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();

    const order = frame.locator('#events li[data-event-id="E-e2e-order"]');
    await order.locator('button[data-document="invoice"]').click();
    await frame.locator('#status.ok').waitFor();
    const link = frame.locator('#events li[data-event-id="E-e2e-order"] a.document');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/);
    // Only order events carry the buttons: her calls and visits have none.
    expect(await frame.locator('#events li[data-event-id]:not(:has(.documents))').count()).toBeGreaterThan(0);
  });
});
