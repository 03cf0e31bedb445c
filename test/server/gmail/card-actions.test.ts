// The Gmail card's actions through the built bundle: log the open e-mail, plan a follow-up with a calendar reminder,
// add an unknown sender as a client, open the client's rows in the sheet. Each runs as an add-on callback, whose
// budget is 30 seconds; each must stay far inside it.

import { sheetValues } from '../card-index/support';
import {
  actionsOf,
  DAY,
  gmailOffice,
  GmailOffice,
  HOSTILE_NAME,
  htmlTexts,
  KNOWN,
  openCard,
  pushedCard,
  runAction,
  updatedCard,
  widgets,
  withoutItems,
} from './support';

/** "Well inside" the 30 s add-on limit: a third of it, simulated service latency included. */
const WELL_INSIDE_MS = 10_000;
let o: GmailOffice;

beforeAll(() => {
  o = gmailOffice(2000);
});

const eventRows = () =>
  sheetValues(o.office, 'events')
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));

function formOf(messageId: string, functionName: string) {
  const { card } = openCard(o, messageId);
  const { run, response } = runAction(o, messageId, actionsOf(card)[functionName]);
  expect(run.report.elapsedMs).toBeLessThan(WELL_INSIDE_MS);
  const form = pushedCard(response);
  if (!form) throw new Error(`${functionName} pushed no card`);
  return form;
}

describe('log this e-mail', () => {
  test('opens a form with the E-mail kind, a reason dropdown and the subject as the note; saving appends exactly one row', () => {
    const form = formOf(o.messages.known, 'gmailLogEmailForm');
    expect(widgets(form).find((w) => w.type === 'decoratedText')).toMatchObject({ topLabel: 'Тип', text: 'E-mail' });
    const reason = widgets(form).find((w) => w.type === 'selectionInput' && w.fieldName === 'reason') as {
      items: Array<{ value: string }>;
    };
    expect(reason.items.map((i) => i.value)).toContain('Заказ');
    expect(widgets(form).find((w) => w.type === 'textInput' && w.fieldName === 'note')).toMatchObject({
      value: 'Вопрос по заказу',
    });

    const before = eventRows().length;
    const save = actionsOf(form).gmailLogEmail;
    const picked = { reason: 'Заказ', note: 'Спросил про сроки' };
    const { run, response } = runAction(o, o.messages.known, save, picked, form);
    expect(run.report.elapsedMs).toBeLessThan(WELL_INSIDE_MS);
    const rows = eventRows();
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1];
    expect(row).toEqual(
      expect.arrayContaining([`mail-${o.messages.known}`, 'E-mail', 'Заказ', o.names[KNOWN], 'Спросил про сроки']),
    );

    expect(response.notification).toBe('Записано: E-mail, Заказ.');
    expect(response.navigation?.[0]).toEqual({ popToRoot: true });
    const card = updatedCard(response)!;
    const last = widgets(card).find((w) => w.type === 'decoratedText' && w.topLabel === 'Последний контакт') as {
      text: string;
    };
    expect(last.text).toContain('E-mail · Заказ');

    // The same e-mail saved again (a lost response, a second click) is still one event.
    runAction(o, o.messages.known, save, picked, form);
    expect(eventRows()).toHaveLength(before + 1);
  });

  test('without a reason (an office with no reasons listed), says so and writes nothing', () => {
    const form = withoutItems(formOf(o.messages.known, 'gmailLogEmailForm'), 'reason');
    const before = eventRows().length;
    const { response } = runAction(o, o.messages.known, actionsOf(form).gmailLogEmail, { note: '' }, form);
    expect(response).toEqual({ notification: 'Выберите повод.' });
    expect(eventRows()).toHaveLength(before);
  });

  test('a client whose name is =HYPERLINK(…) is logged as text, and the card stays escaped', () => {
    const form = formOf(o.messages.hostile, 'gmailLogEmailForm');
    expect(widgets(form).find((w) => w.type === 'textInput' && w.fieldName === 'note')).toMatchObject({
      value: '=SUM(A1)',
    });
    const { response } = runAction(
      o,
      o.messages.hostile,
      actionsOf(form).gmailLogEmail,
      { reason: 'Интерес', note: '=SUM(A1)' },
      form,
    );
    const row = eventRows().pop()!;
    expect(row).toEqual(expect.arrayContaining([HOSTILE_NAME, '=SUM(A1)']));
    const html = htmlTexts(updatedCard(response)!).join('\n');
    expect(html).toContain('=SUM(A1)');
    expect(html).not.toMatch(/<(?:b|i|script)>/);
  });
});

