// The Docs advanced service (v1) over the account's Drive, Drive files.copy of Docs and Sheets, the Drive export and
// download endpoints over UrlFetchApp with ScriptApp.getOAuthToken(), and MailApp attachments: what product code
// (documents from templates, mailings from a Doc) relies on, with Google's refusals.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { GoogleJsonResponseException, loadProject, UiHost, Workspace } from 'workspace-emulator';
import { pdfText } from '../../support/pdf-text';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = [
  `${AUTH}drive.file`,
  `${AUTH}script.external_request`,
  `${AUTH}script.send_mail`,
  `${AUTH}spreadsheets`,
];
const SERVICES = [
  { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
  { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
];
const DOC = 'application/vnd.google-apps.document';
const SHEET = 'application/vnd.google-apps.spreadsheet';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type G = {
  Docs: GoogleAppsScript.Docs;
  Drive: GoogleAppsScript.Drive;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
};

function setup(oauthScopes: string[] | undefined = SCOPES) {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T03:00:00Z' });
  const g = ws.globals({
    project: 'crm',
    htmlFiles: {},
    ui: new UiHost(),
    advancedServices: SERVICES,
    oauthScopes,
  }) as G;
  const run = <T>(fn: () => T): T => {
    const r = ws.run('script', 'test', fn, 'crm');
    if (r.error) throw r.error;
    return r.result as T;
  };
  const exportUrl = (id: string, type: string) =>
    `https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=${encodeURIComponent(type)}`;
  const fetchExport = (id: string, type: string, token = g.ScriptApp.getOAuthToken()) =>
    g.UrlFetchApp.fetch(exportUrl(id, type), {
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    });
  return { ws, ...g, run, exportUrl, fetchExport };
}

function googleError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

/** The body text of a Document resource, as Documents.get gives it. */
function bodyText(doc: GoogleAppsScript.Docs.Schema.Document): string {
  return (doc.body?.content ?? [])
    .flatMap((e) => e.paragraph?.elements ?? [])
    .map((e) => e.textRun?.content ?? '')
    .join('');
}

describe('Docs.Documents: create, get, batchUpdate', () => {
  it('creates a blank Doc that Drive lists as the project’s file, with Google’s index structure', () => {
    const { Docs, Drive, ws, run } = setup();
    const created = run(() => Docs.Documents!.create({ title: 'Счёт — шаблон' }));
    expect(created.title).toBe('Счёт — шаблон');
    expect(created.body!.content![0]).toEqual(
      expect.objectContaining({ endIndex: 1, sectionBreak: expect.any(Object) }),
    );
    expect(created.body!.content![1]).toEqual(
      expect.objectContaining({ startIndex: 1, endIndex: 2, paragraph: expect.any(Object) }),
    );
    const listed = run(() => Drive.Files!.list({ q: `mimeType = '${DOC}'`, fields: 'files(id,name,mimeType)' }));
    expect(listed.files).toEqual([{ id: created.documentId, name: 'Счёт — шаблон', mimeType: DOC }]);
    expect(ws.drive.files({ mimeType: DOC })[0]).toEqual(expect.objectContaining({ ownerProject: 'crm' }));
    expect(ws.drive.files({ mimeType: DOC })[0].size).toBeUndefined();
  });

  it('inserts, replaces all (with counts) and deletes in one batch, in order; the doc reads back the result', () => {
    const { Docs, ws, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'Offer' })).documentId!;
    const res = run(() =>
      Docs.Documents!.batchUpdate(
        {
          requests: [
            { insertText: { location: { index: 1 }, text: 'Уважаемый {{name}}!\nСумма: {{amount}} ₽\nXX' } },
            { replaceAllText: { containsText: { text: '{{NAME}}', matchCase: false }, replaceText: 'Иван Иванов' } },
            { replaceAllText: { containsText: { text: '{{missing}}', matchCase: true }, replaceText: '—' } },
            { replaceAllText: { containsText: { text: '{{amount}}', matchCase: true }, replaceText: '15 000,00' } },
            { deleteContentRange: { range: { startIndex: 43, endIndex: 45 } } },
          ],
        },
        id,
      ),
    );
    expect(res.replies).toEqual([
      {},
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: {} },
      { replaceAllText: { occurrencesChanged: 1 } },
      {},
    ]);
    expect(res.documentId).toBe(id);
    const doc = run(() => Docs.Documents!.get(id));
    expect(bodyText(doc)).toBe('Уважаемый Иван Иванов!\nСумма: 15 000,00 ₽\n\n');
    expect(ws.drive.docText(id)).toBe('Уважаемый Иван Иванов!\nСумма: 15 000,00 ₽\n');
    const paras = doc.body!.content!.filter((e) => e.paragraph);
    expect(paras.map((p) => [p.startIndex, p.endIndex])).toEqual([
      [1, 24],
      [24, 43],
      [43, 44],
    ]);
  });

  it('refuses an invalid request and applies nothing of the batch', () => {
    const { Docs, ws, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'T' })).documentId!;
    run(() => Docs.Documents!.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'abc' } }] }, id));
    const past = googleError(() =>
      run(() =>
        Docs.Documents!.batchUpdate(
          {
            requests: [
              { insertText: { location: { index: 1 }, text: 'zzz' } },
              { insertText: { location: { index: 50 }, text: 'x' } },
            ],
          },
          id,
        ),
      ),
    );
    expect(past.message).toBe(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[1].insertText: Index 50 must be less than the end index of the referenced segment, 8.',
    );
    expect(past.details.code).toBe(400);
    expect(ws.drive.docText(id)).toBe('abc');
    const newline = googleError(() =>
      run(() =>
        Docs.Documents!.batchUpdate(
          { requests: [{ deleteContentRange: { range: { startIndex: 1, endIndex: 5 } } }] },
          id,
        ),
      ),
    );
    expect(newline.message).toMatch(
      /requests\[0\]\.deleteContentRange: The range cannot include the newline character/,
    );
    const unknown = googleError(() =>
      run(() => Docs.Documents!.batchUpdate({ requests: [{ insertTable: { rows: 2, columns: 2 } } as never] }, id)),
    );
    expect(unknown.message).toMatch(/insertTable is not emulated/);
  });

  it('with drive.file reaches only the project’s Docs: a Doc the person made is refused, a missing one is 404', () => {
    const { Docs, ws, run } = setup();
    const theirs = ws.drive.userCreateDoc('Мой шаблон', 'Текст');
    const denied = googleError(() => run(() => Docs.Documents!.get(theirs.id)));
    expect(denied.details).toEqual(expect.objectContaining({ code: 403, status: 'PERMISSION_DENIED' }));
    expect(denied.message).toBe(
      'API call to docs.documents.get failed with error: The caller does not have permission',
    );
    const missing = googleError(() => run(() => Docs.Documents!.get('1nope')));
    expect(missing.details.code).toBe(404);
    // Without a Drive or Docs scope in the manifest nothing is reachable at all.
    const bare = setup([`${AUTH}spreadsheets`]);
    const noScope = googleError(() => bare.run(() => bare.Docs.Documents!.create({ title: 'x' })));
    expect(noScope.details.code).toBe(403);
    expect(noScope.message).toMatch(/insufficient authentication scopes/);
  });
});

