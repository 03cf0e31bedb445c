// The demo office `npm start` creates on first start: a small salon-and-sales office with three managers, ~50 clients
// across labels, a few hundred past events, planned ones due today and overdue, a few e-mails from clients and one
// from a stranger, and a messy Excel base ready to import. Deterministic: the same office every time.

import * as path from 'node:path';
import { locateColumns } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import { createPeople } from '../emulator/people/service';
import { createSpreadsheetApp, Spreadsheet, UiHost } from '../emulator/spreadsheet/service';
import type { Office } from '../office';
import { writeOfficeBase } from '../demo/office-base';
import { invokeEntryPoint } from '../gas/server-rpc';

const FAMILY = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
];
const GIVEN_M = ['Иван', 'Сергей', 'Андрей', 'Алексей', 'Дмитрий', 'Михаил', 'Николай', 'Павел', 'Олег', 'Виктор'];
const GIVEN_F = ['Анна', 'Ольга', 'Елена', 'Мария', 'Наталья', 'Ирина', 'Татьяна', 'Светлана', 'Юлия', 'Екатерина'];
const MIDDLE_M = ['Иванович', 'Сергеевич', 'Петрович', 'Алексеевич', 'Николаевич'];
const MIDDLE_F = ['Ивановна', 'Сергеевна', 'Петровна', 'Алексеевна', 'Николаевна'];
const LABELS = ['VIP', 'Новый', 'Постоянный', 'Опт', 'Розница'];
const KINDS = ['Звонок', 'Встреча', 'E-mail', 'Визит', 'SMS'];
const REASONS = [
  'Предварительные переговоры',
  'Заключение договора',
  'Презентация',
  'Заказ',
  'Оплата',
  'Интерес',
  'Обучение',
];
export const DEMO_STAFF = [
  ['Ольга Смирнова', 'olga@example.com', 'Руководитель', '', true],
  ['Дмитрий Ковалёв', 'dmitry@example.com', 'Менеджер', 'olga@example.com', true],
  ['Нино Беридзе', 'nino@example.com', 'Менеджер', 'olga@example.com', false],
] as const;

function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoClient {
  resourceName: string;
  name: string;
  email: string;
  phone: string;
  manager: string;
}

/** The one deterministic source of the demo's variety: every choice below draws from it, in a fixed order. */
interface Dice {
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
}

type Workspace = Office['workspace'];

export function seedDemoOffice(office: Office, dir: string): string {
  const ws = office.workspace;
  const random = generator(7);
  const dice: Dice = { random, pick: (list) => list[Math.floor(random() * list.length)] };

  office.rpc.runSetup();

  const clients = createDemoClients(ws, dice);
  const app = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  });
  const ss = app.openById(office.spreadsheetId);
  writeDemoStaff(ss);
  const eventCount = writeDemoEvents(ss, clients, ws.clock, dice);
  const mailCount = addDemoMail(ws, clients);

  const base = writeOfficeBase(path.join(dir, 'import'));
  // The daily routine would build the Gmail card's index overnight; the demo builds it now, over the demo clients.
  const index = invokeEntryPoint(office.sheet, 'refreshIndexTrigger', [{}]);
  if (index.error) throw index.error;
  ws.calls.reset();
  ws.save();
  return `${clients.length} clients, ${eventCount} events, ${mailCount} e-mails, an Excel base to import at ${path.relative(process.cwd(), base.xlsx)}`;
}

/** Fifty clients across the labels, each with a manager, created in one batch as the CRM's import would. */
function createDemoClients(ws: Workspace, dice: Dice): DemoClient[] {
  const people = createPeople(ws.people, ws.ctx);
  const groups: Record<string, string> = {};
  for (const name of LABELS)
    groups[name] = String(people.ContactGroups!.create({ contactGroup: { name } }).resourceName);
  const persons = Array.from({ length: 50 }, (_, i) => demoPerson(i, groups[LABELS[i % LABELS.length]], dice));
  const created = people.People!.batchCreateContacts({
    contacts: persons.map((contactPerson) => ({ contactPerson })),
    readMask: 'names,emailAddresses,phoneNumbers,userDefined',
  });
  return (created.createdPeople ?? []).map((r) => {
    const p = r.person ?? {};
    const n = p.names?.[0];
    return {
      resourceName: String(p.resourceName),
      name: [n?.familyName, n?.givenName, n?.middleName].filter(Boolean).join(' '),
      email: String(p.emailAddresses?.[0]?.value),
      phone: String(p.phoneNumbers?.[0]?.value),
      manager: String(p.userDefined?.[0]?.value),
    };
  });
}