describe('plan a follow-up', () => {
  test('offers date, kind, reason and manager; saving writes one planned row and one calendar event', () => {
    const form = formOf(o.messages.known, 'gmailPlanForm');
    const picker = widgets(form).find((w) => w.type === 'dateTimePicker') as {
      fieldName: string;
      valueMsEpoch: number;
      timeZoneOffsetMins: number;
    };
    // The next round hour in the user's zone (Moscow, UTC+3): the office's clock stands at 09:00 and some seconds.
    const hour = new Date(picker.valueMsEpoch);
    expect(hour.getTime()).toBeGreaterThan(o.office.workspace.clock.now());
    expect(hour.getTime() - o.office.workspace.clock.now()).toBeLessThanOrEqual(3_600_000);
    expect(hour.getUTCMinutes()).toBe(0);
    expect(picker.timeZoneOffsetMins).toBe(180);
    const manager = widgets(form).find((w) => w.type === 'selectionInput' && w.fieldName === 'manager') as {
      items: Array<{ value: string; selected: boolean }>;
    };
    // The office account is Ольга on the staff: she is preselected.
    expect(manager.items.find((i) => i.selected)?.value).toBe('Ольга');

    const calendar = o.office.workspace.calendar;
    const eventsBefore = calendar.allEvents().length;
    const rowsBefore = eventRows().length;
    // The person picks 15:30 three days on, on the picker's Moscow clock: Gmail sends that instant in msSinceEpoch.
    const day = moscowDay(o.office.workspace.clock.now() + 3 * DAY);
    const save = actionsOf(form).gmailPlanFollowUp;
    const picked = {
      at: { date: day, time: '15:30' },
      kind: 'Звонок',
      reason: 'Оплата',
      manager: 'Анна',
      note: 'Напомнить про счёт',
    };
    const { run, response } = runAction(o, o.messages.known, save, picked, form);
    expect(run.report.elapsedMs).toBeLessThan(WELL_INSIDE_MS);
    expect(eventRows()).toHaveLength(rowsBefore + 1);
    expect(eventRows().pop()).toEqual(expect.arrayContaining(['Звонок', 'Оплата', 'Анна', 'Напомнить про счёт']));
    const created = calendar.allEvents().slice(eventsBefore);
    expect(created).toHaveLength(1);
    expect(JSON.stringify(created[0])).toContain('anna@example.com');
    const [y, m, d] = day.split('-');
    expect((created[0] as { start: number }).start).toBe(Date.UTC(Number(y), Number(m) - 1, Number(d), 12, 30));
    expect(response.notification).toMatch(new RegExp(`^Запланировано на ${d}\\.${m}\\.${y} 15:30: Звонок, Оплата\\.`));
    const planned = updatedCard(response)!.sections.find((s) => s.header === 'Запланировано')!;
    expect(JSON.stringify(planned)).toContain('Звонок · Оплата');

    // The same form submitted twice plans one follow-up.
    runAction(o, o.messages.known, save, picked, form);
    expect(eventRows()).toHaveLength(rowsBefore + 1);
    expect(calendar.allEvents()).toHaveLength(eventsBefore + 1);
  });

  test('an untouched picker plans at the time it showed: the next round hour', () => {
    const form = formOf(o.messages.known, 'gmailPlanForm');
    const picker = widgets(form).find((w) => w.type === 'dateTimePicker') as { valueMsEpoch: number };
    const { response } = runAction(o, o.messages.known, actionsOf(form).gmailPlanFollowUp, {}, form);
    const shown = new Date(picker.valueMsEpoch + 3 * 3_600_000).toISOString();
    const [date, time] = [shown.slice(0, 10).split('-').reverse().join('.'), shown.slice(11, 16)];
    expect(response.notification).toMatch(new RegExp(`^Запланировано на ${date.replace(/\./g, '\\.')} ${time}: `));
  });

  test('a cleared picker, or a day with no time, asks for the date and time and plans nothing', () => {
    const form = formOf(o.messages.known, 'gmailPlanForm');
    const before = eventRows().length;
    const save = actionsOf(form).gmailPlanFollowUp;
    const ask = { notification: 'Выберите дату и время следующего шага.' };
    expect(runAction(o, o.messages.known, save, { at: null }, form).response).toEqual(ask);
    const day = moscowDay(o.office.workspace.clock.now() + DAY);
    expect(runAction(o, o.messages.known, save, { at: { date: day } }, form).response).toEqual(ask);
    expect(eventRows()).toHaveLength(before);
  });
});

/** The calendar day in Moscow (UTC+3, no DST) of an instant, as YYYY-MM-DD. */
function moscowDay(ms: number): string {
  return new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10);
}

