// The change journal through the built bundle: every CRM write to a contact (a card save, an add, an import and its
// undo) is a row of the hidden Journal sheet with the values before it, and one change can be undone from it — unless
// the client was changed again since, which is said, never overwritten.

import type { Office } from '../../../src/local/office';
import { importFile } from '../../../src/local/import-driver';
import { call, testOffice } from '../../support/office';
import { appendRows, crmSheetOf, phoneOf, seedClients, sheetValues } from '../card-index/support';

let office: Office;
let names: string[];

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  ({ names } = seedClients(office, 20));
  call(office.sheet, 'refreshIndexTrigger', {});
});

const phonesOf = (rn: string) => office.rpc.getClient({ client: rn }).client.phones;

function edit(rn: string, phones: string[]) {
  const seen = office.rpc.getClient({ client: rn }).client;
  const result = office.rpc.saveClient({ resourceName: rn, etag: seen.etag, base: seen, changes: { phones } });
  expect(result.saved).toBe(true);
}

test('the Journal sheet is made by setup, hidden', () => {
  expect(crmSheetOf(office, 'journal').isSheetHidden()).toBe(true);
});

test('a card edit is journalled with the phone before; undoing it brings the old phone back', () => {
  const rn = names[1];
  edit(rn, ['8 343 222-33-44']);
  const [change] = office.rpc.getChanges({ query: rn });
  expect(change).toMatchObject({
    source: 'edit',
    action: 'updated',
    resourceName: rn,
    client: 'Клиент1 Иван',
    fields: ['phoneNumbers'],
    reverted: false,
  });
  expect(change.summary).toBe(`Телефон: ${phoneOf(1)} → 8 343 222-33-44`);
  const result = office.rpc.revertChange(change.id);
  expect(result.ok).toBe(true);
  expect(result.change).toMatchObject({ source: 'revert', revertOf: change.id, resourceName: rn });
  expect(phonesOf(rn)).toEqual([phoneOf(1)]);
  // The card index (the Gmail card, the search) knows the old phone again, and not the new one.
  expect(office.rpc.getClient({ client: '+79121000001' }).client.resourceName).toBe(rn);
  const after = office.rpc.getChanges({ query: rn });
  expect(after.map((c) => [c.source, c.reverted])).toEqual([
    ['revert', false],
    ['edit', true],
  ]);
  // Undone once: a second undo is refused.
  expect(office.rpc.revertChange(change.id)).toMatchObject({ ok: false, message: 'Это изменение уже отменено.' });
});

test('an undo after the client was changed again since is refused and says so; nothing is overwritten', () => {
  const rn = names[2];
  edit(rn, ['8 343 222-00-01']);
  const [first] = office.rpc.getChanges({ query: rn });
  edit(rn, ['8 343 222-00-02']);
  const result = office.rpc.revertChange(first.id);
  expect(result.ok).toBe(false);
  expect(result.message).toContain('изменили ещё раз (Телефон)');
  expect(phonesOf(rn)).toEqual(['8 343 222-00-02']);
  // The latest change can still be undone: back to the first edit's phone.
  const [second] = office.rpc.getChanges({ query: rn });
  expect(office.rpc.revertChange(second.id).ok).toBe(true);
  expect(phonesOf(rn)).toEqual(['8 343 222-00-01']);
});

test('an added client is journalled as created; undoing it deletes the contact', () => {
  const added = office.rpc.addClient({ from: 'Новая Клиентка <new.one@example.org>', phone: '8 912 555-44-33' });
  expect(added.created).toBe(true);
  const rn = added.client.resourceName;
  const [change] = office.rpc.getChanges({ query: rn });
  expect(change).toMatchObject({ source: 'add', action: 'created', resourceName: rn });
  expect(change.fields).toEqual(expect.arrayContaining(['names', 'phoneNumbers', 'emailAddresses']));
  expect(office.rpc.revertChange(change.id).ok).toBe(true);
  expect(office.workspace.people.allContacts().some((p) => p.resourceName === rn)).toBe(false);
});

