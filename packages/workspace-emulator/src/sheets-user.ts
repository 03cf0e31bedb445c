// A person working in the Sheets UI, for tests and the sandbox: each action changes the spreadsheet (user-edits.ts)
// and then fires what Google fires for a user's change, each handler in its own execution:
// - the simple trigger `onEdit(e)` of every project bound to the spreadsheet, for typing into cells only, LIMITED
//   auth, 30 s (https://developers.google.com/apps-script/guides/triggers#onedite);
// - installable triggers made with ScriptApp.newTrigger(fn).forSpreadsheet(ss).onEdit()/.onChange(), FULL auth, run
//   as their owner (here always the Workspace's account: the only one the emulator has).
// Changes a script makes never come through here, so they fire nothing, as in Google ("Script executions and API
// requests do not cause triggers to run", triggers guide, Restrictions).
//
// Event objects (https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events):
// Edit: authMode, range, source, user, value/oldValue for a single cell only (oldValue absent when the cell was
// empty), triggerUid for installable triggers only. Change: authMode, changeType, triggerUid, user, and `source`
// (UNVERIFIED: not in the docs' table, present in real events). value/oldValue are strings, as in real events
// (checkbox code compares `e.value === 'TRUE'`); a date's string form is UNVERIFIED (we give its serial number).
// Order among the handlers of one change is not documented (UNVERIFIED): simple onEdit, then installable onEdit, then
// onChange, each in installation order.

import type { InvokeResultLike, TriggerHost } from './trigger-host';
import { ExecutionKind, ExecutionReport } from './execution';
import { ServiceContext } from './context';
import { User } from './script/session';
import { SpreadsheetEvent, TriggerRecord, TriggerStore } from './script/triggers';
import { spreadsheetHandle } from './spreadsheet/service';
import { SpreadsheetStore } from './spreadsheet/store';
import { activeUserEmail, ExecutionIdentity, ownerRuns, ScriptUser } from './auth/active-user';
import { Writer } from './spreadsheet/protection-rules';
import { SheetChange, deleteRows, editCells, insertRows, insertSheet, sortRange } from './spreadsheet/user-edits';
import { CellValue } from './spreadsheet/values';

export interface FiredTrigger {
  project: string;
  handler: string;
  /** Absent for the simple trigger. */
  triggerUid?: string;
  authMode: 'LIMITED' | 'FULL';
  error?: { name: string; message: string };
  report: ExecutionReport;
}

/** Who makes a change in the Sheets UI: `as` an e-mail address (default: whoever is at the keyboard). */
export interface By {
  as?: string;
}

export interface UserActionResult {
  change: SheetChange;
  fired: FiredTrigger[];
}

const DAY_MS = 86_400_000;
/** Sheets' serial day number of an instant (days since 1899-12-30 UTC), as a date's value in an event (UNVERIFIED). */
const serial = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;

/** A cell value as a Sheets event carries it. */
export function eventText(v: CellValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return String(serial(v));
  return String(v);
}

export class SheetsUser {
  constructor(
    private readonly deps: {
      spreadsheets: SpreadsheetStore;
      triggers: TriggerStore;
      ctx: ServiceContext;
      hosts: () => TriggerHost[];
      /** The Workspace's transaction: a person's change and the handlers it fires are written together. */
      transaction<T>(fn: () => T): T;
      /** Runs `fn` as the account that created an installable trigger ("installable triggers always run under the
       * account of the person who created them": https://developers.google.com/apps-script/guides/triggers/installable). */
      executeAs: <T>(account: string, fn: () => T) => T;
      /** Who is editing now (Workspace.runAs); absent, the office account. */
      identity: () => ExecutionIdentity | undefined;
      /** Workspace.runAs: `fn` with `user` at the keyboard. */
      runAs: <T>(user: ScriptUser, fn: () => T) => T;
    },
  ) {}

  /** Typing or pasting `values` (rows × columns matching `a1`) into cells: fires onEdit and onChange (EDIT). */
  edit(spreadsheetId: string, sheetName: string, a1: string, values: unknown[][], by: By = {}): UserActionResult {
    return this.act(by, (writer) => editCells(this.deps.spreadsheets, spreadsheetId, sheetName, a1, values, writer));
  }

  /** Data → Sort range on `a1` by sheet column `column` (1 = A): onChange (OTHER) only. */
  sort(
    spreadsheetId: string,
    sheetName: string,
    a1: string,
    column: number,
    ascending = true,
    by: By = {},
  ): UserActionResult {
    return this.act(by, (writer) =>
      sortRange(this.deps.spreadsheets, spreadsheetId, sheetName, a1, column, ascending, writer),
    );
  }