describe('Docs quotas and persistence', () => {
  it('refuses the 61st write of a minute with Google’s 429, and takes writes again the next minute', () => {
    const { ws, Docs, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'q' })).documentId!;
    const insert = { requests: [{ insertText: { endOfSegmentLocation: {}, text: 'x' } }] };
    ws.clock.advance(60_000 - (ws.clock.now() % 60_000));
    for (let i = 0; i < 60; i++) Docs.Documents!.batchUpdate(insert, id);
    const e = googleError(() => Docs.Documents!.batchUpdate(insert, id));
    expect(e.details.code).toBe(429);
    expect(e.message).toMatch(/'Write requests per minute per user' of service 'docs.googleapis.com'/);
    expect(ws.drive.docText(id)).toBe('x'.repeat(60));
    // Reads have their own, larger quota.
    expect(bodyText(Docs.Documents!.get(id))).toBe(`${'x'.repeat(60)}\n`);
    ws.clock.advance(60_000);
    Docs.Documents!.batchUpdate(insert, id);
    expect(ws.drive.docText(id)).toBe('x'.repeat(61));
  });

  it('counts each call with its bytes; an injected quota fault is the Docs API’s 429 and writes nothing', () => {
    const { ws, Docs, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'f' })).documentId!;
    ws.faults.add({ service: 'Docs.Documents.batchUpdate', kind: 'quota', nth: [1] });
    const e = googleError(() =>
      run(() => Docs.Documents!.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'a' } }] }, id)),
    );
    expect(e.details.code).toBe(429);
    expect(e.message).toMatch(/docs\.googleapis\.com/);
    expect(ws.drive.docText(id)).toBe('');
    const calls = ws.calls.all().filter((c) => c.service.startsWith('Docs.'));
    expect(calls.map((c) => [c.service, !!c.failed])).toEqual([
      ['Docs.Documents.create', false],
      ['Docs.Documents.batchUpdate', true],
    ]);
    expect(calls[0].bytes).toBeGreaterThan(100);
  });

  it('a Doc survives the state folder: another process reads and edits what this one wrote', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-'));
    const open = () => {
      const ws = Workspace.open(dir, { clockStart: '2026-03-02T03:00:00Z' });
      const g = ws.globals({ project: 'crm', htmlFiles: {}, ui: new UiHost(), advancedServices: SERVICES }) as G;
      return { ws, Docs: g.Docs };
    };
    const a = open();
    const id = a.ws.transaction(() => {
      const doc = a.Docs.Documents!.create({ title: 'Шаблон' });
      a.Docs.Documents!.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'Привет, {{name}}' } }] },
        doc.documentId!,
      );
      return doc.documentId!;
    });
    a.ws.close();
    const b = open();
    b.ws.transaction(() =>
      b.Docs.Documents!.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{name}}' }, replaceText: 'Анна' } }] },
        id,
      ),
    );
    expect(b.ws.transaction(() => b.ws.drive.docText(id))).toBe('Привет, Анна');
    b.ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('files the person picked (Google Picker) for the project', () => {
  it('drive.file reaches a Doc and a Sheet the person made once they are picked for this project, not for another', () => {
    const { ws, Docs, Drive, run, fetchExport } = setup();
    const doc = ws.drive.userCreateDoc('Наш шаблон счёта', 'Счёт для {{client.name}}');
    const sheetId = ws.spreadsheets.create('Наш счёт', { timeZone: 'Europe/Moscow', locale: 'ru' });
    ws.drive.userAddSpreadsheet(sheetId, 'Наш счёт');
    expect(googleError(() => run(() => Drive.Files!.copy({}, sheetId))).details.code).toBe(404);
    ws.drive.userPick(doc.id, 'other-project');
    expect(googleError(() => run(() => Docs.Documents!.get(doc.id))).details.code).toBe(403);
    ws.drive.userPick(doc.id, 'crm');
    ws.drive.userPick(sheetId, 'crm');
    expect(bodyText(run(() => Docs.Documents!.get(doc.id)))).toBe('Счёт для {{client.name}}\n');
    expect(run(() => fetchExport(doc.id, 'text/plain')).getContentText()).toBe('Счёт для {{client.name}}\n');
    expect(run(() => Drive.Files!.copy({ name: 'Счёт 1' }, sheetId)).mimeType).toBe(SHEET);
  });
});