test('a client named "=HYPERLINK(…)" stays text in the Journal sheet', () => {
  const rn = names[3];
  const seen = office.rpc.getClient({ client: rn }).client;
  const evil = '=HYPERLINK("http://evil.example","x")';
  office.rpc.saveClient({ resourceName: rn, etag: seen.etag, base: seen, changes: { familyName: evil } });
  const rows = sheetValues(office, 'journal');
  const row = rows.find((r) => String(r[5]) === rn && String(r[6]).startsWith('=HYPERLINK'));
  expect(row?.[6]).toBe(`${evil} Иван`);
  const formulas = crmSheetOf(office, 'journal').getDataRange().getFormulas().flat().filter(Boolean);
  expect(formulas).toEqual([]);
});

test('an import journals what it created and the values before of what it updated; its undo is journalled too', () => {
  const csv = [
    'First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Notes',
    // An existing client (by phone): the note is added.
    `Иван,Клиент5,,${phoneOf(5)},Новый комментарий`,
    'Пётр,Импортов,petr@example.org,+7 912 777-66-55,',
  ].join('\n');
  const run = importFile(office, { bytes: new TextEncoder().encode(`${csv}\n`), fileName: 'base.csv' });
  expect(run.status).toBe('done');
  const changes = office.rpc.getChanges({ limit: 10 });
  const imported = changes.filter((c) => c.source === 'import');
  const created = imported.find((c) => c.action === 'created');
  const updated = imported.find((c) => c.action === 'updated');
  expect(created).toMatchObject({ client: 'Импортов Пётр' });
  expect(updated).toMatchObject({ resourceName: names[5], fields: ['biographies'] });
  expect(updated?.summary).toBe('Комментарий: — → Новый комментарий');
  office.rpc.undoImport(run.importId);
  const undone = office.rpc.getChanges({ limit: 10 }).filter((c) => c.source === 'undo');
  expect(undone.map((c) => [c.action, c.resourceName]).sort()).toEqual(
    [
      ['deleted', created!.resourceName],
      ['updated', names[5]],
    ].sort(),
  );
  // The undo's deletion undone: the contact is back (a new one), with its name and e-mail.
  const deletion = undone.find((c) => c.action === 'deleted')!;
  const back = office.rpc.revertChange(deletion.id);
  expect(back).toMatchObject({ ok: true, change: { action: 'created', revertOf: deletion.id } });
  const again = office.workspace.people.allContacts().find((p) => p.resourceName === back.change!.resourceName);
  expect(again?.emailAddresses?.[0]?.value).toBe('petr@example.org');
  expect(office.rpc.getChanges({ query: 'petr@example.org' }).find((c) => c.id === deletion.id)?.reverted).toBe(true);
});

test('reading and undoing the journal need the right to edit clients', () => {
  appendRows(office, 'staff', [{ name: 'Вера Мастер', email: 'vera@example.com', role: 'Мастер' }]);
  const [change] = office.rpc.getChanges({});
  const vera = { email: 'vera@example.com' };
  expect(() => office.workspace.runAs(vera, () => office.rpc.getChanges({}))).toThrow(/клиент/);
  expect(() => office.workspace.runAs(vera, () => office.rpc.revertChange(change.id))).toThrow(/клиент/);
  expect(office.rpc.getChanges({})[0].id).toBe(change.id);
});

test('an office set up before the Journal existed gets it at the first write; the edit is journalled', () => {
  const old = testOffice();
  old.rpc.runSetup();
  const { names: oldNames } = seedClients(old, 2);
  const ss = crmSheetOf(old, 'journal').getParent();
  ss.deleteSheet(crmSheetOf(old, 'journal'));
  const seen = old.rpc.getClient({ client: oldNames[0] }).client;
  const saved = old.rpc.saveClient({
    resourceName: oldNames[0],
    etag: seen.etag,
    base: seen,
    changes: { phones: ['8 343 222-33-55'] },
  });
  expect(saved.saved).toBe(true);
  expect(crmSheetOf(old, 'journal').isSheetHidden()).toBe(true);
  expect(old.rpc.getChanges({ query: oldNames[0] }).map((c) => c.source)).toEqual(['edit']);
});