  /** Deleting rows startRow..startRow+count-1: onChange (REMOVE_ROW). */
  deleteRows(spreadsheetId: string, sheetName: string, startRow: number, count = 1, by: By = {}): UserActionResult {
    return this.act(by, (writer) =>
      deleteRows(this.deps.spreadsheets, spreadsheetId, sheetName, startRow, count, writer),
    );
  }

  /** Inserting `count` rows after `afterRow` (0 = above row 1): onChange (INSERT_ROW). */
  insertRows(spreadsheetId: string, sheetName: string, afterRow: number, count = 1, by: By = {}): UserActionResult {
    return this.act(by, (writer) =>
      insertRows(this.deps.spreadsheets, spreadsheetId, sheetName, afterRow, count, writer),
    );
  }

  /**
   * One change by a person: `by.as`, else the one at the keyboard (Workspace.runAs), else the office account. A
   * protection that bars them refuses it (ProtectedEditRefused is thrown: nothing changed, nothing fired); otherwise
   * the triggers it fires see that person as the event's user.
   */
  private act(by: By, change: (writer: Writer) => SheetChange): UserActionResult {
    const owner = this.deps.ctx.session.email;
    const email = by.as ?? this.deps.identity()?.user?.email ?? owner;
    const go = () => this.deps.transaction(() => this.fire(change({ email, owner })));
    return by.as === undefined ? go() : this.deps.runAs({ email: by.as }, go);
  }

  /** Adding a sheet tab: onChange (INSERT_GRID). */
  insertSheet(spreadsheetId: string, sheetName: string): UserActionResult {
    return this.deps.transaction(() => this.fire(insertSheet(this.deps.spreadsheets, spreadsheetId, sheetName)));
  }

  private fire(change: SheetChange): UserActionResult {
    const fired: FiredTrigger[] = [];
    const hosts = this.deps.hosts();
    if (change.firesOnEdit) {
      for (const host of hosts.filter((h) => h.boundSpreadsheetId === change.spreadsheetId))
        if (host.hasFunction('onEdit')) fired.push(this.run(host, 'onEdit', undefined, change, 'simple-trigger'));
      for (const t of this.installed(change, 'ON_EDIT')) {
        const host = hosts.find((h) => h.project === t.project);
        if (host) fired.push(this.run(host, t.handler, t, change, 'script'));
      }
    }
    for (const t of this.installed(change, 'ON_CHANGE')) {
      const host = hosts.find((h) => h.project === t.project);
      if (host) fired.push(this.run(host, t.handler, t, change, 'script'));
    }
    return { change, fired };
  }

  private installed(change: SheetChange, event: SpreadsheetEvent): TriggerRecord[] {
    return this.deps.triggers.forSpreadsheet(change.spreadsheetId, event);
  }

  private run(
    host: TriggerHost,
    handler: string,
    trigger: TriggerRecord | undefined,
    change: SheetChange,
    kind: ExecutionKind,
  ): FiredTrigger {
    const authMode = kind === 'simple-trigger' ? 'LIMITED' : 'FULL';
    const event = this.eventFor(host, trigger, change, authMode);
    const invoke = () => host.invoke(handler, [event], kind);
    const run: InvokeResultLike = trigger ? this.deps.executeAs(trigger.owner, invoke) : invoke();
    return {
      project: host.project,
      handler,
      ...(trigger && { triggerUid: trigger.id }),
      authMode,
      ...(run.error && { error: { name: run.error.name, message: run.error.message } }),
      report: run.report,
    };
  }

  private eventFor(
    host: TriggerHost,
    trigger: TriggerRecord | undefined,
    change: SheetChange,
    authMode: 'LIMITED' | 'FULL',
  ): Record<string, unknown> {
    const source = spreadsheetHandle(host.spreadsheetApp, change.spreadsheetId);
    // The event's user is Session's active user, blank by the same rules (the Edit event's `user` field).
    const owner = this.deps.ctx.session.email;
    const identity = this.deps.identity() ?? ownerRuns(owner);
    const user = new User(activeUserEmail(identity, authMode === 'LIMITED', owner));
    const uid = trigger ? { triggerUid: trigger.id } : {};
    if (trigger?.spreadsheet?.event === 'ON_CHANGE')
      return { authMode, changeType: change.changeType, source, user, ...uid };
    const box = change.box;
    const sheet = source.getSheetByName(change.sheetName);
    const range = box && sheet ? sheet.getRange(box.row, box.column, box.numRows, box.numColumns) : undefined;
    const event: Record<string, unknown> = { authMode, range, source, user, ...uid };
    if (change.oldValue !== undefined && change.oldValue !== '') event.oldValue = eventText(change.oldValue);
    if (change.value !== undefined && change.value !== '') event.value = eventText(change.value);
    return event;
  }
}
