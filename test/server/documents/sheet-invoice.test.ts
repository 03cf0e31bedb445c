// An invoice from a Google Sheets template the CRM's project made (drive.file reaches it): the PDF and the xlsx beside
// it both carry the filled cells; the office's other cells are left as they were.

import * as XLSX from '@e965/xlsx';
import { UiHost } from 'workspace-emulator';
import { appendOrderRows } from '../../../src/local/documents/order-row';
import { pdfText } from '../../support/pdf-text';
import { eventsOffice } from '../events/office';
import manifest from '../../../appsscript.json';

const SHEET = 'application/vnd.google-apps.spreadsheet';

test('a Sheets invoice template gives a PDF and an xlsx with the fields filled', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  const g = ws.globals({
    project: 'sheet',
    htmlFiles: {},
    ui: new UiHost(),
    // The sheet project as its manifest makes it (the file is then the project's own, as drive.file needs).
    advancedServices: manifest.dependencies.enabledAdvancedServices,
    oauthScopes: manifest.oauthScopes,
  }) as { Drive: GoogleAppsScript.Drive };
  const run = ws.run(
    'script',
    'test',
    () => g.Drive.Files!.create({ name: 'Счёт (таблица)', mimeType: SHEET }),
    'sheet',
  );
  if (run.error) throw run.error;
  const id = String((run.result as { id: string }).id);
  const tab = ws.spreadsheets.get(id).sheets[0].name;
  const cells: Array<[number, number, string]> = [
    [1, 1, 'Счёт № {{order.number}}'],
    [2, 1, 'Покупатель'],
    [2, 2, '{{name}}'],
    [3, 1, 'Сумма'],
    [3, 2, '{{ order.amount }} {{order.currency}}'],
    [4, 1, 'Поставщик'],
    [4, 2, '{{office.name}}, ИНН {{office.taxId}}'],
    [5, 1, 'Позиций'],
    [5, 2, '42'],
  ];
  for (const [r, c, v] of cells) ws.spreadsheets.editByUser(id, tab, r, c, v);
  const saved = office.rpc.saveSettings({
    officeName: 'ООО «Ромашка»',
    officeTaxId: '7701234567',
    invoiceTemplate: `https://docs.google.com/spreadsheets/d/${id}/edit`,
  });
  expect(saved.ok).toBe(true);
  appendOrderRows(office, [
    {
      id: 'E-sheet-1',
      at: new Date(),
      client: clients.regular.name,
      clientId: clients.regular.resourceName,
      amount: 1234567.8,
      currency: 'RUB',
    },
  ]);
  const made = office.rpc.makeDocument({ event: 'E-sheet-1', template: 'invoice' });
  expect(made.template).toBe(id);
  expect(made.xlsx).toBeDefined();

  const pdf = pdfText(ws.drive.content(made.pdf)).replace(/\s+/g, ' ');
  expect(pdf).toContain('Петрова Анна');
  expect(pdf).toContain('1 234 567,80 RUB');
  expect(pdf).toContain('ООО «Ромашка», ИНН 7701234567');

  const book = XLSX.read(ws.drive.content(made.xlsx!), { type: 'array' });
  const sheet = book.Sheets[book.SheetNames[0]];
  expect(sheet.A1.v).toBe('Счёт № E-sheet-1');
  expect(sheet.B2.v).toBe('Петрова Анна');
  expect(String(sheet.B3.v).replace(/\s/g, ' ')).toBe('1 234 567,80 RUB');
  // A cell naming no field is left as the office typed it (a number stays a number).
  expect(sheet.B5.v).toBe(42);
  // The filled copy is gone; the template is as the office left it.
  expect(
    ws.drive.files({ trashed: false }).filter((f) => f.mimeType === SHEET && f.id !== office.spreadsheetId),
  ).toHaveLength(1);
});
