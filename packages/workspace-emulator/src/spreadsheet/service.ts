// SpreadsheetApp for one Apps Script project: the bound spreadsheet (if any) with its UI, and openById for others.
// Handles (getActiveSpreadsheet, getSheets, getSheetByName, getRange, names and ids) are free; reading or changing
// content and structure is a counted round trip named `SpreadsheetApp.<Class>.<method>`.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
//
// Writes are applied at once, so SpreadsheetApp.flush() has nothing to send and costs nothing here. A `partial` fault
// on a write applies it whole (a Sheets write is not split) and then loses the response.

import { ServiceContext } from '../context';
import { Emulated, enumOf, signatureMismatch } from '../script/emulated';
import { HandleContext, SheetRef } from './env';
import { fail, LIMITS, MESSAGES, unsupported } from './rules';
import { fromSerial, toSerial } from './number-format';
import { guardSheet, Protection } from './protection';
import { Range } from './range';
import { protectionKind, Sheet } from './sheet';
import { defaultSheetBase, requireCells, SpreadsheetRecord, SpreadsheetStore } from './store';
import { Ui, UiHost } from './ui';
import { DataValidationBuilder } from './validation';
import { User } from '../script/session';

export { UiHost } from './ui';
export type { MenuEntry, MenuRecord } from './ui';

type SpreadsheetApi = Emulated<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getOwner'
  | 'toast'
  | 'getProtections'
>;

/** Sheet names are unique ignoring case in Sheets. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

class Spreadsheet implements SpreadsheetApi {
  readonly #env: HandleContext;
  readonly #id: string;

  constructor(env: HandleContext, id: string) {
    this.#env = env;
    this.#id = id;
  }

  #record(): SpreadsheetRecord {
    return new SheetRef(this.#env, this.#id, 0).ss();
  }

  #call<T>(method: string, fn: (ss: SpreadsheetRecord) => T): T {
    return this.#env.ctx.call(`SpreadsheetApp.Spreadsheet.${method}`, () => fn(this.#record()));
  }

  #sheet(sheetId: number): Sheet {
    return new Sheet(new SheetRef(this.#env, this.#id, sheetId));
  }

  getId(): string {
    return this.#id;
  }

  getName(): string {
    return this.#record().name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#id}/edit`;
  }

  getSheets(): Sheet[] {
    return this.#record().sheets.map((s) => this.#sheet(s.sheetId));
  }

  /** Exact name (Apps Script's own matching is looser about case: UNVERIFIED, so we are strict). */
  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string') throw signatureMismatch('Spreadsheet.getSheetByName', [name]);
    const s = this.#record().sheets.find((x) => x.name === name);
    return s ? this.#sheet(s.sheetId) : null;
  }

  /** insertSheet(), (sheetName), (sheetName, sheetIndex) or (sheetIndex); the index is 0-based; default: the end. */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof args[0] === 'string') {
      name = args[0];
      if (args[1] !== undefined) {
        if (typeof args[1] !== 'number' || !Number.isInteger(args[1]))
          throw signatureMismatch('Spreadsheet.insertSheet', args);
        index = args[1];
      }
      if (args[2] !== undefined) throw unsupported('insertSheet with a template');
    } else if (typeof args[0] === 'number' && Number.isInteger(args[0])) {
      index = args[0];
      if (args[1] !== undefined) throw unsupported('insertSheet with a template');
    } else if (args.length && args[0] !== undefined) {
      throw typeof args[0] === 'object'
        ? unsupported('insertSheet with a template')
        : signatureMismatch('Spreadsheet.insertSheet', args);
    }
    return this.#call('insertSheet', (ss) => {
      if (index !== undefined && (index < 0 || index > ss.sheets.length)) throw fail(`Invalid argument: sheetIndex`); // UNVERIFIED wording
      let title = name;
      if (title === undefined || title === '') {
        const base = defaultSheetBase(ss.locale);
        let n = ss.sheets.length + 1;
        while (ss.sheets.some((s) => sameName(s.name, `${base}${n}`))) n++;
        title = `${base}${n}`;
      }
      const taken = title;
      if (ss.sheets.some((s) => sameName(s.name, taken))) throw fail(MESSAGES.sheetExists(taken));
      requireCells(ss, LIMITS.defaultRows * LIMITS.defaultColumns);
      const record = this.#env.store.newSheet(ss, title);
      ss.sheets.splice(index ?? ss.sheets.length, 0, record);
      return this.#sheet(record.sheetId);
    });
  }

  /**
   * One call. The sheet goes with what it holds, its embedded charts included; charts on other sheets that read it
   * keep their ranges (Sheets shows #REF! there: the host read API says '#REF!' too). The last sheet cannot go
   * (UNVERIFIED wording).
   */
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    if (!(sheet instanceof Sheet)) throw signatureMismatch('Spreadsheet.deleteSheet', [sheet]);
    const sheetId = sheet.getSheetId();
    this.#call('deleteSheet', (ss) => {
      const at = ss.sheets.findIndex((s) => s.sheetId === sheetId);
      if (at < 0) throw fail(`The sheet has been deleted.`); // UNVERIFIED wording
      if (ss.sheets.length <= 1) throw fail(MESSAGES.deleteLastSheet);
      // A protected sheet cannot be deleted by those its protection bars (UNVERIFIED wording: the protected-cell one).
      guardSheet(this.#env, ss, sheetId);
      ss.sheets.splice(at, 1);
      // Its protections go with it.
      ss.protections = ss.protections.filter((p) => p.sheetId !== sheetId);
    });
  }

  getSpreadsheetTimeZone(): string {
    return this.#call('getSpreadsheetTimeZone', (ss) => ss.timeZone);
  }

  /**
   * One call. Sheets keeps a date-time cell as a wall-clock serial number with no zone, and the spreadsheet's zone says
   * which instant it is: a cell that showed 10:00 still shows 10:00, and getValues() now gives 10:00 in the new zone.
   * The emulation keeps instants, so it moves each Date cell to keep its wall clock. An unknown zone is refused
   * (UNVERIFIED: what Google does with one; refusing is the stricter choice).
   */
  setSpreadsheetTimeZone(timezone: string): Spreadsheet {
    if (typeof timezone !== 'string') throw signatureMismatch('Spreadsheet.setSpreadsheetTimeZone', [timezone]);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw fail(`Invalid argument: timezone`); // UNVERIFIED wording
    }
    return this.#call('setSpreadsheetTimeZone', (ss) => {
      if (ss.timeZone !== timezone) {
        for (const sheet of ss.sheets)
          for (const row of sheet.rows)
            for (const cell of row ?? [])
              if (cell?.v instanceof Date) cell.v = fromSerial(toSerial(cell.v, ss.timeZone), timezone);
        ss.timeZone = timezone;
      }
      return this;
    });
  }

  /** Every protection of that type on every sheet, also those the user cannot edit (Protection.canEdit tells). */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    const kind = protectionKind(type, 'Spreadsheet.getProtections');
    return this.#call('getProtections', (ss) =>
      ss.protections.filter((p) => p.type === kind).map((p) => new Protection(this.#env, ss.id, p.id)),
    );
  }

  getSpreadsheetLocale(): string {
    return this.#call('getSpreadsheetLocale', (ss) => ss.locale);
  }

  /**
   * One call. "Returns the owner of the document, or null for a document in a shared drive."
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()). Every emulated
   * spreadsheet is in the account's own Drive, so its owner is the account (the workspace's session e-mail), whoever
   * runs the script. UNVERIFIED: whether Google blanks the owner's e-mail for a collaborator from another domain.
   */
  getOwner(): User {
    return this.#call('getOwner', () => new User(this.#env.ctx.session.email));
  }

  /**
   * Shows a toast to the person looking at this spreadsheet, i.e. only for the bound spreadsheet of a project with a
   * UI; elsewhere (opened by id, or from the Gmail add-on) nobody sees it.
   */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    if (
      typeof msg !== 'string' ||
      (title !== undefined && typeof title !== 'string') ||
      (timeoutSeconds !== undefined && timeoutSeconds !== null && typeof timeoutSeconds !== 'number')
    ) {
      throw signatureMismatch('Spreadsheet.toast', [msg, title, timeoutSeconds]);
    }
    this.#call('toast', () => {
      const ui = this.#env.ui;
      if (!ui || this.#env.activeSpreadsheetId !== this.#id) return;
      ui.toasts.push({ message: msg, title: title ?? '', timeoutSeconds: timeoutSeconds ?? LIMITS.toastSeconds });
    });
  }
}

