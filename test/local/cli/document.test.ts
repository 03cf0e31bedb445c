// `crm document --event ID --template invoice [--out FILE] [--send] --json` on a sandbox state folder: the PDF's Drive
// id and the event linking it, the bytes written with --out, the refusals (exit 2) naming what to fill in.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendOrderRows } from '../../../src/local/documents/order-row';
import { openOffice } from '../../../src/local/office';
import type { AddClientResult } from '../../../src/shared/clients-dto';
import type { DocumentResult, EmailDocumentResult } from '../../../src/shared/documents-dto';
import { pdfText } from '../../support/pdf-text';
import { runCli, tempDir } from './run-cli';

jest.setTimeout(120_000);

test('crm document makes the invoice PDF, links it from the event, writes it with --out; --send e-mails it', async () => {
  const dir = tempDir();
  const added = await runCli(dir, 'add-client', '--from', 'Петрова Анна <petrova@example.ru>', '--json');
  const client = added.json<AddClientResult>().client;
  const office = openOffice({ dir });
  office.workspace.transaction(() =>
    appendOrderRows(office, [
      { id: 'E-cli-1', at: new Date(), client: client.name, clientId: client.resourceName, amount: 2500.5 },
    ]),
  );

  // The office's requisites are not filled in yet: refused, exit 2, naming them and where they are set.
  const refused = await runCli(dir, 'document', '--event', 'E-cli-1', '--template', 'invoice', '--json');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('{{office.taxId}}');
  expect(refused.stderr).toContain('officeTaxId');

  const set = await runCli(
    dir,
    'settings',
    '--set',
    'officeName=ИП Сидоров',
    '--set',
    'officeTaxId=500100732259',
    '--set',
    'officeAddress=Тверь, ул. Советская, 1',
    '--set',
    'officeBank=Сбербанк, БИК 042809679',
    '--json',
  );
  expect(set.code).toBe(0);
  const out = path.join(dir, 'invoice.pdf');
  const made = await runCli(dir, 'document', '--event', 'E-cli-1', '--template', 'invoice', '--out', out, '--json');
  expect(made.code).toBe(0);
  const result = made.json<DocumentResult>();
  expect(result.event).toMatchObject({ id: 'E-cli-1', document: result.url });
  expect(result.url).toContain(result.pdf);
  const bytes = fs.readFileSync(out);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(bytes).replace(/\s+/g, ' ');
  expect(text).toContain('Петрова Анна');
  expect(text).toContain('2 500,50 RUB');
  expect(text).toContain('500100732259');

  const sent = await runCli(dir, 'document', '--event', 'E-cli-1', '--send', '--json');
  expect(sent.code).toBe(0);
  expect(sent.json<EmailDocumentResult>()).toMatchObject({ to: 'petrova@example.ru', pdf: result.pdf });

  const usage = await runCli(dir, 'document', '--event', 'E-cli-1', '--template', 'receipt', '--json');
  expect(usage.code).toBe(2);
});
