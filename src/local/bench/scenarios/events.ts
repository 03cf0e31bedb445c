// The event log at scale: 25,000 contacts and 100,000 events. Service calls and CPU for the Gmail card (cold and
// warm index), the due list and the quiet list, finding a client (client.find), and the calls to log k events.

import { actionEvent, cardToJson, messageEvent, responseToJson } from 'workspace-emulator';
import type { CardJson } from 'workspace-emulator';
import type { DueEventView, RemindersView } from '../../../shared/events-dto';
import { openOffice, Office } from '../../office';
import { serverRpc } from '../../gas/server-rpc';
import { Measurement, measureInvoke, measureRpc } from '../measure';

export const CLOCK = '2026-03-02T09:00:00+03:00';
const CONTACTS = 25000;
const EVENTS = 100000;
const KINDS = ['Звонок', 'Встреча', 'E-mail', 'Визит'];
const REASONS = ['Предварительные переговоры', 'Заказ', 'Оплата', 'Интерес'];
const MANAGERS = ['Анна Смирнова', 'Олег Петров', 'Мария Козлова'];

export function seed(office: Office): string[] {
  const ws = office.workspace;
  const names = ws.people.seed(
    Array.from({ length: CONTACTS }, (_, i) => ({
      names: [{ familyName: `Клиент${i}`, givenName: 'Иван' }],
      emailAddresses: [{ value: `client${i}@example.ru` }],
      phoneNumbers: [{ value: `+7 912 ${String(1000000 + i).slice(-7)}` }],
    })),
    ws.clock.now(),
  );
  const app = ws.globals({
    project: 'sheet',
    boundSpreadsheetId: office.spreadsheetId,
    htmlFiles: {},
    ui: office.sheet.ui,
  }).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app
    .openById(office.spreadsheetId)
    .getSheets()
    .find((s) => /События|Events/.test(s.getName()));
  if (!sheet) throw new Error('no Events sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const col = (title: RegExp) => header.findIndex((h) => title.test(h));
  const at = {
    id: col(/^ID$/),
    date: col(/Дата/),
    kind: col(/Вид/),
    reason: col(/Повод/),
    client: col(/^Клиент$/),
    clientId: col(/Контакт/),
    phone: col(/Телефон/),
    manager: col(/Менеджер/),
    status: col(/Статус/),
  };
  const now = ws.clock.now();
  const rows = Array.from({ length: EVENTS }, (_, i) => {
    const row: Array<string | Date> = new Array(header.length).fill('');
    const c = (i * 7919) % CONTACTS;
    const planned = i % 50 === 0;
    row[at.id] = `ev-bench-${i}`;
    row[at.date] = new Date(now + (planned ? ((i % 7) - 3) * 86400000 : -((i % 700) + 1) * 86400000));
    row[at.kind] = KINDS[i % KINDS.length];
    row[at.reason] = REASONS[i % REASONS.length];
    row[at.client] = `Клиент${c} Иван`;
    row[at.clientId] = names[c];
    // The apostrophe keeps the phone as text, as an office types it (Sheets reads a leading + as a formula).
    if (at.phone >= 0) row[at.phone] = `'+7 912 ${String(1000000 + c).slice(-7)}`;
    row[at.manager] = MANAGERS[i % MANAGERS.length];
    row[at.status] = planned ? 'план' : 'сделано';
    return row;
  });
  const missing = EVENTS + 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(2, 1, EVENTS, header.length).setValues(rows);
  return names;
}

const SCALE = { contacts: CONTACTS, events: EVENTS };

/** Adds one measurement at the bench's scale; with a limit, whether the calls stay within it. */
type AddMeasurement = (x: Measurement, limit?: number) => void;

/** The bytes of what a call answers, as google.script.run carries it (JSON). */
const replyBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));

/** Virtual service time a screen may take (issue 10): the Reminders sidebar is the first thing a user sees. */
const SCREEN_MS = 2000;
/** What the first screen may send to the sidebar. */
const SCREEN_BYTES = 200 * 1024;

