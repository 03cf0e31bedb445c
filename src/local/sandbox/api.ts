// What the sandbox pages can ask: snapshots of the emulated Sheets/Contacts/Gmail, and runs of the bundle's global
// functions with the platform's rules (google.script.run for sidebars, add-on event objects for the card). Every
// execution and every edit is its own transaction of the state folder (the server wraps each request in one too),
// so a restart keeps it and CLI commands working on the same folder meanwhile are seen, never overwritten.

import { checkScriptRunResult, copyForScriptRun } from 'workspace-emulator';
import type { CardJson, InvokeResult, PickedValues } from 'workspace-emulator';
import type { Office } from '../office';
import { cardToJson, actionEvent, messageEvent, responseToJson } from 'workspace-emulator';
import type {
  CellEditResponse,
  ContactsView,
  MessageView,
  RunResponse,
  SpreadsheetView,
  UiView,
  CardResponse,
} from './web/types';
import { chartsView } from './charts-view';
import { contactsView } from './contacts-view';
import { displayValue } from './display';
import { invokeEntryPoint } from '../gas/server-rpc';

export class SandboxApi {
  private sidebarVersion = 0;
  private shownSidebar: unknown;

  constructor(private readonly office: Office) {}

  private get ws() {
    return this.office.workspace;
  }

  spreadsheet(): SpreadsheetView {
    const snap = this.ws.spreadsheets.get(this.office.spreadsheetId);
    // Sheets shows a date cell in the spreadsheet's zone (the office's, once Settings set it), not the viewer's.
    const tz = snap.timeZone;
    return {
      id: this.office.spreadsheetId,
      name: snap.name,
      sheets: snap.sheets.map((s) => ({
        name: s.name,
        hidden: !!s.hidden,
        frozenRows: s.frozenRows ?? 0,
        rows: s.values.map((row) => row.map((v) => displayValue(v, tz))),
        charts: chartsView(this.ws, this.office.spreadsheetId, s.name, tz),
      })),
    };
  }

  ui(): UiView {
    const ui = this.office.sheet.ui;
    if (ui.sidebar !== this.shownSidebar) {
      this.shownSidebar = ui.sidebar;
      this.sidebarVersion += 1;
    }
    const toasts = ui.toasts.splice(0).map((t) => (typeof t === 'string' ? t : t.message));
    const alerts = ui.alerts.splice(0);
    return {
      menus: ui.menus as UiView['menus'],
      sidebar: ui.sidebar ? { title: ui.sidebar.title, version: this.sidebarVersion } : null,
      toasts,
      alerts,
    };
  }

  closeSidebar(): { ok: true } {
    this.office.sheet.ui.sidebar = undefined;
    return { ok: true };
  }

  /** Opening the spreadsheet: Sheets rebuilds its menus and runs the onOpen simple trigger. */
  open(): RunResponse {
    this.office.sheet.ui.menus.length = 0;
    return this.finish(invokeEntryPoint(this.office.sheet, 'onOpen', [{ authMode: 'LIMITED' }], 'simple-trigger'));
  }

  /**
   * A person typing into one cell of the CRM spreadsheet: the change goes through workspace.sheetsUser, so the bound
   * project's onEdit and any installed onEdit/onChange triggers run as in Sheets. What the cell ends up holding is
   * Sheets' reading of the text (numbers, TRUE/FALSE; a formula is refused: the emulator has no formula engine).
   */
  editCell(sheetName: string, a1: string, text: string): CellEditResponse {
    let fired;
    try {
      fired = this.ws.sheetsUser.edit(this.office.spreadsheetId, sheetName, a1, [[text]]).fired;
    } catch (e) {
      return { ok: false, error: { name: (e as Error).name, message: (e as Error).message }, fired: [] };
    }
    return {
      ok: true,
      fired: fired.map((f) => ({ handler: f.handler, ...(f.error && { error: f.error }) })),
    };
  }

