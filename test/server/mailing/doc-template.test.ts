// A mailing's template kept in a Google Doc the office edits: its first line is the subject, the rest the body, read
// through the Docs advanced service when the mailing is previewed or started — so an edit in the Doc is what goes out.
// With the drive.file scope the CRM reaches only Docs it made or the person picked for it: another Doc is refused in
// the office's words, nothing sent.

import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';

jest.setTimeout(60_000);

let office: Office;

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  const group = ws.people.insertGroup('Клуб', [], ws.clock.now()).resourceName;
  ws.people.seed(
    [1, 2].map((i) => ({
      names: [{ givenName: `Имя${i}`, familyName: `Член${i}` }],
      emailAddresses: [{ value: `m${i}@example.ru` }],
      memberships: [{ contactGroupMembership: { contactGroupResourceName: group } }],
    })),
    ws.clock.now(),
  );
  call(office.sheet, 'refreshIndexTrigger', {});
});

test('a picked Doc is the template (first line the subject); an edit is what goes out; an unpicked Doc is refused', () => {
  const ws = office.workspace;
  const doc = ws.drive.userCreateDoc('Письмо клубу', 'Встреча клуба\nДорогой {{givenName}}, ждём вас в субботу.');
  const url = `https://docs.google.com/document/d/${doc.id}/edit`;
  const input = { channel: 'email' as const, recipients: { label: 'Клуб' }, templateDoc: url };
  expect(() => office.rpc.previewMailing(input)).toThrow(
    /Не удалось прочитать Google-документ.*выбрали в Google Диске/,
  );

  ws.drive.userPick(doc.id, 'sheet');
  const preview = office.rpc.previewMailing(input);
  expect(preview.messages.map((m) => [m.to, m.subject, m.text])).toEqual([
    ['m1@example.ru', 'Встреча клуба', 'Дорогой Имя1, ждём вас в субботу.'],
    ['m2@example.ru', 'Встреча клуба', 'Дорогой Имя2, ждём вас в субботу.'],
  ]);

  ws.drive.userEditDoc(doc.id, 'Тема: Встреча переносится\nДорогой {{givenName}}, встреча в воскресенье.');
  const sent = office.rpc.startMailing(input);
  expect(sent).toMatchObject({ sent: 2, done: true });
  const mail = ws.gmail.sent().map((m) => [m.to, m.subject, m.plainBody]);
  expect(mail.sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
    ['m1@example.ru', 'Встреча переносится', 'Дорогой Имя1, встреча в воскресенье.'],
    ['m2@example.ru', 'Встреча переносится', 'Дорогой Имя2, встреча в воскресенье.'],
  ]);
});

test('a typed template saved as a Doc is the CRM own (no pick needed): the mailing reads it, and the office edits it', () => {
  const ws = office.workspace;
  const saved = office.rpc.saveMailingTemplate({
    channel: 'email',
    subject: 'Новости клуба',
    body: 'Здравствуйте, {{givenName}}!\nВ субботу открытая тренировка.',
  });
  expect(saved.url).toContain(saved.id);
  expect(ws.drive.docText(saved.id)).toContain('Subject: Новости клуба');
  const input = { channel: 'email' as const, recipients: { label: 'Клуб' }, templateDoc: saved.url };
  expect(office.rpc.previewMailing(input).messages[0]).toMatchObject({
    subject: 'Новости клуба',
    text: 'Здравствуйте, Имя1!\nВ субботу открытая тренировка.',
  });
  ws.drive.userEditDoc(saved.id, 'Subject: Новости клуба\nЗдравствуйте, {{givenName}}! Тренировка переносится.');
  expect(office.rpc.previewMailing(input).messages[0].text).toBe('Здравствуйте, Имя1! Тренировка переносится.');
  expect(() => office.rpc.saveMailingTemplate({ channel: 'email', body: 'Без темы' })).toThrow(/тем/i);
});
