// Two Apps Script projects writing one spreadsheet at once: the Gmail add-on logs an e-mail while the sheet project
// logs an event, marks one done, follows a hand edit or rebuilds the index — each interleaved at every service call
// of the other (Workspace.interleave suspends one execution before its Nth call and runs the other meanwhile). Built
// bundle, both projects. Whatever the interleaving: every row is in the Events sheet exactly once and whole, and the
// Card index row and the open-events store say what a rebuild from the Events sheet says.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { actionEvent, cardToJson, messageEvent, responseToJson } from 'workspace-emulator';
import type { CardJson, Execution, InvokeResult } from 'workspace-emulator';
import { template } from '../../../src/core/sheets/templates';
import type { Office } from '../../../src/local/office';
import { testOffice } from '../../support/office';
import { DAY, eventRows, eventsOffice } from './office';

type Action = { functionName: string; parameters: Record<string, string> };

interface Base {
  dir: string;
  client: string;
  email: string;
  messageId: string;
  logAction: Action;
  /** The "log this e-mail" form the action is on (what Gmail sends the form's values from). */
  logForm: CardJson;
  plannedId: string;
}

function findAction(json: unknown, name: string): Action {
  let found: Action | undefined;
  const visit = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.functionName === name && o.parameters) found = o as unknown as Action;
    for (const x of Object.values(o)) visit(x);
  };
  visit(json);
  if (!found) throw new Error(`no ${name} action`);
  return found;
}

let base: Base;
let copies = 0;

/** One office, set up once and kept in a folder: each interleaving starts from a copy of it. */
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-projects-'));
  const { office, clients } = eventsOffice({ dir: path.join(dir, 'base') });
  const vip = clients.vip;
  const planned = office.rpc.logEvent({
    client: vip.resourceName,
    kind: 'Звонок',
    reason: 'Оплата',
    planned: true,
    at: new Date(office.workspace.clock.now() + 2 * DAY).toISOString(),
  });
  const ws = office.workspace;
  const messageId = ws.gmail.addMessage({
    from: `${vip.name} <${vip.email}>`,
    to: ws.ctx.session.email,
    subject: 'Вопрос',
    plainBody: '…',
    date: ws.clock.now(),
  });
  const card = office.gmail.invoke('onGmailMessage', [messageEvent(ws, messageId)], 'card');
  if (card.error) throw card.error;
  const form = findAction(cardToJson(card.result), 'gmailLogEmailForm');
  const formRun = office.gmail.invoke('gmailLogEmailForm', [actionEvent(ws, messageId, form.parameters, {})], 'card');
  if (formRun.error) throw formRun.error;
  const pushed = responseToJson(formRun.result).navigation?.find((n) => 'pushCard' in n);
  const logForm = (pushed as { pushCard: CardJson }).pushCard;
  const logAction = findAction(logForm, 'gmailLogEmail');
  ws.save();
  base = { dir, client: vip.resourceName, email: vip.email, messageId, logAction, logForm, plannedId: planned.id };
});

afterAll(() => fs.rmSync(base.dir, { recursive: true, force: true }));

function freshOffice(): Office {
  const copy = path.join(base.dir, `run-${++copies}`);
  fs.cpSync(path.join(base.dir, 'base'), copy, { recursive: true });
  return testOffice({ dir: copy });
}

/** What one side does, and whether it told its user it failed (the user then does it again). */
interface Step {
  name: string;
  /** The executions of this step that may be suspended (the top one and the web app runs it causes). */
  functions: string[];
  run(office: Office): { failed: boolean };
  /** Event ids this step leaves in the Events sheet once it succeeded. */
  ids: string[];
  /**
   * A person's edit: nobody is told when its trigger fails, so nobody does it again — the open-events store then
   * waits for the next rebuild (hand-edits.ts). The Card index learns of hand edits only from the rebuild anyway.
   */
  byHand?: boolean;
}

const mailId = () => `mail-${base.messageId}`;

