// CRM → Backup… in a real browser, on the demo office: "Back up now" makes a verified night in Drive, its preview
// says nothing needs restoring; after a client's phone is changed the preview names that client as "bring back",
// and Restore puts the night's phone back in Google Contacts.

import { Harness, openHarness, openSidebar, screenshotOnFailure } from './support/browser';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h?.close();
});

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');

function contactByEmail(email: string) {
  const person = h.office.workspace.people.allContacts().find((p) => p.emailAddresses?.[0]?.value === email);
  if (!person) throw new Error(`no demo contact ${email}`);
  return person;
}

test('back up now, preview, change a client, restore brings the phone back', async () => {
  const { page } = h;
  await screenshotOnFailure(page, 'backup', async () => {
    const person = contactByEmail('client12@example.ru');
    const resourceName = String(person.resourceName);
    const oldPhone = digits(person.phoneNumbers?.[0]?.value);

    await page.goto(h.url('/'));
    const frame = await openSidebar(page, /Резервные копии|Backup/);
    await frame.locator('#backup-now').click();
    const night = frame.locator('#nights li[data-night].verified').first();
    await night.waitFor();
    expect(h.office.workspace.drive.files({ name: 'manifest.json' })).toHaveLength(1);

    await night.locator('button.restore-preview').click();
    await frame.locator('#restore-panel h3').waitFor();
    expect(await frame.locator('#restore-run').count()).toBe(0);

    const seen = h.office.rpc.getClient({ client: resourceName }).client;
    const { name: _n, lastContact: _l, nextPlanned: _p, ...base } = seen;
    h.office.rpc.saveClient({ resourceName, etag: base.etag, base, changes: { phones: ['+7 999 000-11-22'] } });

    await night.locator('button.restore-preview').click();
    await frame.locator('#restore-run').waitFor();
    // The changed client first, in the office's language; the others left as they are.
    const samples = await frame.locator('#restore-panel .samples li').allInnerTexts();
    expect(samples[0].replace(/\s+/g, ' ')).toBe('Волкова Ольга Ивановна — вернуть (phoneNumbers)');
    expect(samples.slice(1).every((s) => /как есть/.test(s))).toBe(true);
    await frame.locator('#restore-run').click();
    await frame.locator('#status.ok').waitFor();
    expect((contactByEmail('client12@example.ru').phoneNumbers ?? []).map((p) => digits(p.value))).toEqual([oldPhone]);
  });
});
