// The demo office `npm start` creates on first start: a beauty salon with an administrator and two masters, ~50
// clients across its categories, its own Lists (visits, calls, reminders; haircut, colouring, manicure…), months of
// past visits and the day's work at office hours in the office's zone (demo-schedule.ts), three birthdays this week,
// a few e-mails from clients and one from a stranger, and a messy Excel base ready to import. Deterministic: the same
// office for the same clock.

import * as path from 'node:path';
import { CellValue, sheetCell } from '../../core/sheets/cell-text';
import { locateColumns } from '../../core/sheets/template';
import { SheetKey, template } from '../../core/sheets/templates';
import { createPeople } from 'workspace-emulator';
import { createSpreadsheetApp, Spreadsheet, UiHost } from 'workspace-emulator';
import type { Office } from '../office';
import { writeOfficeBase } from '../demo/office-base';
import { invokeEntryPoint } from '../gas/server-rpc';
import {
  DEMO_KINDS,
  DEMO_REASONS,
  DEMO_ROLES,
  demoBirthday,
  DemoClient,
  demoSchedule,
  Dice,
  outsideWeek,
} from './demo-schedule';
import { DEMO_SMS } from '../sms/demo';
import { orderStateLabel } from '../../core/orders/state';
import type { OrderState } from '../../shared/events-dto';

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
/** The salon's categories (contact labels) and after how many days without a visit each counts as gone quiet. */
const LABELS: ReadonlyArray<readonly [string, number]> = [
  ['VIP', 30],
  ['Постоянный', 45],
  ['Новый', 14],
  ['Абонемент', 30],
  ['Разовый', 120],
];
/** What the office wrote in some clients' notes. */
const NOTES = [
  'Аллергия на аммиачные красители.',
  'Предпочитает утренние часы.',
  'Всегда к одному мастеру.',
  'Просит напоминать о записи сообщением.',
];
/** The salon's one number through its cloud PBX (the administrator answers it) and each member's extension. */
export const DEMO_LINE = '74951234567';
export const DEMO_STAFF = [
  ['Ольга Смирнова', 'olga@example.com', 'Администратор', '', true, '101', DEMO_LINE],
  ['Дмитрий Ковалёв', 'dmitry@example.com', 'Мастер', 'olga@example.com', true, '102', ''],
  ['Нино Беридзе', 'nino@example.com', 'Мастер', 'olga@example.com', false, '103', ''],
] as const;
/**
 * The demo office's Mango Office API key and salt (Settings → mangoApiKey / mangoApiSalt): the sandbox's "Simulate a
 * call" signs its Mango requests with them, as Mango signs with the office's.
 */
export const DEMO_MANGO = { apiKey: 'demo-mango-vpbx-key', apiSalt: 'demo-mango-salt' } as const;

/** The demo salon's own requisites (Settings office*): what its offers and invoices print. */
export const DEMO_REQUISITES = {
  officeName: 'ООО «Салон Лотос»',
  officeTaxId: '7701234567 / КПП 770101001',
  officeAddress: '125009, Москва, ул. Тверская, д. 7',
  officeBank: 'АО «Демо-Банк», БИК 044525999, р/с 40702810900000012345, к/с 30101810400000000999',
  officePhone: '+7 495 123-45-67',
  officeEmail: 'office@example.com',
} as const;

/** A few orders in every state, so the Client sidebar's money and the Reports' revenue show from the first start. */
const DEMO_ORDERS: Array<{ client: number; amount: number; state: OrderState; daysAgo: number; what: string }> = [
  { client: 0, amount: 4500, state: 'paid', daysAgo: 20, what: 'Уходовый набор' },
  { client: 0, amount: 12000, state: 'invoiced', daysAgo: 3, what: 'Абонемент на 10 процедур' },
  { client: 5, amount: 8000, state: 'offer', daysAgo: 2, what: 'Абонемент на маникюр' },
  { client: 12, amount: 3500, state: 'ordered', daysAgo: 1, what: 'Окрашивание' },
  { client: 7, amount: 2500, state: 'paid', daysAgo: 9, what: 'Стрижка и укладка' },
];

function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Workspace = Office['workspace'];

export function seedDemoOffice(office: Office, dir: string): string {
  // One transaction: any other process opening the folder sees the demo office whole, never half seeded.
  return office.workspace.transaction(() => seed(office, dir));
}