const addonLogs: Step = {
  name: 'the add-on logs the e-mail',
  functions: ['gmailLogEmail', 'doPost'],
  get ids() {
    return [mailId()];
  },
  run(office) {
    const event = actionEvent(
      office.workspace,
      base.messageId,
      base.logAction.parameters,
      { reason: 'Заказ' },
      base.logForm,
    );
    const run = office.gmail.invoke('gmailLogEmail', [event], 'card');
    const note = run.error ? '' : String(responseToJson(run.result).notification ?? '');
    return { failed: !note.startsWith('Записано') };
  },
};

const failedRun = (run: InvokeResult) => ({ failed: run.error !== undefined });

const sheetLogs: Step = {
  name: 'the sheet project logs an event',
  functions: ['logEvent'],
  ids: ['B-log'],
  run: (office) =>
    failedRun(
      office.sheet.invoke('logEvent', [
        { id: 'B-log', retry: true, client: base.client, kind: 'Встреча', reason: 'Заказ', note: 'из таблицы' },
      ]),
    ),
};

const sheetMarksDone: Step = {
  name: 'the sheet project marks the planned event done',
  functions: ['changeEvent'],
  ids: [],
  run: (office) =>
    failedRun(office.sheet.invoke('changeEvent', [{ id: base.plannedId, action: 'done', result: 'Оплатил' }])),
};

const addonMarksDone: Step = {
  name: 'the add-on marks the planned event done',
  functions: ['changeEvent', 'doPost'],
  ids: [],
  run: (office) =>
    failedRun(office.gmail.invoke('changeEvent', [{ id: base.plannedId, action: 'done', result: 'Оплатил' }])),
};

const sheetRebuilds: Step = {
  name: 'the sheet project rebuilds the index',
  functions: ['refreshIndexTrigger'],
  ids: [],
  run: (office) => failedRun(office.sheet.invoke('refreshIndexTrigger', [{}])),
};

const handEdit: Step = {
  name: 'a person marks the planned event done by hand',
  functions: ['onEdit'],
  ids: [],
  byHand: true,
  run(office) {
    const events = template('events').title.ru;
    const row = eventRows(office).find((r) => r.id === base.plannedId)!.row;
    const header = office.workspace.spreadsheets.values(office.spreadsheetId, events)[0];
    const column = header.findIndex((h) => /статус/i.test(String(h)));
    const a1 = `${String.fromCharCode(65 + column)}${row}`;
    const done = office.workspace.sheetsUser.edit(office.spreadsheetId, events, a1, [['сделано']]);
    const errors = done.fired.filter((f) => f.error);
    // The only way the store may fall behind: the trigger could not have the write lock (another writer held it).
    for (const f of errors) expect(f.error!.message).toMatch(/^Lock timeout/);
    return { failed: errors.length > 0 };
  },
};

/** Runs `a`, with `b` let in before `a`'s execution `fn` makes its `n`th call; false when `fn` made fewer. */
function interleaved(
  a: Step,
  b: Step,
  fn: string,
  n: number,
): { office: Office; fired: boolean; waited: boolean; behind: boolean } {
  const office = freshOffice();
  let bResult = { failed: false };
  const plan = office.workspace.interleave({
    of: (e: Execution) => e.functionName === fn,
    beforeCall: n,
    run: () => (bResult = b.run(office)),
  });
  const aResult = a.run(office);
  if (plan.error) throw plan.error;
  // Whoever was told "it failed" does it again (a lock timeout is such a failure, never a silent loss).
  if (aResult.failed) expect(a.run(office).failed).toBe(false);
  const behind = plan.fired && bResult.failed && !!b.byHand;
  if (plan.fired && bResult.failed && !b.byHand) expect(b.run(office).failed).toBe(false);
  return { office, fired: plan.fired, waited: aResult.failed || bResult.failed, behind };
}