function demoPerson(i: number, group: string, dice: Dice) {
  const female = i % 2 === 1;
  const family = FAMILY[i % FAMILY.length] + (female ? 'а' : '');
  const given = female ? GIVEN_F[i % GIVEN_F.length] : GIVEN_M[i % GIVEN_M.length];
  const middle = female ? dice.pick(MIDDLE_F) : dice.pick(MIDDLE_M);
  const phone = `+7 9${String(10 + (i % 89)).padStart(2, '0')} ${String(100 + i * 7).slice(-3)}-${String(10 + i).slice(-2)}-${String(20 + ((i * 3) % 79)).slice(-2)}`;
  const manager = DEMO_STAFF[i % DEMO_STAFF.length][0];
  return {
    names: [{ familyName: family, givenName: given, middleName: middle }],
    phoneNumbers: [{ value: phone, type: 'mobile' }],
    emailAddresses: [{ value: `client${i + 1}@example.ru` }],
    birthdays: i % 3 === 0 ? [{ date: { year: 1970 + (i % 30), month: 1 + (i % 12), day: 1 + (i % 28) } }] : undefined,
    organizations: i % 4 === 0 ? [{ name: `ООО «${family}»`, title: 'Директор' }] : undefined,
    userDefined: [{ key: 'Менеджер', value: manager }],
    biographies: i % 5 === 0 ? [{ value: 'Предпочитает звонки после обеда.', contentType: 'TEXT_PLAIN' }] : undefined,
    memberships: [{ contactGroupMembership: { contactGroupResourceName: group } }],
    clientData: [{ key: 'crm.clientId', value: `c-demo-${i + 1}` }],
  };
}

function writeDemoStaff(ss: Spreadsheet): void {
  const staffTpl = template('staff');
  const staffSheet = ss.getSheets().find((s) => s.getName() === staffTpl.title.ru);
  if (!staffSheet) return;
  const at = locateColumns(staffTpl, staffSheet.getRange(1, 1, 1, staffSheet.getLastColumn()).getValues()[0]);
  const rows = DEMO_STAFF.map((member) => {
    const row: unknown[] = new Array(staffSheet.getLastColumn()).fill('');
    staffTpl.columns.forEach((c, i) => (row[at[c.key]] = member[i]));
    return row;
  });
  staffSheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows as never);
}

/** A few months of done events per client (some clients long quiet), and planned ones due today and overdue. */
function writeDemoEvents(ss: Spreadsheet, clients: DemoClient[], clock: Workspace['clock'], dice: Dice): number {
  const eventsTpl = template('events');
  const events = ss.getSheets().find((s) => s.getName() === eventsTpl.title.ru);
  if (!events) return 0;
  const width = events.getLastColumn();
  const at = locateColumns(eventsTpl, events.getRange(1, 1, 1, width).getValues()[0]);
  // Read after the header: the emulator's clock moves with each call, and the demo's dates follow it.
  const now = clock.now();
  const day = 24 * 3600 * 1000;
  const rows: unknown[][] = [];
  const add = (c: DemoClient, when: number, status: string, result: string) => {
    const row: unknown[] = new Array(width).fill('');
    const set = (key: string, v: unknown) => at[key] >= 0 && (row[at[key]] = v);
    set('id', `e-demo-${rows.length + 1}`);
    set('date', new Date(when));
    set('kind', dice.pick(KINDS));
    set('reason', dice.pick(REASONS));
    set('client', c.name);
    set('clientId', c.resourceName);
    // Sheets would read a leading + as a formula: the apostrophe keeps the phone as text.
    set('phone', `'${c.phone}`);
    set('manager', c.manager);
    set('result', result);
    set('status', status);
    set('createdBy', 'office@example.com');
    rows.push(row);
  };
  clients.forEach((c, i) => {
    // Some clients have gone quiet: their last event is long ago.
    const quiet = i % 9 === 0;
    const count = 4 + Math.floor(dice.random() * 6);
    for (let k = 0; k < count; k++) {
      const ago = quiet ? 120 + Math.floor(dice.random() * 200) : Math.floor(dice.random() * 100) + 1;
      add(
        c,
        now - ago * day - Math.floor(dice.random() * 8) * 3600 * 1000,
        'сделано',
        dice.pick(['Договорились о встрече', 'Отправлено КП', 'Клиент думает', 'Оплачено', 'Не дозвонились']),
      );
    }
  });
  for (let i = 0; i < 8; i++) add(clients[(i * 5) % clients.length], now + (i % 3) * 3600 * 1000, 'план', '');
  for (let i = 0; i < 6; i++) add(clients[(i * 7 + 3) % clients.length], now - (1 + i) * day, 'план', '');
  rows.sort((a, b) => (a[at.date] as Date).getTime() - (b[at.date] as Date).getTime());
  events.getRange(2, 1, rows.length, width).setValues(rows as never);
  return rows.length;
}

/** Three clients' messages and one stranger's, for the Gmail card. Returns how many. */
function addDemoMail(ws: Workspace, clients: DemoClient[]): number {
  const mail = [
    [clients[0], 'Вопрос по заказу', 'Добрый день! Когда будет готов наш заказ?'],
    [clients[5], 'Счёт на оплату', 'Пришлите, пожалуйста, счёт на оплату за март.'],
    [clients[12], 'Запись на приём', 'Можно записаться на четверг после обеда?'],
  ] as const;
  for (const [client, subject, body] of mail) {
    ws.gmail.addMessage({
      from: `${client.name} <${client.email}>`,
      to: 'office@example.com',
      subject,
      plainBody: body,
      date: ws.clock.now() - 3600 * 1000,
    });
  }
  ws.gmail.addMessage({
    from: 'Георгий Мчедлишвили <giorgi@example.ge>',
    to: 'office@example.com',
    subject: 'Сотрудничество',
    plainBody: 'Здравствуйте! Хотим обсудить оптовые поставки.',
    date: ws.clock.now() - 1800 * 1000,
  });
  return mail.length + 1;
}