describe('Drive files.copy', () => {
  it('copies a Doc into a folder: the copy is the project’s, its own body, edits apart from the original', () => {
    const { Docs, Drive, ws, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'Template' })).documentId!;
    run(() =>
      Docs.Documents!.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'Hello {{x}}' } }] }, id),
    );
    const folder = run(() =>
      Drive.Files!.create({ name: 'CRM documents', mimeType: 'application/vnd.google-apps.folder' }),
    );
    const copy = run(() =>
      Drive.Files!.copy({ name: 'Invoice 12', parents: [folder.id!] }, id, { fields: 'id,name,mimeType,parents' }),
    );
    expect(copy).toEqual({ id: copy.id, name: 'Invoice 12', mimeType: DOC, parents: [folder.id] });
    run(() =>
      Docs.Documents!.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{x}}' }, replaceText: 'world' } }] },
        copy.id!,
      ),
    );
    expect(ws.drive.docText(copy.id!)).toBe('Hello world');
    expect(ws.drive.docText(id)).toBe('Hello {{x}}');
    expect(run(() => Drive.Files!.copy({}, id)).name).toBe('Copy of Template');
  });

  it('copies a Sheet the project made through Drive: a new spreadsheet SpreadsheetApp opens', () => {
    const { Drive, SpreadsheetApp, ws, run } = setup();
    const made = run(() => Drive.Files!.create({ name: 'Invoice template', mimeType: SHEET }));
    ws.spreadsheets.editByUser(made.id!, ws.spreadsheets.get(made.id!).sheets[0].name, 1, 1, 'Итого');
    const copy = run(() => Drive.Files!.copy({ name: 'Invoice 12' }, made.id!));
    expect(run(() => SpreadsheetApp.openById(copy.id!).getSheets()[0].getRange('A1').getValue())).toBe('Итого');
    expect(copy.id).not.toBe(made.id);
  });

  it('a Sheets copy is filled with one findReplace batch (replies count what changed) and exports as xlsx', () => {
    const { Drive, ws, run, fetchExport } = setup();
    const g = ws.globals({
      project: 'crm',
      htmlFiles: {},
      ui: new UiHost(),
      advancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
      oauthScopes: SCOPES,
    }) as { Sheets: GoogleAppsScript.Sheets };
    const made = run(() => Drive.Files!.create({ name: 'Invoice template', mimeType: SHEET }));
    const sheet = ws.spreadsheets.get(made.id!).sheets[0].name;
    ws.spreadsheets.editByUser(made.id!, sheet, 1, 1, 'Счёт для {{client.name}}');
    ws.spreadsheets.editByUser(made.id!, sheet, 2, 1, 'Сумма: {{order.amount}}');
    ws.spreadsheets.editByUser(made.id!, sheet, 3, 1, '{{CLIENT.NAME}}');
    const copy = run(() => Drive.Files!.copy({ name: 'Invoice 1' }, made.id!));
    const res = run(() =>
      g.Sheets.Spreadsheets!.batchUpdate(
        {
          requests: [
            { findReplace: { find: '{{client.name}}', replacement: 'Иванов Иван', allSheets: true, matchCase: true } },
            { findReplace: { find: '{{order.amount}}', replacement: '15 000,00', allSheets: true } },
            { findReplace: { find: '{{nothing}}', replacement: 'x', allSheets: true } },
          ],
        },
        copy.id!,
      ),
    );
    expect(res.replies).toEqual([
      { findReplace: { valuesChanged: 1, occurrencesChanged: 1, rowsChanged: 1, sheetsChanged: 1 } },
      { findReplace: { valuesChanged: 1, occurrencesChanged: 1, rowsChanged: 1, sheetsChanged: 1 } },
      { findReplace: {} },
    ]);
    expect(ws.spreadsheets.values(copy.id!, sheet)).toEqual([
      ['Счёт для Иванов Иван'],
      ['Сумма: 15 000,00'],
      ['{{CLIENT.NAME}}'],
    ]);
    expect(ws.spreadsheets.values(made.id!, sheet)[0]).toEqual(['Счёт для {{client.name}}']);
    const x = run(() => fetchExport(copy.id!, XLSX_TYPE));
    const book = XLSX.read(Buffer.from(x.getContent().map((b) => b & 0xff)), { type: 'buffer' });
    expect(book.Sheets[book.SheetNames[0]].A1.v).toBe('Счёт для Иванов Иван');
  });

  it('refuses a file the person made (drive.file) with Drive’s 404', () => {
    const { Drive, ws, run } = setup();
    const theirs = ws.drive.userCreateDoc('Their doc', 'x');
    const e = googleError(() => run(() => Drive.Files!.copy({}, theirs.id)));
    expect(e.message).toBe(`API call to drive.files.copy failed with error: File not found: ${theirs.id}.`);
  });
});