function seed(office: Office, dir: string): string {
  const ws = office.workspace;
  const random = generator(7);
  const dice: Dice = { random, pick: (list) => list[Math.floor(random() * list.length)] };

  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({
    mangoApiKey: DEMO_MANGO.apiKey,
    mangoApiSalt: DEMO_MANGO.apiSalt,
    // The sandbox's fake gateways' keys (local/sms/demo.ts); smsGateway stays none: mailings by SMS are dry runs.
    smsApiKey: DEMO_SMS.smsruApiId,
    smscLogin: DEMO_SMS.smscLogin,
    smscPassword: DEMO_SMS.smscPassword,
    // The salon's requisites, so an offer or invoice PDF can be made from the first start (Client sidebar, crm document).
    ...DEMO_REQUISITES,
  });
  if (!saved.ok)
    throw new Error(`The demo's Mango and SMS settings were refused: ${saved.errors.map((e) => e.message).join('; ')}`);

  const app = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  });
  const ss = app.openById(office.spreadsheetId);
  // The office's zone (setup wrote it into Settings → timeZone): the demo's hours and birthdays are its wall clock.
  const zone = ss.getSpreadsheetTimeZone();
  const clients = createDemoClients(ws, dice, zone);
  writeDemoStaff(ss);
  writeDemoReference(ss);
  const eventCount = writeDemoEvents(ss, clients, ws.clock, zone, dice);
  const mailCount = addDemoMail(ws, clients);

  const base = writeOfficeBase(path.join(dir, 'import'));
  // The daily routine would build the Gmail card's index overnight; the demo builds it now, over the demo clients.
  const index = invokeEntryPoint(office.sheet, 'refreshIndexTrigger', [{}]);
  if (index.error) throw index.error;
  // And the nightly refresh of the Reports sheet and the Dashboard (with its charts), so `npm start` shows them.
  const reports = invokeEntryPoint(office.sheet, 'refreshReportsTrigger', [{}]);
  if (reports.error) throw reports.error;
  ws.calls.reset();
  return `${clients.length} clients, ${eventCount} events, ${mailCount} e-mails, an Excel base to import at ${path.relative(process.cwd(), base.xlsx)}`;
}

/** Fifty clients across the labels, each with a manager, created in one batch as the CRM's import would. */
function createDemoClients(ws: Workspace, dice: Dice, zone: string): DemoClient[] {
  const people = createPeople(ws.people, ws.ctx);
  const groups: Record<string, string> = {};
  for (const [name] of LABELS)
    groups[name] = String(people.ContactGroups!.create({ contactGroup: { name } }).resourceName);
  const now = ws.clock.now();
  const persons = Array.from({ length: 50 }, (_, i) => {
    const person = demoPerson(i, groups[LABELS[i % LABELS.length][0]], dice);
    // Three birthdays this week (today, in two days, in five), everyone else's outside it.
    const week = (DEMO_ROLES.birthdays as readonly number[]).indexOf(i);
    const date =
      week >= 0
        ? demoBirthday(now, zone, [0, 2, 5][week], [1988, 1992, 1996][week])
        : person.birthdays && outsideWeek(now, zone, person.birthdays[0].date);
    return { ...person, birthdays: date ? [{ date }] : undefined };
  });
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
    userDefined: [{ key: 'Менеджер', value: manager }],
    biographies: i % 5 === 0 ? [{ value: dice.pick(NOTES), contentType: 'TEXT_PLAIN' }] : undefined,
    memberships: [{ contactGroupMembership: { contactGroupResourceName: group } }],
    clientData: [{ key: 'crm.clientId', value: `c-demo-${i + 1}` }],
  };
}

function writeDemoStaff(ss: Spreadsheet): void {
  const columns = template('staff').columns.map((c) => c.key);
  replaceRows(
    ss,
    'staff',
    DEMO_STAFF.map((member) => Object.fromEntries(columns.map((key, i) => [key, member[i]]))),
  );
}

/** A CRM sheet of the demo spreadsheet and where its template's columns are in its header row. */
function demoSheet(ss: Spreadsheet, key: SheetKey) {
  const tpl = template(key);
  const sheet = ss.getSheets().find((s) => s.getName() === tpl.title.ru);
  if (!sheet) return undefined;
  const width = sheet.getLastColumn();
  return { sheet, width, at: locateColumns(tpl, sheet.getRange(1, 1, 1, width).getValues()[0]) };
}

