// CRM → Telephony… in a real browser, on the demo office, with calls coming in as the PBXs send them: a missed Mango
// call simulated on the sandbox's Telephony page (signed with the demo key and salt, posted to the deployed web app)
// and processed there puts the client on the callback list, the sidebar shows it and "Called back" closes it; an
// answered Zadarma call from a number no client has makes a new caller, and "Add as client" makes the contact.

import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';
import { processInboxNow, simulateCall } from '../../src/local/sandbox/telephony';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

test('a missed call simulated on the Telephony page is on the callback list; Called back closes it', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'calls-callback', async () => {
    const person = h.office.workspace.people
      .allContacts()
      .find((p) => p.emailAddresses?.[0]?.value === 'client3@example.ru');
    const number = digits(person?.phoneNumbers?.[0]?.value);
    // The CRM writes a client family name first.
    const n = person?.names?.[0];
    const name = [n?.familyName, n?.givenName, n?.middleName].filter(Boolean).join(' ');

    await page.goto(h.url('/telephony'));
    await page.locator('#url-mango').waitFor();
    const secret = await page.locator('#secret').innerText();
    expect(secret).toMatch(/^\S{16,}$/);
    const mangoUrl = await page.locator('#url-mango').innerText();
    expect(mangoUrl).toContain(secret);
    await page.selectOption('#sim-provider', 'mango');
    await page.selectOption('#sim-direction', 'in');
    await page.selectOption('#sim-outcome', 'missed');
    await page.fill('#sim-number', number);
    await page.click('#sim-send');
    const replies = page.locator('#sim-sent li');
    await replies.first().waitFor();
    // events/call Appeared, Disconnected, events/summary: every one accepted (the sign is right).
    expect(await replies.count()).toBe(3);
    for (const text of await replies.allInnerTexts()) expect(text).toMatch(/→ 200: .*"success"\s*:\s*true/);
    await page.click('#sim-process');
    await page.locator('#sim-result').waitFor();
    expect(JSON.parse(await page.locator('#sim-result').innerText())).toMatchObject({ missed: 1, events: 0 });
    await page.locator(`#sim-callbacks li[data-phone="+${number}"]`).waitFor();

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Телефония|Telephony/);
    // The office account may change the settings: it sees where each PBX is pointed, the secret and Mango's state.
    await frame.locator('#endpoint #url-mango').waitFor();
    expect(await frame.locator('#url-mango').inputValue()).toBe(mangoUrl);
    expect(await frame.locator('#pbx-secret').inputValue()).toBe(secret);
    expect(await frame.locator('#mango-key').innerText()).toBe('Ключ API Mango: задан');
    const item = frame.locator(`#callbacks-open li.callback[data-phone="+${number}"]`);
    await item.waitFor();
    expect(await item.locator('.client').innerText()).toBe(name);
    expect(await item.locator('a.tel').getAttribute('href')).toBe(`tel:+${number}`);
    expect(await item.innerText()).toMatch(/пропущенных: 1/);
    await item.locator('button.close-callback').click();
    await frame.locator(`#callbacks-closed li.callback.closed[data-phone="+${number}"]`).waitFor({ state: 'attached' });
    expect(await frame.locator(`#callbacks-open li[data-phone="+${number}"]`).count()).toBe(0);
    const closed = h.office.rpc.getCalls().callbacks.find((c) => c.phone === `+${number}`);
    expect(closed).toMatchObject({ state: 'closed', closedBy: 'hand' });
  });
});

test('an unknown caller becomes a client with one click on Add as client', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'calls-new-caller', async () => {
    const number = '79057773311';
    const sent = h.office.workspace.transaction(() =>
      simulateCall(h.office, {
        provider: 'zadarma',
        direction: 'in',
        answered: true,
        number,
        extension: '102',
        talkSeconds: 40,
        recording: false,
      }),
    );
    expect(sent.sent.map((s) => [s.status, s.body])).toEqual([
      [200, 'ok'],
      [200, 'ok'],
    ]);
    expect(h.office.workspace.transaction(() => processInboxNow(h.office)).result).toMatchObject({ unknown: 1 });

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Телефония|Telephony/);
    const caller = frame.locator(`#callers li.caller.new[data-phone="+${number}"]`);
    await caller.waitFor();
    expect(await caller.locator('input.caller-name').getAttribute('placeholder')).toMatch(/905/);
    await caller.locator('input.caller-name').fill('Тамара Гордеева');
    await caller.locator('select.caller-label').selectOption('VIP');
    await caller.locator('button.add-caller').click();
    const added = frame.locator(`#callers li.caller.added[data-phone="+${number}"] .added`);
    await added.waitFor();
    expect(await added.innerText()).toMatch(/^добавлен: Гордеева Тамара · Открыть клиента$/);

    // The new caller's row says it was added, and names the contact made: with the name typed, the number, the label.
    const row = h.office.rpc.getCalls().newCallers.find((c) => c.phone === `+${number}`);
    expect(row?.state).toBe('added');
    const contact = h.office.workspace.people.allContacts().find((p) => p.resourceName === row?.clientId);
    expect((contact?.phoneNumbers ?? []).map((p) => digits(p.value).slice(-10))).toEqual([number.slice(-10)]);
    expect(contact?.names?.[0]).toMatchObject({ givenName: 'Тамара', familyName: 'Гордеева' });
    const groups = (contact?.memberships ?? []).map((m) => m.contactGroupMembership?.contactGroupResourceName);
    const vip = h.office.workspace.people.allGroups().find((g) => g.name === 'VIP');
    expect(groups).toContain(vip?.resourceName);

    // The link opens the new client in the Client sidebar.
    const old = await page.locator('aside.sidebar iframe').getAttribute('src');
    await added.locator('a.open-client').click();
    await page.waitForSelector(`aside.sidebar iframe:not([src="${old}"])`);
  });
});