/** The index the Gmail card reads, rebuilt by its trigger, and the lists the Reminders sidebar shows. */
function indexAndListBenches(office: Office, add: AddMeasurement): RemindersView {
  add(
    measureInvoke(
      office,
      'sheet',
      'rebuild the client index and the open-events store (trigger)',
      'refreshIndexTrigger',
      [{}],
    ),
  );
  add(measureRpc(office, 'quiet list (getQuietClients)', (rpc) => rpc.getQuietClients()));
  let view: RemindersView | undefined;
  const first = measureRpc(office, 'Reminders sidebar, first screen (getReminders)', (rpc) => {
    view = rpc.getReminders();
  });
  const bytes = replyBytes(view);
  add(
    {
      ...first,
      id: 'reminders.first-screen',
      responseBytes: bytes,
      withinTime: first.serviceMs <= SCREEN_MS,
      withinReply: bytes <= SCREEN_BYTES,
    },
    5,
  );
  let week: unknown;
  const w = measureRpc(office, 'the week ahead (getDue days 7, first page)', (rpc) => {
    week = rpc.getDue({ days: 7 });
  });
  add({ ...w, id: 'reminders.week', responseBytes: replyBytes(week), withinTime: w.serviceMs <= SCREEN_MS }, 5);
  add(clientFindBench(office));
  return view!;
}

/** A click on the first screen: Done and Reschedule on two of its events, sent with the hints the screen gave. */
function clickBenches(office: Office, view: RemindersView, add: AddMeasurement): void {
  const events: DueEventView[] = view.due.groups.flatMap((g) => g.events);
  const [one, two] = events;
  if (!one || !two) throw new Error('the bench office has fewer than two events due');
  const done = measureRpc(office, 'Done on a Reminders row (changeEvent)', (rpc) =>
    rpc.changeEvent({ id: one.id, action: 'done', result: 'bench', hints: one.hints }),
  );
  add({ ...done, id: 'reminders.done', withinTime: done.serviceMs <= SCREEN_MS }, 5);
  const tomorrow = new Date(Date.parse(view.due.at) + 86_400_000).toISOString();
  const moved = measureRpc(office, 'Reschedule a Reminders row (changeEvent)', (rpc) =>
    rpc.changeEvent({ id: two.id, action: 'reschedule', at: tomorrow, hints: two.hints }),
  );
  add({ ...moved, id: 'reminders.reschedule', withinTime: moved.serviceMs <= SCREEN_MS }, 5);
}

/** Logging from the Reminders form (a client picked from its autocomplete) and from the Gmail card. */
function logBenches(office: Office, names: string[], add: AddMeasurement): void {
  const ws = office.workspace;
  const picked = office.rpc
    .findClients({ query: 'клиент777', limit: 5 })
    .clients.find((c) => c.resourceName === names[777]);
  const sidebar = measureRpc(office, 'log a call from the Reminders form (logEvent)', (rpc) =>
    rpc.logEvent({ client: names[777], indexRow: picked?.indexRow, kind: 'Звонок', reason: 'Заказ', note: 'bench' }),
  );
  add({ ...sidebar, id: 'event.log.sidebar' }, 5);
  const next = office.rpc
    .findClients({ query: 'клиент778', limit: 5 })
    .clients.find((c) => c.resourceName === names[778]);
  const planned = measureRpc(office, 'plan a follow-up from the Reminders form (logEvent, planned)', (rpc) =>
    rpc.logEvent({
      client: names[778],
      indexRow: next?.indexRow,
      kind: 'Звонок',
      reason: 'Заказ',
      planned: true,
      at: new Date(ws.clock.now() + 2 * 86_400_000).toISOString(),
    }),
  );
  add({ ...planned, id: 'event.log.planned' }, 5);
  // The card of a client's message, then its "log this e-mail" form submitted.
  const messageId = ws.gmail.addMessage({
    from: 'Иван Клиент321 <client321@example.ru>',
    to: ws.ctx.session.email,
    subject: 'Запись',
    plainBody: '…',
    date: ws.clock.now(),
  });
  const card = cardToJson(office.gmail.invoke('onGmailMessage', [messageEvent(ws, messageId)], 'card').result);
  const form = findAction(card, 'gmailLogEmailForm');
  const formCard = office.gmail.invoke('gmailLogEmailForm', [actionEvent(ws, messageId, form.parameters, {})], 'card');
  const logCard = pushedCard(formCard.result);
  const log = findAction(logCard, 'gmailLogEmail');
  const m = measureInvoke(
    office,
    'gmail',
    'log this e-mail from the Gmail card',
    'gmailLogEmail',
    [actionEvent(ws, messageId, log.parameters, { reason: 'Заказ' }, logCard)],
    'card',
  );
  add({ ...m, id: 'event.log.card' }, 5);
}

