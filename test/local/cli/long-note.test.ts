// Preview and import agree on a long note (issue 11, defect 8): a row whose card the import could not stage (a
// 60,000-character note) is refused by `crm preview` with its row and the numbers, counted as rejected, and the import
// through the built bundle then takes the other rows instead of failing on it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { importFile } from '../../../src/local/import-driver';
import { testOffice } from '../../support/office';
import { runCli, tempDir } from './run-cli';

const csv = [
  'Имя,Телефон,Заметка',
  'Анна Иванова,+79161234501,Постоянный клиент',
  `Борис Петров,+79161234502,${'Длинная история переписки. '.repeat(2300)}`,
].join('\r\n');

test('a 60,000-character note is refused at preview, as the import would, and the import takes the rest', async () => {
  expect(csv.length).toBeGreaterThan(60_000);
  const dir = tempDir();
  try {
    const file = path.join(dir, 'long-note.csv');
    fs.writeFileSync(file, csv);
    const run = await runCli(dir, 'preview', file, '--json');
    expect(run.code).toBe(0);
    const p = run.json<{
      summary: { rows: number; create: number; rejected: number };
      errors: Array<{ row: number; message: string }>;
    }>();
    expect(p.summary).toMatchObject({ rows: 2, create: 1, rejected: 1 });
    const error = p.errors.find((e) => e.row === 3);
    // The CLI speaks the office's language (Russian by default).
    expect(error?.message).toMatch(
      /^Карточка клиента — \d+ символов \(одна заметка — 6\d{4}\); карточка вмещает не больше 50000/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const office = testOffice();
  office.rpc.runSetup();
  const result = importFile(office, { bytes: new TextEncoder().encode(csv), fileName: 'long-note.csv' });
  expect(result.status).toBe('done');
  expect(result.created).toBe(1);
  expect(office.workspace.people.allContacts().map((c) => c.names?.[0]?.givenName)).toEqual(['Анна']);
});

test('`crm export --format xlsx` lists the notes it cut (JSON `cut` and `warnings`) and says so on stderr', async () => {
  const dir = tempDir();
  try {
    // 40,000 characters: a card may hold it (the limit is 50,000), an Excel cell may not (32,767).
    const story = 'Длинная история переписки. '.repeat(1500);
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(
      file,
      ['Имя,Телефон,Заметка', 'Анна Иванова,+79161234501,коротко', `Борис Петров,+79161234502,${story}`].join('\r\n'),
    );
    expect((await runCli(dir, 'import', file)).code).toBe(0);
    const out = path.join(dir, 'clients.xlsx');
    const run = await runCli(dir, 'export', '--format', 'xlsx', '--out', out);
    expect(run.code).toBe(0);
    const result = run.json<{ contacts: number; cut: Array<{ row: number; column: string }>; warnings: string[] }>();
    expect(result.contacts).toBe(2);
    expect(result.cut).toHaveLength(1);
    expect(result.cut[0].column).toBe('Комментарий');
    const row = result.cut[0].row;
    expect(result.warnings).toEqual([
      `Обрезано до 32 767 символов (больше ячейка Excel не вмещает) в столбце «Комментарий»: 1 (строка ${row}); ` +
        'полный текст остаётся в Google Контактах.',
    ]);
    expect(run.stderr).toBe(`${result.warnings[0]}\n`);
    expect(fs.existsSync(out)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
