// A base for the backup tests, seeded through the emulator's host APIs (no call counted, as bench scenarios seed
// 25k contacts): clients with labels, birthdays, notes, a manager field and the client id an import writes
// (clientData crm.clientId), and events in the Events sheet pointing at them by resourceName.

import { createPeople, createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { contactHash, toBackupContact } from '../../../src/core/backup/snapshot';
import type { BackupContact } from '../../../src/core/backup/types';
import type { Office } from '../../../src/local/office';
import { testOffice } from '../../support/office';
import { writeRows, STAFF } from '../events/office';

export const LABELS = ['VIP', 'Постоянный', 'Опт'];
type Person = GoogleAppsScript.People.Schema.Person;

export interface Base {
  office: Office;
  /** Label name → group resourceName. */
  groups: Record<string, string>;
  /** The seeded contacts' resourceNames, in seeding order (client i). */
  names: string[];
}

export function sheetApp(office: Office) {
  const ws = office.workspace;
  return createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
}

export function eventsSheet(office: Office) {
  return sheetApp(office).getSheetByName(template('events').title.ru)!;
}

export function clientPerson(i: number, groups: Record<string, string>): Person {
  const labels = [LABELS[i % 3], ...(i % 10 === 0 ? ['VIP'] : [])].filter((l, k, all) => all.indexOf(l) === k);
  return {
    names: [{ familyName: `Клиентов${i}`, givenName: i % 2 ? 'Иван' : 'Мария', middleName: 'Петрович' }],
    phoneNumbers: [{ value: `+7 912 ${String(1000000 + i).slice(-7)}`, type: 'mobile' }],
    ...(i % 4 ? { emailAddresses: [{ value: `client${i}@example.ru` }] } : {}),
    ...(i % 3 === 0
      ? {
          birthdays: [
            { date: { month: (i % 12) + 1, day: (i % 28) + 1, ...(i % 6 ? { year: 1980 + (i % 30) } : {}) } },
          ],
        }
      : {}),
    ...(i % 5 === 0
      ? { biographies: [{ value: `Заметка о клиенте ${i}\nвторая строка`, contentType: 'TEXT_PLAIN' }] }
      : {}),
    userDefined: [{ key: 'Менеджер', value: i % 2 ? 'Ольга Смирнова' : 'Дмитрий Ковалёв' }],
    clientData: [
      { key: 'crm.importId', value: 'imp-base' },
      { key: 'crm.clientId', value: `imp-base-${i}` },
    ],
    memberships: labels.map(
      (l) =>
        ({
          contactGroupMembership: { contactGroupResourceName: groups[l] },
        }) as GoogleAppsScript.People.Schema.Membership,
    ),
  } as Person;
}

/** Set up, a staff (director + two managers), `clients` contacts and `events` events (event e → client e % clients). */
export function seededBase(clients: number, events: number): Base {
  const office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  writeRows(
    office,
    'staff',
    STAFF.map((s) => ({ name: s[0], email: s[1], role: s[2], head: s[3], dailyDigest: s[4] })),
  );
  const people = createPeople(ws.people, ws.ctx);
  const groups: Record<string, string> = {};
  for (const label of LABELS)
    groups[label] = String(people.ContactGroups!.create({ contactGroup: { name: label } }).resourceName);
  const names = ws.people.seed(
    Array.from({ length: clients }, (_, i) => clientPerson(i, groups)) as never,
    ws.clock.now(),
  );
  const sheet = eventsSheet(office);
  const width = sheet.getLastColumn();
  const at = locateColumns(template('events'), sheet.getRange(1, 1, 1, width).getValues()[0]);
  // Whole minutes, as an office logs them.
  const now = Math.floor(ws.clock.now() / 60_000) * 60_000;
  const rows = Array.from({ length: events }, (_, e) => {
    const row: unknown[] = new Array(width).fill('');
    const c = e % clients;
    const planned = e % 25 === 0;
    row[at.id] = `ev-base-${e}`;
    row[at.date] = new Date(now + (planned ? ((e % 9) + 1) * 86400000 : -((e % 400) + 1) * 86400000));
    row[at.kind] = 'Звонок';
    row[at.reason] = 'Заказ';
    row[at.client] = `Клиентов${c} ${c % 2 ? 'Иван' : 'Мария'} Петрович`;
    row[at.clientId] = names[c];
    row[at.phone] = `'+7 912 ${String(1000000 + c).slice(-7)}`;
    row[at.manager] = c % 2 ? 'Ольга Смирнова' : 'Дмитрий Ковалёв';
    row[at.result] = `Результат ${e}`;
    row[at.status] = planned ? 'план' : 'сделано';
    return row;
  });
  if (events + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), events + 1 - sheet.getMaxRows());
  if (events) sheet.getRange(2, 1, events, width).setValues(rows as never);
  ws.calls.reset();
  return { office, groups, names };
}

/** Label resourceName → name, as the account has them now. */
export function groupNames(office: Office): Map<string, string> {
  return new Map(
    office.workspace.people
      .allGroups()
      .filter((g) => g.groupType === 'USER_CONTACT_GROUP')
      .map((g) => [String(g.resourceName), String(g.name)]),
  );
}

/** Every contact as a backup keeps it. */
export function snapshot(office: Office): BackupContact[] {
  const groups = groupNames(office);
  return office.workspace.people.allContacts().map((p) => toBackupContact(p as never, groups));
}

/** A contact's content without its resourceName, hashed: equal for the same client in another place. */
export function contentHash(c: BackupContact): string {
  const { resourceName: _rn, ...rest } = c.person;
  return contactHash({ person: rest, labels: c.labels });
}

/** The Events sheet's data rows as values (getValues), by column key. */
export function eventRecords(office: Office): Array<Record<string, unknown>> {
  const values = eventsSheet(office).getDataRange().getValues() as unknown[][];
  const at = locateColumns(template('events'), values[0]);
  return values
    .slice(1)
    .filter((row) => row.some((v) => v !== '' && v !== null))
    .map((row) => Object.fromEntries(Object.entries(at).map(([k, c]) => [k, row[c]])));
}

export function clearEvents(office: Office): void {
  const sheet = eventsSheet(office);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).clearContent();
  office.workspace.calls.reset();
}

export function deleteAllContacts(office: Office): void {
  const ws = office.workspace;
  for (const p of ws.people.allContacts()) ws.people.deleteByUser(String(p.resourceName), ws.clock.now());
}

/** The client id the import wrote (crm.clientId). */
export function clientIdOf(p: { clientData?: Array<{ key?: string | null; value?: string | null }> | null }): string {
  return String((p.clientData ?? []).find((d) => d.key === 'crm.clientId')?.value ?? '');
}