type ActionJson = { functionName: string; parameters: Record<string, string> };

function findAction(card: unknown, name: string): ActionJson {
  let found: ActionJson | undefined;
  const visit = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.functionName === name && o.parameters) found = o as unknown as ActionJson;
    for (const x of Object.values(o)) visit(x);
  };
  visit(card);
  if (!found) throw new Error(`no ${name} action on the card`);
  return found;
}

/** The card an action response pushes (the log form). */
/** The card an ActionResponse pushed. */
function pushedCard(response: unknown): CardJson {
  for (const step of responseToJson(response).navigation ?? []) if ('pushCard' in step) return step.pushCard;
  throw new Error('The action pushed no card');
}

/** Search as you type in the Client sidebar / the log form: a name prefix over the whole index (findClients). */
function clientFindBench(office: Office): Measurement {
  let found = 0;
  const x = measureRpc(office, 'find clients by a name prefix (findClients "клиент123")', (rpc) => {
    const result = rpc.findClients({ query: 'клиент123', limit: 20 });
    found = result.total;
  });
  return { id: 'client.find', ...x, matched: found };
}

/**
 * The Gmail card for a client's message (cold: the sender's key not in the add-on's cache, expired or never read;
 * then warm) and for a stranger's. `card.cold` and `card.warm` are the stable ids the limits name.
 */
function gmailCardBenches(office: Office, add: AddMeasurement): void {
  const ws = office.workspace;
  const message = (from: string, subject: string) =>
    ws.gmail.addMessage({ from, to: ws.ctx.session.email, subject, plainBody: '…', date: ws.clock.now() });
  const card = (operation: string, messageId: string) =>
    measureInvoke(office, 'gmail', operation, 'onGmailMessage', [messageEvent(ws, messageId)], 'card');
  const known = message('Иван Клиент123 <client123@example.ru>', 'Вопрос');
  ws.cache.evictAll();
  add({ ...card('Gmail card, known sender, cold cache (its key expired or never read)', known), id: 'card.cold' }, 8);
  add({ ...card('Gmail card, known sender, warm', known), id: 'card.warm' }, 3);
  const unknown = message('Someone <someone@example.org>', 'Hello');
  add(card('Gmail card, unknown sender, cold', unknown), 8);
  add(card('Gmail card, unknown sender, warm', unknown), 3);
}

/** Logging k events, one execution each: the calls of all k executions together and per event. */
function logEventsBench(office: Office, k: number): Measurement {
  const ws = office.workspace;
  ws.calls.reset();
  const cpu = process.cpuUsage();
  let serviceMs = 0;
  let calls = 0;
  let bytes = 0;
  const rpc = serverRpc(office.sheet, {
    afterRun: (run) => {
      serviceMs += run.report.elapsedMs;
      calls += run.report.serviceCalls;
      bytes += run.report.bytes;
    },
  });
  for (let i = 0; i < k; i++)
    rpc.logEvent({ client: `client${i}@example.ru`, kind: 'Звонок', reason: 'Заказ', note: 'bench' });
  const used = process.cpuUsage(cpu);
  return {
    operation: `log ${k} event(s), one execution each`,
    calls,
    callsPerEvent: calls / k,
    byService: ws.calls.byService(),
    bytes,
    serviceMs,
    cpuMs: Math.round((used.user + used.system) / 1000),
    ...SCALE,
  };
}

/** The Client sidebar's card and whole history of one client (4 events among the 100,000), by resourceName. */
function clientHistoryBench(office: Office, names: string[], add: AddMeasurement): void {
  let bytes = 0;
  const m = measureRpc(office, 'client card and history (getClient)', (rpc) => {
    bytes = JSON.stringify(rpc.getClient({ client: names[123] })).length;
  });
  add({ ...m, id: 'client.history', responseBytes: bytes });
}

export function eventBenches(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  const names = seed(office);
  const out: Measurement[] = [];
  const add: AddMeasurement = (x, limit) =>
    out.push({ ...x, ...SCALE, ...(limit ? { limit, withinLimit: x.calls <= limit } : {}) });
  const view = indexAndListBenches(office, add);
  clickBenches(office, view, add);
  logBenches(office, names, add);
  gmailCardBenches(office, add);
  clientHistoryBench(office, names, add);
  for (const k of [1, 10]) out.push(logEventsBench(office, k));
  return out;
}