/** Index entry ids (planned and recent) and store ids, as the CRM keeps them incrementally. */
function derived(office: Office) {
  const run = office.sheet.invoke('lookupClientIndex_', [base.email]);
  if (run.error) throw run.error;
  const entry = run.result as { planned: Array<{ id: string }>; recent: Array<{ id: string }> } | null;
  const sheets = office.workspace.spreadsheets;
  const storeTitle = template('openEvents').title.ru;
  const store = sheets.values(office.spreadsheetId, storeTitle);
  return {
    planned: (entry?.planned ?? []).map((e) => e.id).sort(),
    recent: (entry?.recent ?? []).map((e) => e.id).sort(),
    store: store
      .slice(1)
      .map((r) => String(r[0] ?? ''))
      .filter((id) => id !== '')
      .sort(),
  };
}

function expectConsistent(office: Office, steps: Step[], context: string, behind: boolean): void {
  const rows = eventRows(office);
  for (const id of steps.flatMap((s) => s.ids)) {
    const mine = rows.filter((r) => r.id === id);
    expect({ context, id, count: mine.length }).toEqual({ context, id, count: 1 });
    // Whole: who, what and its state are all there.
    expect({ context, id, torn: !mine[0].client || !mine[0].kind || !mine[0].status }).toEqual({
      context,
      id,
      torn: false,
    });
  }
  const kept = derived(office);
  const rebuilt = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (rebuilt.error) throw rebuilt.error;
  const fresh = derived(office);
  if (steps.some((s) => s.byHand)) {
    // The hand edit reaches the index with the rebuild; the store follows it at once unless its trigger was refused.
    if (!behind) expect({ context, store: kept.store }).toEqual({ context, store: fresh.store });
    expect(fresh.store).not.toContain(base.plannedId);
    return;
  }
  expect({ context, ...kept }).toEqual({ context, ...fresh });
}

/**
 * Every call of every execution of `a`, each with `b` let in before it: how many interleavings ran, and in how many
 * one side had to wait for the other's lock (and was told so, and did it again).
 */
function everyInterleaving(a: Step, b: Step): { runs: number; waited: number } {
  let runs = 0;
  let waited = 0;
  for (const fn of a.functions)
    for (let n = 1; ; n++) {
      const run = interleaved(a, b, fn, n);
      if (!run.fired) break;
      runs++;
      if (run.waited) waited++;
      expectConsistent(run.office, [a, b], `${b.name} before call ${n} of ${fn} while ${a.name}`, run.behind);
    }
  return { runs, waited };
}

describe('the add-on and the sheet project write the spreadsheet at once', () => {
  for (const b of [sheetLogs, sheetMarksDone, handEdit, sheetRebuilds])
    test(`${b.name} at every service call of the add-on logging an e-mail`, () => {
      const { runs, waited } = everyInterleaving(addonLogs, b);
      expect(runs).toBeGreaterThan(3);
      // Let in while the sheet project writes for the add-on, B meets the lock the add-on's write holds.
      expect(waited).toBeGreaterThan(0);
    });

  for (const b of [sheetLogs, sheetRebuilds])
    test(`${b.name} at every service call of the add-on marking an event done`, () => {
      const { runs, waited } = everyInterleaving(addonMarksDone, b);
      expect(runs).toBeGreaterThan(3);
      expect(waited).toBeGreaterThan(0);
    });

  test('the add-on marks an event done at every service call of the sheet project logging one', () => {
    const { runs, waited } = everyInterleaving(sheetLogs, addonMarksDone);
    expect(runs).toBeGreaterThan(2);
    expect(waited).toBeGreaterThan(0);
  });

  for (const a of [sheetLogs, sheetMarksDone, sheetRebuilds])
    test(`the add-on logs an e-mail at every service call of: ${a.name}`, () => {
      const { runs, waited } = everyInterleaving(a, addonLogs);
      expect(runs).toBeGreaterThan(2);
      expect(waited).toBeGreaterThan(0);
    });
});
