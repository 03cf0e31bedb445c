// The spreadsheet's user interface as a script changes it: menus, the sidebar, dialogs, alerts, toasts. `UiHost` is
// what a person would see; the sandbox renders it and tests read it.
// Facts: a sidebar is always 300 px wide, and only one sidebar or dialog shows at a time
// (https://developers.google.com/workspace/add-ons/concepts/dialogs).

import { ServiceContext } from '../context';
import { Emulated, enumOf, member, signatureMismatch } from '../script/emulated';
import { LIMITS } from './rules';

const ENTRY = Symbol('entry');

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };

export interface MenuRecord {
  name: string;
  items: MenuEntry[];
}

/**
 * UNVERIFIED: the size of a dialog whose HtmlOutput did not set one (we only read the output's content and title).
 * These are the sizes Google's dialog samples use.
 */
export const DEFAULT_DIALOG = { width: 600, height: 425 };

export class UiHost {
  menus: MenuRecord[] = [];
  sidebar?: { title: string; html: string; width: number };
  dialogs: Array<{ title: string; html: string; width: number; height: number; modal: boolean }> = [];
  alerts: string[] = [];
  toasts: Array<{ message: string; title: string; timeoutSeconds: number }> = [];
  /** The buttons a person will click on the next alerts, in order (Button names); default: the set's first button. */
  answers: string[] = [];
}

type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

type MenuApi = Emulated<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>;

export class Menu implements MenuApi {
  readonly #ctx: ServiceContext;
  readonly #host: UiHost;
  readonly #caption: string;
  readonly #items: MenuEntry[] = [];

  constructor(ctx: ServiceContext, host: UiHost, caption: string) {
    this.#ctx = ctx;
    this.#host = host;
    this.#caption = caption;
  }

  [ENTRY](): { caption: string; items: MenuEntry[] } {
    return { caption: this.#caption, items: this.#items.map((i) => ({ ...i })) };
  }

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw signatureMismatch('Menu.addItem', [caption, functionName]);
    this.#items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.#items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    if (!(menu instanceof Menu)) throw signatureMismatch('Menu.addSubMenu', [menu]);
    this.#items.push(menu[ENTRY]());
    return this;
  }

  /**
   * Shows the menu. A menu added again under the same name replaces the earlier one (what a person sees after onOpen
   * runs twice; UNVERIFIED whether Sheets would show two).
   */
  addToUi(): void {
    this.#ctx.call('SpreadsheetApp.Ui.addToUi', () => {
      const record = { name: this.#caption, items: this[ENTRY]().items };
      const at = this.#host.menus.findIndex((m) => m.name === this.#caption);
      if (at >= 0) this.#host.menus[at] = record;
      else this.#host.menus.push(record);
    });
  }
}

type HtmlOutputLike = { getContent(): string; getTitle(): string };

function contentOf(output: unknown, method: string, args: unknown[]): { html: string; title: string } {
  const o = output as HtmlOutputLike | null;
  if (!o || typeof o.getContent !== 'function' || typeof o.getTitle !== 'function')
    throw signatureMismatch(method, args);
  return { html: String(o.getContent()), title: String(o.getTitle() ?? '') };
}

type UiApi = Emulated<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar'
>;

export class Ui implements UiApi {
  readonly Button = enumOf<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
  readonly ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
  readonly #ctx: ServiceContext;
  readonly #host: UiHost;

  constructor(ctx: ServiceContext, host: UiHost) {
    this.#ctx = ctx;
    this.#host = host;
  }

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureMismatch('Ui.createMenu', [caption]);
    return new Menu(this.#ctx, this.#host, caption);
  }

  /** A bound script's add-on menu lands under Extensions, named after the project (UNVERIFIED naming). */
  createAddonMenu(): Menu {
    return new Menu(this.#ctx, this.#host, 'Extensions');
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const { html, title } = contentOf(userInterface, 'Ui.showSidebar', [userInterface]);
    this.#ctx.call('SpreadsheetApp.Ui.showSidebar', () => {
      this.#host.dialogs = [];
      this.#host.sidebar = { title, html, width: LIMITS.sidebarWidth };
    });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.#dialog('showModalDialog', userInterface, title, true);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.#dialog('showModelessDialog', userInterface, title, false);
  }

  #dialog(method: string, output: unknown, title: unknown, modal: boolean): void {
    const { html } = contentOf(output, `Ui.${method}`, [output, title]);
    if (typeof title !== 'string') throw signatureMismatch(`Ui.${method}`, [output, title]);
    this.#ctx.call(`SpreadsheetApp.Ui.${method}`, () => {
      this.#host.sidebar = undefined;
      this.#host.dialogs = [{ title, html, ...DEFAULT_DIALOG, modal }];
    });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons): records the text, returns the clicked button. */
  alert(
    ...args: [string] | [string, GoogleAppsScript.Base.ButtonSet] | [string, string, GoogleAppsScript.Base.ButtonSet]
  ): GoogleAppsScript.Base.Button {
    let title = '';
    let prompt: unknown;
    let buttons: unknown = 'OK';
    if (args.length === 3) [title, prompt, buttons] = args;
    else if (args.length === 2) [prompt, buttons] = args;
    else [prompt] = args;
    const set = BUTTON_SETS[String(buttons)];
    if (typeof prompt !== 'string' || typeof title !== 'string' || !set) throw signatureMismatch('Ui.alert', args);
    return this.#ctx.call('SpreadsheetApp.Ui.alert', () => {
      this.#host.alerts.push(title ? `${title}\n\n${prompt}` : prompt);
      const answer = this.#host.answers.shift();
      return member<GoogleAppsScript.Base.Button>(answer && set.includes(answer as ButtonName) ? answer : set[0]);
    });
  }
}