describe('add as a new client', () => {
  test('creates the contact from the prefilled form, shows the client card, and the next card knows the sender', () => {
    const first = openCard(o, o.messages.stranger).card;
    const card = pushedCard(runAction(o, o.messages.stranger, actionsOf(first).gmailAddClientForm, {}).response)!;
    const people = o.office.workspace.people;
    const before = people.allContacts().length;
    const vip = (
      widgets(card).find((w) => w.type === 'selectionInput') as { items: Array<{ text: string; value: string }> }
    ).items.find((i) => i.text === 'VIP')!;
    const form = {
      givenName: 'Георгий',
      middleName: '',
      familyName: 'Мчедлишвили',
      email: 'giorgi@example.ge',
      phone: '+995 555 12 34 56',
      label: vip.value,
    };
    const { run, response } = runAction(o, o.messages.stranger, actionsOf(card).gmailAddClient, form, card);
    expect(run.report.elapsedMs).toBeLessThan(WELL_INSIDE_MS);
    expect(people.allContacts()).toHaveLength(before + 1);
    const created = people.allContacts().find((p) => p.emailAddresses?.some((e) => e.value === 'giorgi@example.ge'))!;
    expect(created.names?.[0]).toMatchObject({ givenName: 'Георгий', familyName: 'Мчедлишвили' });
    expect(created.phoneNumbers?.[0]?.value).toBe('+995 555 12 34 56');
    expect(JSON.stringify(created.memberships)).toContain(vip.value);

    expect(response.notification).toMatch(/теперь клиент\.$/);
    expect(updatedCard(response)?.header).toMatchObject({ subtitle: 'VIP' });
    const again = openCard(o, o.messages.stranger);
    expect(again.card.header?.subtitle).toBe('VIP');
    expect(again.run.report.serviceCalls).toBeLessThanOrEqual(3);

    // A second click finds the client instead of creating a duplicate.
    runAction(o, o.messages.stranger, actionsOf(card).gmailAddClient, form, card);
    expect(people.allContacts()).toHaveLength(before + 1);
  });

  test("a sender whose phone is a client's opens that client's card, saying why, and creates nothing", () => {
    const ws = o.office.workspace;
    const message = ws.gmail.addMessage({
      from: 'Иван Другой <ivan.other@example.ge>',
      to: 'office@example.com',
      subject: 'Звонил вам',
      plainBody: '…',
      date: ws.clock.now(),
    });
    const first = openCard(o, message).card;
    const card = pushedCard(runAction(o, message, actionsOf(first).gmailAddClientForm, {}).response)!;
    const people = ws.people;
    const before = people.allContacts().length;
    const form = {
      givenName: 'Иван',
      middleName: '',
      familyName: 'Другой',
      email: 'ivan.other@example.ge',
      // Client 125's number, written the Russian way.
      phone: '8 (912) 100-01-25',
      label: '',
    };
    const { response } = runAction(o, message, actionsOf(card).gmailAddClient, form, card);
    expect(people.allContacts()).toHaveLength(before);
    expect(response.notification).toBe(
      `Не добавлено: телефон 8 (912) 100-01-25 уже есть у клиента Клиент${KNOWN} Иван. Вот его карточка.`,
    );
    expect(updatedCard(response)?.header?.title).toContain(`Клиент${KNOWN}`);
  });

  test('refuses a form with neither a name nor an e-mail', () => {
    const ws = o.office.workspace;
    const message = ws.gmail.addMessage({
      from: 'Нино <nino@example.ge>',
      to: 'office@example.com',
      subject: 'Привет',
      plainBody: '…',
      date: ws.clock.now(),
    });
    const first = openCard(o, message).card;
    const card = pushedCard(runAction(o, message, actionsOf(first).gmailAddClientForm).response)!;
    const before = ws.people.allContacts().length;
    const empty = { givenName: '', middleName: '', familyName: '', email: '', phone: '' };
    const { response } = runAction(o, message, actionsOf(card).gmailAddClient, empty, card);
    expect(response.notification).toBeDefined();
    expect(ws.people.allContacts()).toHaveLength(before);
  });
});

describe('open in the sheet', () => {
  test("links to the Events sheet selecting the client's rows, found by contact id when clicked", () => {
    const { card } = openCard(o, o.messages.known);
    const open = widgets(card)
      .flatMap((w) => (w.type === 'buttonSet' ? w.buttons : w.type === 'textButton' ? [w] : []))
      .find((b) => b.onClick?.functionName === 'gmailOpenSheet')!;
    const first = runAction(o, o.messages.known, open.onClick!);
    const record = o.office.workspace.spreadsheets.get(o.office.spreadsheetId);
    const events = record.sheets.find((s) => s.name === 'События')!;
    const rows = events.values.flatMap((r, i) => (r.includes(o.names[KNOWN]) ? [i + 1] : []));
    // The button names the rows the index knows (a row logged from the card joins them with the next rebuild); the
    // link is built when clicked, from every row of the client.
    expect(rows.some((r) => open.text.includes(String(r)))).toBe(true);
    expect(first.response.openLink).toBe(
      `https://docs.google.com/spreadsheets/d/${o.office.spreadsheetId}/edit#gid=${events.sheetId}` +
        `&range=${Math.min(...rows)}:${Math.max(...rows)}`,
    );
    // The link is remembered (one properties read); the rows are searched (the spreadsheet, the header, one
    // TextFinder): far inside the add-on's 30 seconds.
    const second = runAction(o, o.messages.known, open.onClick!);
    expect(second.response.openLink).toBe(first.response.openLink);
    expect(second.run.report.serviceCalls).toBeLessThanOrEqual(5);
    expect(second.run.report.elapsedMs).toBeLessThan(WELL_INSIDE_MS);
  });

  test('a client whose events name them only by text opens at the rows the index remembered', () => {
    const { response } = runAction(o, o.messages.known, {
      functionName: 'gmailOpenSheet',
      parameters: { client: '', rows: '12,7,9' },
    });
    expect(response.openLink).toMatch(/&range=7:12$/);
  });
});
