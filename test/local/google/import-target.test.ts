// `--target google` writes through googleapis, which cannot be reached here. Its executor is the server's
// (core/import/execute), driven asynchronously with a JSON-file journal; this runs it over the emulated People API
// through the same People directory port, so resume, idempotence and undo are proven for the CLI path too.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanImportFile, openImportFile } from '../../../src/core/import/pipeline';
import type { Person } from '../../../src/core/import/types';
import { phoneKey } from '../../../src/core/phone';
import { importToGoogle, undoOnGoogle } from '../../../src/local/google/import-runner';
import { LISTED_PERSON_FIELDS, type AsyncPeopleDirectory } from '../../../src/core/ports/people';
import { Workspace } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';

function emulatorPort(ws: Workspace): AsyncPeopleDirectory {
  const api = ws.globals({ project: 'sheet', htmlFiles: {}, ui: new UiHost() }).People as GoogleAppsScript.People;
  const P = api.People!;
  const G = api.ContactGroups!;
  return {
    async listContacts() {
      const out: Person[] = [];
      let pageToken: string | undefined;
      do {
        const page = P.Connections!.list('people/me', {
          personFields: LISTED_PERSON_FIELDS,
          pageSize: 1000,
          pageToken,
        });
        out.push(...((page.connections ?? []) as Person[]));
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
      return out;
    },
    async listUserGroups() {
      return (G.list({ pageSize: 1000, groupFields: 'name,groupType' }).contactGroups ?? [])
        .filter((g) => g.groupType === 'USER_CONTACT_GROUP')
        .map((g) => ({ name: String(g.name), resourceName: String(g.resourceName) }));
    },
    async createGroup(name) {
      return String(G.create({ contactGroup: { name } }).resourceName);
    },
    async deleteGroup(resourceName) {
      G.remove(resourceName, { deleteContacts: false });
    },
    async batchCreate(persons) {
      const r = P.batchCreateContacts({
        contacts: persons.map((contactPerson) => ({ contactPerson })) as never,
        readMask: 'metadata',
      });
      return (r.createdPeople ?? []).map((c) => (c.person ?? {}) as Person);
    },
    async batchUpdate(contacts, updateMask) {
      P.batchUpdateContacts({ contacts: contacts as never, updateMask, readMask: 'metadata' });
    },
    async batchDelete(resourceNames) {
      P.batchDeleteContacts({ resourceNames });
    },
    async modifyMembers(group, add, remove) {
      G.Members!.modify({ resourceNamesToAdd: add, resourceNamesToRemove: remove }, group);
    },
    async getContacts(resourceNames) {
      const r = P.getBatchGet({ resourceNames, personFields: LISTED_PERSON_FIELDS });
      return (r.responses ?? []).map((x) => x.person as Person).filter((p) => p?.resourceName);
    },
  };
}

const FIXTURE = path.join(__dirname, '../../fixtures/office-base.xlsx');

test('the CLI imports into an account, resumes after a lost batch without duplicates, and undoes', async () => {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00+03:00' });
  const port = emulatorPort(ws);
  const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-journal-'));
  try {
    const opened = openImportFile(new Uint8Array(fs.readFileSync(FIXTURE)), 'office-base.xlsx');
    const { contacts } = cleanImportFile(opened, opened.proposed, {
      defaultCountry: 'RU',
      locale: 'ru',
      importId: 'imp-cli',
    });
    const options = { importId: 'imp-cli', journalDir, phoneKey: (raw: string) => phoneKey(raw, 'RU') };

    // The answer to the create is lost after Google applied it.
    ws.faults.add({ service: 'People.People.batchCreateContacts', kind: 'lost-response', nth: [1] });
    await expect(importToGoogle(port, contacts, options)).rejects.toThrow();
    ws.faults.clear();
    const resumed = await importToGoogle(port, contacts, options);
    const all = ws.people.allContacts();
    const phones = all.flatMap((p) => (p.phoneNumbers ?? []).map((x) => x.canonicalForm));
    expect(phones.length).toBe(new Set(phones).size);
    expect(all.length).toBeGreaterThan(30);
    // Everything the import created, including the batch whose answer was lost.
    expect(resumed.created).toBe(all.length);

    const again = await importToGoogle(port, contacts, { ...options, importId: 'imp-cli-2' });
    expect(again.created).toBe(0);
    expect(ws.people.allContacts()).toHaveLength(all.length);

    const undo = await undoOnGoogle(port, options);
    expect(undo.deleted).toBe(all.length);
    expect(ws.people.allContacts()).toHaveLength(0);
    expect(ws.people.allGroups().filter((g) => g.groupType === 'USER_CONTACT_GROUP')).toHaveLength(0);
  } finally {
    fs.rmSync(journalDir, { recursive: true, force: true });
  }
});