  /** google.script.run from a sidebar: Apps Script's argument and result rules, a 6-minute execution. */
  run(fn: string, args: unknown[]): RunResponse {
    if (fn.endsWith('_') || !this.office.sheet.hasFunction(fn)) {
      return {
        ok: false,
        error: { name: 'TypeError', message: `google.script.run.${fn} is not a function` },
        calls: 0,
        elapsedMs: 0,
      };
    }
    const copied = copyForScriptRun(args) as unknown[];
    const run = this.office.sheet.invoke(fn, copied, 'script');
    if (!run.error) {
      try {
        checkScriptRunResult(run.result);
      } catch (e) {
        return this.finish({ ...run, result: undefined, error: e as Error });
      }
      run.result = copyForScriptRun(run.result);
    }
    return this.finish(run);
  }

  sidebarHtml(): string | undefined {
    const html = this.office.sheet.ui.sidebar?.html;
    if (!html) return undefined;
    const functions = JSON.stringify(this.office.sheet.functionNames()).replace(/</g, '\\u003c');
    const shim = `<script>window.__SCRIPT_FUNCTIONS__=${functions};</script><script src="/assets/script-run-shim.js"></script>`;
    return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${shim}`) : `${shim}${html}`;
  }

  contacts(): ContactsView {
    return contactsView(this.ws, this.office.spreadsheetId);
  }

  messages(): MessageView[] {
    const tz = this.ws.ctx.session.timeZone;
    return this.ws.gmail.inbox().map((m) => ({
      id: m.id,
      from: m.from,
      subject: m.subject,
      date: displayValue(new Date(m.date), tz),
      body: m.plainBody,
    }));
  }

  homepage(): CardResponse {
    return this.card(
      invokeEntryPoint(this.office.gmail, 'onGmailHomepage', [messageEvent(this.ws, undefined)], 'card'),
    );
  }

  openMessage(messageId: string): CardResponse {
    return this.card(invokeEntryPoint(this.office.gmail, 'onGmailMessage', [messageEvent(this.ws, messageId)], 'card'));
  }

  cardAction(input: {
    messageId?: string;
    functionName: string;
    parameters: Array<{ key: string; value: string }> | Record<string, string>;
    /** What the person typed and picked, by field name: strings, item values, {date, time} for a picker, null. */
    formInputs: PickedValues;
    /** The card the action was clicked on: the emulator shapes the values per its widgets. */
    card?: CardJson;
  }): CardResponse {
    let event;
    try {
      event = actionEvent(this.ws, input.messageId, input.parameters, input.formInputs ?? {}, input.card);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { ok: false, error: { name: e.name, message: e.message }, calls: 0, elapsedMs: 0 };
    }
    const run = this.office.gmail.invoke(input.functionName, [event], 'card');
    if (run.error) return this.card(run);
    const isCard = !!cardToJson(run.result, true);
    return isCard
      ? this.card(run)
      : {
          ok: true,
          response: responseToJson(run.result),
          calls: run.report.serviceCalls,
          elapsedMs: run.report.elapsedMs,
        };
  }

  calls(): Record<string, number> {
    return this.ws.calls.byService();
  }

  private card(run: InvokeResult): CardResponse {
    if (run.error)
      return {
        ok: false,
        error: { name: run.error.name, message: run.error.message },
        calls: run.report.serviceCalls,
        elapsedMs: run.report.elapsedMs,
      };
    return { ok: true, card: cardToJson(run.result), calls: run.report.serviceCalls, elapsedMs: run.report.elapsedMs };
  }

  private finish(run: InvokeResult): RunResponse {
    const base = { calls: run.report.serviceCalls, elapsedMs: run.report.elapsedMs };
    if (run.error) return { ok: false, error: { name: run.error.name, message: run.error.message }, ...base };
    return { ok: true, result: run.result, ...base };
  }
}