describe('Drive export over UrlFetchApp with ScriptApp.getOAuthToken()', () => {
  it('exports a Doc as a PDF whose text is the Doc’s, Cyrillic and Georgian included, on A4 pages', () => {
    const { Docs, run, fetchExport } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'Счёт № 12' })).documentId!;
    const long = 'Строка для переноса по словам. '.repeat(400);
    run(() =>
      Docs.Documents!.batchUpdate(
        {
          requests: [
            { insertText: { location: { index: 1 }, text: `Счёт № 12 — Иванов Иван\n15 000,00 ₽ ქართული\n${long}` } },
          ],
        },
        id,
      ),
    );
    const res = run(() => fetchExport(id, 'application/pdf'));
    expect(res.getResponseCode()).toBe(200);
    expect((res.getHeaders() as Record<string, string>)['Content-Type']).toBe('application/pdf');
    const bytes = new Uint8Array(res.getContent().map((b) => b & 0xff));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Счёт № 12 — Иванов Иван');
    expect(text).toContain('15 000,00 ₽ ქართული');
    expect(text.split('\f').length).toBeGreaterThan(1);
  });

  it('answers 401 without a token or with a made-up one, 404 for a file drive.file does not reach', () => {
    const { ws, UrlFetchApp, run, exportUrl, fetchExport } = setup();
    const theirs = ws.drive.userCreateDoc('Theirs', 'x');
    const none = run(() => UrlFetchApp.fetch(exportUrl(theirs.id, 'application/pdf'), { muteHttpExceptions: true }));
    expect(none.getResponseCode()).toBe(401);
    expect(JSON.parse(none.getContentText()).error.errors[0].reason).toBe('required');
    expect(run(() => fetchExport(theirs.id, 'application/pdf', 'ya29.forged')).getResponseCode()).toBe(401);
    const hidden = run(() => fetchExport(theirs.id, 'application/pdf'));
    expect(hidden.getResponseCode()).toBe(404);
    expect(JSON.parse(hidden.getContentText()).error.message).toBe(`File not found: ${theirs.id}.`);
    // Unmuted, UrlFetchApp throws as for any 4xx.
    expect(() => run(() => UrlFetchApp.fetch(exportUrl(theirs.id, 'application/pdf')))).toThrow(/returned code 401/);
  });

  it('a token expires after an hour of virtual time', () => {
    const { ws, Docs, ScriptApp, run, fetchExport } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'x' })).documentId!;
    const token = run(() => ScriptApp.getOAuthToken());
    ws.clock.advance(3600_000);
    expect(run(() => fetchExport(id, 'application/pdf', token)).getResponseCode()).toBe(401);
  });

  it('exports a Sheet as xlsx SheetJS reads and as a PDF of its grid; a PDF cannot be exported, only downloaded', () => {
    const { ws, Drive, UrlFetchApp, ScriptApp, run, fetchExport } = setup();
    const made = run(() => Drive.Files!.create({ name: 'Invoice', mimeType: SHEET }));
    const sheet = ws.spreadsheets.get(made.id!).sheets[0].name;
    ws.spreadsheets.editByUser(made.id!, sheet, 1, 1, 'Клиент');
    ws.spreadsheets.editByUser(made.id!, sheet, 1, 2, 'Иванов Иван');
    ws.spreadsheets.editByUser(made.id!, sheet, 2, 1, 'Сумма');
    ws.spreadsheets.editByUser(made.id!, sheet, 2, 2, '15000');
    const x = run(() => fetchExport(made.id!, XLSX_TYPE));
    expect(x.getResponseCode()).toBe(200);
    const book = XLSX.read(Buffer.from(x.getContent().map((b) => b & 0xff)), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 })).toEqual([
      ['Клиент', 'Иванов Иван'],
      ['Сумма', 15000],
    ]);
    const pdf = run(() => fetchExport(made.id!, 'application/pdf'));
    expect(pdfText(new Uint8Array(pdf.getContent().map((b) => b & 0xff)))).toContain('Клиент Иванов Иван');
    // Save the PDF to Drive, then download it back with alt=media.
    const saved = run(() => Drive.Files!.create({ name: 'Invoice.pdf', mimeType: 'application/pdf' }, pdf.getBlob()));
    const again = run(() => fetchExport(saved.id!, 'application/pdf'));
    expect(again.getResponseCode()).toBe(403);
    expect(JSON.parse(again.getContentText()).error.errors[0].reason).toBe('fileNotExportable');
    const down = run(() =>
      UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${saved.id}?alt=media`, {
        headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      }),
    );
    expect(down.getContent()).toEqual(pdf.getContent());
    const conv = run(() => fetchExport(made.id!, 'image/png'));
    expect(JSON.parse(conv.getContentText()).error.message).toBe('The requested conversion is not supported.');
  });

  it('Drive.Files.export through the advanced service fails as in live Apps Script', () => {
    const { Docs, Drive, run } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'x' })).documentId!;
    const e = googleError(() => run(() => Drive.Files!.export(id, 'application/pdf')));
    expect(e.message).toBe(
      'API call to drive.files.export failed with error: Export requires alt=media to download the exported content.',
    );
  });
});

describe('MailApp attachments', () => {
  it('keeps the attached PDF on the sent record, and refuses more than 25 MB in all', () => {
    const { ws, Docs, MailApp, run, fetchExport } = setup();
    const id = run(() => Docs.Documents!.create({ title: 'Счёт' })).documentId!;
    run(() =>
      Docs.Documents!.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'Счёт для Иванова' } }] },
        id,
      ),
    );
    run(() => {
      const pdf = fetchExport(id, 'application/pdf').getBlob().setName('Счёт 12.pdf');
      MailApp.sendEmail('client@example.com', 'Счёт', 'Во вложении.', { attachments: [pdf] });
    });
    const [sent] = ws.gmail.sent();
    expect(sent.attachments).toHaveLength(1);
    expect(sent.attachments![0]).toEqual(
      expect.objectContaining({ name: 'Счёт 12.pdf', contentType: 'application/pdf' }),
    );
    expect(pdfText(Buffer.from(sent.attachments![0].content, 'base64'))).toContain('Счёт для Иванова');
    const { Utilities } = ws.globals({ project: 'crm', htmlFiles: {}, ui: new UiHost() }) as {
      Utilities: GoogleAppsScript.Utilities.Utilities;
    };
    const big = Utilities.newBlob('A'.repeat(26 * 1024 * 1024), 'application/octet-stream', 'big.bin');
    expect(() => run(() => MailApp.sendEmail('client@example.com', 'x', 'y', { attachments: [big] }))).toThrow(
      'Limit Exceeded: Email Total Attachments Size.',
    );
    expect(ws.gmail.sent()).toHaveLength(1);
  });
});

describe('in a loaded project (the bundle’s V8 context)', () => {
  const CODE = `
    function invoice(name) {
      var id = Docs.Documents.create({ title: 'Invoice template' }).documentId;
      Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'Счёт для {{name}}' } }] }, id);
      var copy = Drive.Files.copy({ name: 'Invoice 1' }, id, { fields: 'id' });
      var r = Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{name}}', matchCase: true }, replaceText: name } }] }, copy.id);
      var url = 'https://www.googleapis.com/drive/v3/files/' + copy.id + '/export?mimeType=application/pdf';
      var pdf = UrlFetchApp.fetch(url, { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } }).getBlob().setName('Invoice 1.pdf');
      var saved = Drive.Files.create({ name: 'Invoice 1.pdf', mimeType: 'application/pdf' }, pdf, { fields: 'id,size' });
      Drive.Files.remove(copy.id);
      MailApp.sendEmail({ to: 'client@example.com', subject: 'Счёт', body: 'Во вложении.', attachments: [pdf] });
      return [r.replies[0].replaceAllText.occurrencesChanged, saved.size > 1000];
    }`;

  it('fills a copy, exports it, saves and mails the PDF: the script sees Google’s shapes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-project-'));
    try {
      fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
      fs.writeFileSync(
        path.join(dir, 'appsscript.json'),
        JSON.stringify({
          timeZone: 'Europe/Moscow',
          runtimeVersion: 'V8',
          dependencies: { enabledAdvancedServices: SERVICES },
          oauthScopes: SCOPES,
        }),
      );
      const ws = Workspace.inMemory({ clockStart: '2026-03-02T03:00:00Z' });
      const p = loadProject(ws, dir, { project: 'sheet' });
      const run = p.invoke('invoice', ['Иванов Иван']);
      expect(run.error).toBeUndefined();
      expect(run.result).toEqual([1, true]);
      expect(ws.drive.files({ mimeType: DOC }).map((f) => f.name)).toEqual(['Invoice template']);
      const [saved] = ws.drive.files({ mimeType: 'application/pdf' });
      expect(pdfText(ws.drive.content(saved.id))).toContain('Счёт для Иванов Иван');
      expect(pdfText(Buffer.from(ws.gmail.sent()[0].attachments![0].content, 'base64'))).toContain('Иванов Иван');
      // What the run cost: create, 2 batchUpdates, copy, one fetch, create, remove, sendEmail.
      expect(run.report.serviceCalls).toBe(8);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
