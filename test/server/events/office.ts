// An office for the event-log tests: set up, with a few labelled clients and a staff of three, built on the emulated
// Workspace and driven through the built bundle.

import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { createPeople } from 'workspace-emulator';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import type { EventView, LogEventInput } from '../../../src/shared/events-dto';
import { testOffice } from '../../support/office';

export const STAFF = [
  ['Ольга Смирнова', 'olga@example.com', 'Руководитель', '', true],
  ['Дмитрий Ковалёв', 'dmitry@example.com', 'Менеджер', 'olga@example.com', true],
  ['Нино Беридзе', 'nino@example.com', 'Менеджер', 'olga@example.com', false],
] as const;

export interface Client {
  resourceName: string;
  name: string;
  phone: string;
  email: string;
}

export interface EventsOffice {
  office: Office;
  clients: Record<string, Client>;
}

/** Clients by key: name parts, phone, e-mail, label. */
const CLIENTS = {
  vip: ['Иванов', 'Иван', '+7 912 111-22-33', 'ivanov@example.ru', 'VIP'],
  regular: ['Петрова', 'Анна', '+7 912 444-55-66', 'petrova@example.ru', 'Постоянный'],
  sleepy: ['Сидоров', 'Олег', '+7 912 777-88-99', 'sidorov@example.ru', 'Постоянный'],
} as const;

/** `dir`: the office kept in a folder (a test copies it to start many runs from the same state). */
export function eventsOffice(options: { session?: { email?: string }; dir?: string } = {}): EventsOffice {
  const office = testOffice({ session: options.session, ...(options.dir ? { dir: options.dir } : {}) });
  office.rpc.runSetup();
  const ws = office.workspace;
  const people = createPeople(ws.people, ws.ctx);
  const groups: Record<string, string> = {};
  for (const label of ['VIP', 'Постоянный'])
    groups[label] = String(people.ContactGroups!.create({ contactGroup: { name: label } }).resourceName);
  const clients: Record<string, Client> = {};
  for (const [key, [family, given, phone, email, label]] of Object.entries(CLIENTS)) {
    const created = people.People!.createContact(
      {
        names: [{ familyName: family, givenName: given }],
        phoneNumbers: [{ value: phone }],
        emailAddresses: [{ value: email }],
        memberships: [
          {
            contactGroupMembership: { contactGroupResourceName: groups[label] },
          } as GoogleAppsScript.People.Schema.Membership,
        ],
      },
      { personFields: 'names' },
    );
    clients[key] = { resourceName: String(created.resourceName), name: `${family} ${given}`, phone, email };
  }
  writeRows(
    office,
    'staff',
    STAFF.map((s) => ({ name: s[0], email: s[1], role: s[2], head: s[3], dailyDigest: s[4] })),
  );
  // Contacts made outside the CRM reach the Card index with its rebuild (the 4-hourly trigger; setup ran before them).
  const rebuilt = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (rebuilt.error) throw rebuilt.error;
  ws.calls.reset();
  return { office, clients };
}

function app(office: Office) {
  const ws = office.workspace;
  return createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
}

/** Records by column key laid out as the sheet's rows, and where they go: below its last row. */
function layout(office: Office, key: 'staff' | 'events', rows: Array<Record<string, unknown>>) {
  const tpl = template(key);
  const sheet = app(office)
    .getSheets()
    .find((s) => s.getName() === tpl.title.ru)!;
  const width = sheet.getLastColumn();
  const at = locateColumns(tpl, sheet.getRange(1, 1, 1, width).getValues()[0]);
  const values = rows.map((r) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [k, v] of Object.entries(r)) row[at[k]] = v;
    return row;
  });
  return { sheet, name: tpl.title.ru, width, values, first: sheet.getLastRow() + 1 };
}

/** Rows written straight into a CRM sheet by a script (no trigger fires), by column key. */
export function writeRows(office: Office, key: 'staff' | 'events', rows: Array<Record<string, unknown>>): void {
  const { sheet, width, values, first } = layout(office, key, rows);
  if (first + values.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), first + values.length - 1 - sheet.getMaxRows());
  sheet.getRange(first, 1, values.length, width).setValues(values as never);
  office.workspace.calls.reset();
}

/**
 * Rows typed or pasted by a person below the last one, by column key: the edit fires the project's onEdit (and the
 * installed onChange), as Google does for a person's edit and never for a script's.
 */
export function typeRows(office: Office, key: 'events', rows: Array<Record<string, unknown>>): void {
  const { name, width, values, first } = layout(office, key, rows);
  const a1 = `A${first}:${String.fromCharCode(64 + width)}${first + values.length - 1}`;
  const done = office.workspace.sheetsUser.edit(office.spreadsheetId, name, a1, values);
  for (const f of done.fired) if (f.error) throw new Error(`${f.handler}: ${f.error.name}: ${f.error.message}`);
  office.workspace.calls.reset();
}

/** The Events sheet as the office sees it: one object per data row, by column key. */
export function eventRows(office: Office): Array<Record<string, unknown> & { row: number }> {
  // Read as a script reads it (getValues): a date cell is a Date whichever API wrote it.
  const sheet = app(office).getSheetByName(template('events').title.ru)!;
  const values = sheet.getDataRange().getValues() as unknown[][];
  const at = locateColumns(template('events'), values[0]);
  return values.slice(1).map((row, i) => {
    const out: Record<string, unknown> & { row: number } = { row: i + 2 };
    for (const [k, c] of Object.entries(at)) out[k] = row[c];
    return out;
  });
}

export function liveCalendarEvents(office: Office) {
  return office.workspace.calendar.allEvents().filter((e) => !e.deleted);
}

export function logEvent(office: Office, input: LogEventInput): EventView {
  return office.rpc.logEvent(input);
}

export const DAY = 86_400_000;

/** What the write lock both projects honour adds to each write: waitLock and releaseLock (sheets/write-lock.ts). */
export const WRITE_LOCK_CALLS = 2;

/**
 * What keeping the client's CRM line on the contact adds to a change that moves it (server/clients/crm-line.ts): one
 * People getBatchGet for the note and its etag, one batchUpdateContacts. A change that leaves the line as it was adds none.
 */
export const CRM_LINE_CALLS = 2;
