// The Client card's "Changes" in a real browser, on the demo office: a phone changed and saved from the card is listed
// under Changes (before → after), "Undo this change" puts the old phone back in Google Contacts and on the card; an
// undo of a change the client has had changed again since says so and leaves the contact as it is.

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

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

test('a saved phone is listed under Changes and undone from there; a change edited since is refused', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'client-changes', async () => {
    const person = contactByEmail('client18@example.ru');
    const resourceName = String(person.resourceName);
    const oldPhone = digits(person.phoneNumbers?.[0]?.value);

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Клиенты/);
    await frame.locator('body[data-loaded="true"]').waitFor();
    await frame.locator(`#results li[data-client-id="${resourceName}"] button.pick`).click();
    await frame.locator(`body[data-client-id="${resourceName}"]`).waitFor();
    expect(await frame.locator('#changes-summary').innerText()).toBe('Изменения');

    await frame.locator('#card-summary').click();
    await frame.locator('[data-field="phones"] .list-item input').first().fill('+7 999 765-43-21');
    await frame.locator('#card-save').click();
    await frame.locator('#status.ok').waitFor();

    await frame.locator('#changes-summary').click();
    const change = frame.locator('#changes li[data-change-id]').first();
    await change.waitFor();
    expect(await change.locator('.summary').innerText()).toContain('→ +7 999 765-43-21');
    await change.locator('button[data-action="revert"]').click();
    await frame.locator('#status.ok').waitFor();
    expect((contactByEmail('client18@example.ru').phoneNumbers ?? []).map((p) => digits(p.value))).toEqual([oldPhone]);
    await frame.locator('#changes li[data-change-id] .badge').first().waitFor();
    expect(digits(await frame.locator('[data-field="phones"] .list-item input').first().inputValue())).toBe(oldPhone);

    // Saved again, then changed elsewhere: the undo of the first save is refused with the reason, nothing written.
    await frame.locator('#card-summary').click();
    await frame.locator('[data-field="phones"] .list-item input').first().fill('+7 999 111-22-33');
    await frame.locator('#card-save').click();
    await frame.locator('#status.ok').waitFor();
    const other = h.office.rpc.getClient({ client: resourceName });
    const { name: _n, lastContact: _l, nextPlanned: _p, ...base } = other.client;
    h.office.rpc.saveClient({ resourceName, etag: base.etag, base, changes: { phones: ['+7 999 444-55-66'] } });
    await frame.locator('#changes-summary').click();
    await frame.locator('#changes-summary').click();
    const edited = frame.locator('#changes li[data-change-id]').filter({ hasText: '→ +7 999 111-22-33' }).first();
    await edited.locator('button[data-action="revert"]').click();
    await edited.locator('.notice.error').filter({ hasText: 'изменили ещё раз' }).waitFor();
    expect((contactByEmail('client18@example.ru').phoneNumbers ?? []).map((p) => digits(p.value))).toEqual([
      '79994445566',
    ]);
  });
});
