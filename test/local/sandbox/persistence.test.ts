// `npm start` keeps its state in a folder: what the office changed is there after a restart, and `--reset` (a fresh
// folder) starts the demo over.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openOffice } from '../../../src/local/office';
import { SandboxApi } from '../../../src/local/sandbox/api';
import { seedDemoOffice } from '../../../src/local/sandbox/demo-office';

test('a restarted sandbox keeps settings, contacts and events changed through the product', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-sandbox-'));
  try {
    const first = openOffice({ dir, clockStart: '2026-03-02T09:00:00+03:00' });
    seedDemoOffice(first, dir);
    const api = new SandboxApi(first);
    expect(api.run('saveSettings', [{ defaultCountry: 'KZ', language: '' }]).ok).toBe(true);
    const logged = api.run('logEvent', [
      { client: 'client1@example.ru', kind: 'Звонок', reason: 'Заказ', note: 'после рестарта' },
    ]);
    expect(logged.ok).toBe(true);
    const contacts = first.workspace.people.allContacts().length;

    // A new process: same folder, nothing carried over in memory.
    const again = openOffice({ dir });
    const view = new SandboxApi(again).run('getSettingsView', []);
    expect((view.result as { defaultCountry: string }).defaultCountry).toBe('KZ');
    expect(again.workspace.people.allContacts()).toHaveLength(contacts);
    expect(again.spreadsheetId).toBe(first.spreadsheetId);
    const events = again.workspace.spreadsheets.get(again.spreadsheetId).sheets.find((s) => s.name === 'События');
    expect(JSON.stringify(events?.values)).toContain('после рестарта');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