// getUi is left out of the type check: Google's Ui carries enum members, so its return type is not loosened, and our
// Ui has only the methods the project uses.
type SpreadsheetAppApi = Emulated<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'getActiveSpreadsheet' | 'getActive' | 'openById' | 'flush' | 'newDataValidation'
>;

class SpreadsheetAppEmulation implements SpreadsheetAppApi {
  readonly #env: HandleContext;
  readonly ProtectionType = enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);

  constructor(env: HandleContext) {
    this.#env = env;
  }

  /**
   * Host side: a handle on spreadsheet `id` in this project's SpreadsheetApp, uncounted, for the event objects the
   * platform hands a trigger (`e.source`, `e.range`). Static and #-based so scripts cannot reach it.
   */
  static handleOf(app: SpreadsheetAppEmulation, id: string): Spreadsheet {
    return new Spreadsheet(app.#env, id);
  }

  /** The bound spreadsheet; null in a standalone project (the Gmail add-on). */
  getActiveSpreadsheet(): Spreadsheet | null {
    const id = this.#env.activeSpreadsheetId;
    return id ? new Spreadsheet(this.#env, id) : null;
  }

  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }

  openById(id: string): Spreadsheet {
    if (typeof id !== 'string') throw signatureMismatch('SpreadsheetApp.openById', [id]);
    return this.#env.ctx.call('SpreadsheetApp.openById', () => {
      if (!this.#env.store.has(id)) throw fail(MESSAGES.openById);
      return new Spreadsheet(this.#env, id);
    });
  }

  /** Only a project bound to a spreadsheet has its UI (platform.md §1). */
  getUi(): Ui {
    if (!this.#env.activeSpreadsheetId || !this.#env.ui) throw fail(MESSAGES.noUi);
    return new Ui(this.#env.ctx, this.#env.ui);
  }

  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
}

export type { SpreadsheetAppEmulation, Spreadsheet };

/** See SpreadsheetAppEmulation.handleOf. */
export function spreadsheetHandle(app: SpreadsheetAppEmulation, id: string): Spreadsheet {
  return SpreadsheetAppEmulation.handleOf(app, id);
}

export function createSpreadsheetApp(
  store: SpreadsheetStore,
  ctx: ServiceContext,
  options: { activeSpreadsheetId?: string; ui: UiHost },
): SpreadsheetAppEmulation {
  const env: HandleContext = {
    store,
    ctx,
    ui: options.ui,
    activeSpreadsheetId: options.activeSpreadsheetId,
    spreadsheet: (id) => new Spreadsheet(env, id),
    sheet: (ref) => new Sheet(ref),
    range: (ref, box) => new Range(ref, box),
  };
  return new SpreadsheetAppEmulation(env);
}
