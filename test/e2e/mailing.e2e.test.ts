// CRM → Mailing… in a real browser on the demo office: an SMS to the VIP label with a template naming the birthday,
// which some VIP cards lack. The preview shows each message as its client will read it (their name filled in) and
// lists the clients without a birthday as skipped for that missing field; Send (a dry run, the default) shows every
// message that would go out and sends nothing.

import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

test('a dry-run SMS preview shows a message with the client’s name and a missing-field skip; nothing is sent', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'mailing-dry-run', async () => {
    const vip = h.office.rpc.findClients({ query: '', label: 'VIP', limit: 100 }).clients;
    const withBirthday = vip.filter((c) => c.birthday);
    const without = vip.filter((c) => !c.birthday);
    expect(withBirthday.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Рассылка|Mailing/);
    await frame.locator('#label option[value="VIP"]').waitFor({ state: 'attached' });
    await frame.selectOption('#channel', 'sms');
    await frame.selectOption('#label', 'VIP');
    await frame.fill('#body', 'Добрый день, ! Ваш день рождения: ');
    // The fields go in with the insert buttons, at the caret.
    const body = frame.locator('#body');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(13, 13));
    await frame.click('#insert button[data-field="givenName"]');
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    await frame.click('#insert button[data-field="birthday"]');
    expect(await body.inputValue()).toBe('Добрый день, {{givenName}}! Ваш день рождения: {{birthday}}');

    await frame.click('#preview');
    const first = frame.locator('#messages li.message').first();
    await first.waitFor();
    const shown = await frame.locator('#messages li.message .client').allInnerTexts();
    expect(shown.length).toBe(Math.min(5, withBirthday.length));
    const client = withBirthday.find((c) => c.name === shown[0]);
    expect(client).toBeDefined();
    expect(await first.locator('.to').innerText()).toBe(client!.phones[0]);
    const text = await first.locator('.text').innerText();
    expect(text).toMatch(/^Добрый день, [А-ЯЁ][а-яё]+! Ваш день рождения: \d\d\.\d\d(\.\d{4})?$/);
    expect(text).not.toContain('{{');

    const skips = frame.locator('#skipped li.skip[data-reason="missing-field"]');
    expect(await skips.count()).toBe(without.length);
    expect(await skips.locator('.client').allInnerTexts()).toEqual(expect.arrayContaining([without[0].name]));
    expect(await skips.first().locator('mark.missing').innerText()).toBe('birthday');

    // Send… asks first, with the counts; the dry run (checked by default) then lists every message, sending none.
    expect(await frame.locator('#dry-run').isChecked()).toBe(true);
    await frame.click('#send');
    await frame.locator('#confirm-box:not([hidden])').waitFor();
    expect(await frame.locator('#confirm-text').innerText()).toContain(String(withBirthday.length));
    await frame.click('#confirm-yes');
    await frame.locator('#status.ok').waitFor();
    expect(await frame.locator('#messages li.message').count()).toBe(withBirthday.length);
    const sms = (await (await page.request.get(h.url('/api/sms'))).json()) as { smsru: unknown[]; smsc: unknown[] };
    expect(sms).toEqual({ smsru: [], smsc: [] });
    expect(h.office.rpc.listMailings()).toEqual([]);
  });
});