/** Writes rows of { column key: value } below the header, over what setup put there (the template's rows). */
function replaceRows(ss: Spreadsheet, key: SheetKey, records: Array<Record<string, unknown>>): void {
  const found = demoSheet(ss, key);
  if (!found) return;
  const { sheet, width, at } = found;
  const below = sheet.getLastRow() - 1;
  if (below > 0) sheet.getRange(2, 1, below, width).clearContent();
  const rows = records.map((record) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [k, v] of Object.entries(record)) if (at[k] >= 0) row[at[k]] = sheetCell(v as CellValue);
    return row;
  });
  if (rows.length) sheet.getRange(2, 1, rows.length, width).setValues(rows as never);
}

/** The salon's own Lists (no fax, no contracts) and its categories' quiet periods. */
function writeDemoReference(ss: Spreadsheet): void {
  const statuses = ['план', 'сделано', 'отменено'];
  const length = Math.max(DEMO_KINDS.length, DEMO_REASONS.length);
  replaceRows(
    ss,
    'lists',
    Array.from({ length }, (_, i) => ({
      kinds: DEMO_KINDS[i] ?? '',
      reasons: DEMO_REASONS[i] ?? '',
      statuses: statuses[i] ?? '',
    })),
  );
  replaceRows(
    ss,
    'labels',
    LABELS.map(([label, quietDays]) => ({ label, quietDays })),
  );
}

/** Months of visits per client (some long quiet), and the day's planned ones (demo-schedule.ts). */
function writeDemoEvents(
  ss: Spreadsheet,
  clients: DemoClient[],
  clock: Workspace['clock'],
  zone: string,
  dice: Dice,
): number {
  const found = demoSheet(ss, 'events');
  if (!found) return 0;
  const { sheet, width, at } = found;
  // Read after the header: the emulator's clock moves with each call, and the demo's dates follow it.
  const now = clock.now();
  const masters = DEMO_STAFF.map((m) => m[0]);
  const rows = demoSchedule(clients, masters, now, zone, dice).map((e, n) => {
    const row: unknown[] = new Array(width).fill('');
    const set = (key: string, v: CellValue) => at[key] >= 0 && (row[at[key]] = sheetCell(v));
    set('id', `e-demo-${n + 1}`);
    set('date', e.at);
    set('kind', e.kind);
    set('reason', e.reason);
    set('client', e.client.name);
    set('clientId', e.client.resourceName);
    set('phone', e.client.phone);
    set('manager', e.manager);
    set('result', e.result);
    set('nextStep', e.nextStep);
    set('status', e.status);
    set('createdBy', 'office@example.com');
    return row;
  });
  DEMO_ORDERS.forEach((o, n) => {
    const client = clients[o.client];
    if (!client) return;
    const row: unknown[] = new Array(width).fill('');
    const set = (key: string, v: CellValue) => at[key] >= 0 && (row[at[key]] = sheetCell(v));
    set('id', `e-demo-order-${n + 1}`);
    set('date', new Date(now - o.daysAgo * 86_400_000));
    set('kind', 'Заказ');
    set('reason', 'Заказ');
    set('client', client.name);
    set('clientId', client.resourceName);
    set('phone', client.phone);
    set('manager', client.manager);
    set('result', o.what);
    set('status', 'сделано');
    set('createdBy', 'office@example.com');
    set('amount', o.amount);
    set('currency', 'RUB');
    set('orderState', orderStateLabel(o.state, 'ru'));
    rows.push(row);
  });
  sheet.getRange(2, 1, rows.length, width).setValues(rows as never);
  return rows.length;
}

/** Three clients' messages and one stranger's, for the Gmail card. Returns how many. */
function addDemoMail(ws: Workspace, clients: DemoClient[]): number {
  const mail = [
    [clients[0], 'Вопрос по заказу', 'Добрый день! Пришёл ли уходовый набор, который я заказывала?'],
    [clients[5], 'Оплата абонемента', 'Можно оплатить абонемент на маникюр переводом?'],
    [clients[12], 'Запись на приём', 'Можно записаться на стрижку в четверг после обеда?'],
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
    plainBody: 'Здравствуйте! Мы поставляем профессиональную косметику для салонов, хотим предложить сотрудничество.',
    date: ws.clock.now() - 1800 * 1000,
  });
  return mail.length + 1;
}
