// ScriptApp: installable clock and spreadsheet (onEdit, onChange) triggers for one project, with Google's limits. The store and the Node-side scheduler
// live in triggers.ts.
//
// Limits and wording:
// - "Triggers 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas); message
//   "This script has too many triggers. Triggers must be deleted from the script before more can be added." is quoted
//   from real executions in many public reports.
// - everyMinutes accepts 1, 5, 10, 15 or 30: "The value you passed to everyMinutes was invalid. It must be one of 1, 5,
//   10, 15 or 30." is quoted from a real exception dump (community); the docs do not list the values.
// - everyHours accepts 1, 2, 4, 6, 8 or 12 (community-reported); the wording is UNVERIFIED, written by analogy.
// - Builder-combination errors (no schedule, two schedules, atHour without everyDays...) are UNVERIFIED wording.
// - Spreadsheet triggers count toward the same 20; Google does not document an error for an unknown spreadsheet key
//   (UNVERIFIED: we refuse it at create() with "Invalid argument: key").

import { mintToken, TOKEN_LIFETIME_MS } from '../auth/oauth-token';
import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { createHash } from 'node:crypto';
import { Emulated, enumOf, member, signatureMismatch } from './emulated';
import { ScriptProject } from './project';
import { requireTimeZone } from './time-zone';
import { ClockSchedule, SpreadsheetEvent, TriggerRecord, TriggerStore } from './triggers';

export { TriggerStore, dueTriggers, clockTriggerEvent } from './triggers';
export type { DueTrigger, TriggerRecord, ClockSchedule, SpreadsheetEvent } from './triggers';

export const TRIGGERS_PER_USER_PER_SCRIPT = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

function integerIn(value: unknown, min: number, max: number, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new GasException(`Invalid argument: ${argument}`);
  }
  return value;
}

type TriggerApi = Emulated<
  GoogleAppsScript.Script.Trigger,
  'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
>;

class Trigger implements TriggerApi {
  readonly #record: TriggerRecord;

  constructor(record: TriggerRecord) {
    this.#record = record;
  }

  /** Host side: the id of a Trigger a script handed back (deleteTrigger). */
  static idOf(value: unknown): string | undefined {
    return value instanceof Trigger ? value.#record.id : undefined;
  }

  getHandlerFunction(): string {
    return this.#record.handler;
  }

  getUniqueId(): string {
    return this.#record.id;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return member(this.#record.spreadsheet?.event ?? 'CLOCK');
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return member(this.#record.spreadsheet ? 'SPREADSHEETS' : 'CLOCK');
  }

  /** The spreadsheet's id for a spreadsheet trigger; null for a clock trigger (Google: "null if not applicable"). */
  getTriggerSourceId(): string {
    return (this.#record.spreadsheet?.id ?? null) as string;
  }
}

type ClockBuilderApi = Emulated<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  'everyMinutes' | 'everyHours' | 'everyDays' | 'atHour' | 'nearMinute' | 'inTimezone' | 'after' | 'at' | 'create'
>;

/** What a builder needs from its ScriptApp, kept off the script-visible surface. */
interface Installer {
  now(): number;
  install(handler: string, schedule: ClockSchedule, timeZone: string | undefined): Trigger;
  installForSpreadsheet(handler: string, spreadsheetId: string, event: SpreadsheetEvent): Trigger;
}

class ClockTriggerBuilder implements ClockBuilderApi {
  readonly #app: Installer;
  readonly #handler: string;
  #schedule: ClockSchedule | undefined;
  #atHour: number | undefined;
  #nearMinute: number | undefined;
  #timeZone: string | undefined;

  constructor(app: Installer, handler: string) {
    this.#app = app;
    this.#handler = handler;
  }

  #choose(schedule: ClockSchedule): this {
    if (this.#schedule) throw new GasException('A clock trigger can only have one schedule.');
    this.#schedule = schedule;
    return this;
  }

  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n)) {
      throw new GasException('The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.');
    }
    return this.#choose({ kind: 'minutes', every: n });
  }

  everyHours(n: number): this {
    if (!EVERY_HOURS.includes(n)) {
      throw new GasException('The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.');
    }
    return this.#choose({ kind: 'hours', every: n });
  }

  everyDays(n: number): this {
    return this.#choose({ kind: 'days', every: integerIn(n, 1, 366, 'n') });
  }

  atHour(hour: number): this {
    this.#atHour = integerIn(hour, 0, 23, 'hour');
    return this;
  }

  nearMinute(minute: number): this {
    this.#nearMinute = integerIn(minute, 0, 59, 'minute');
    return this;
  }

  inTimezone(timezone: string): this {
    this.#timeZone = requireTimeZone(timezone, 'timezone');
    return this;
  }

  after(durationMilliseconds: number): this {
    const ms = integerIn(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
    return this.#choose({ kind: 'once', at: this.#app.now() + ms });
  }

  at(date: GoogleAppsScript.Base.Date): this {
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw signatureMismatch('ClockTriggerBuilder.at', [date]);
    return this.#choose({ kind: 'once', at: date.getTime() });
  }

  create(): Trigger {
    const s = this.#schedule;
    if (!s)
      throw new GasException('A clock trigger needs a schedule: everyMinutes, everyHours, everyDays, after or at.');
    if (this.#atHour !== undefined && s.kind !== 'days')
      throw new GasException('atHour can only be used with everyDays.');
    if (this.#nearMinute !== undefined && s.kind !== 'days' && s.kind !== 'hours') {
      throw new GasException('nearMinute can only be used with everyHours or everyDays.');
    }
    const schedule: ClockSchedule =
      s.kind === 'days'
        ? { ...s, atHour: this.#atHour, nearMinute: this.#nearMinute }
        : s.kind === 'hours'
          ? { ...s, nearMinute: this.#nearMinute }
          : s;
    return this.#app.install(this.#handler, schedule, this.#timeZone);
  }
}

type SpreadsheetBuilderApi = Emulated<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onEdit' | 'onChange' | 'create'
>;

class SpreadsheetTriggerBuilder implements SpreadsheetBuilderApi {
  readonly #app: Installer;
  readonly #handler: string;
  readonly #spreadsheetId: string;
  #event: SpreadsheetEvent | undefined;

  constructor(app: Installer, handler: string, spreadsheetId: string) {
    this.#app = app;
    this.#handler = handler;
    this.#spreadsheetId = spreadsheetId;
  }

  /** The last event chosen wins, as each call sets the builder's event type (UNVERIFIED). */
  onEdit(): this {
    this.#event = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.#event = 'ON_CHANGE';
    return this;
  }

  create(): Trigger {
    // UNVERIFIED wording: a spreadsheet trigger without its event.
    if (!this.#event) throw new GasException('A spreadsheet trigger needs an event: onEdit or onChange.');
    return this.#app.installForSpreadsheet(this.#handler, this.#spreadsheetId, this.#event);
  }
}

type TriggerBuilderApi = Emulated<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'>;

class TriggerBuilder implements TriggerBuilderApi {
  readonly #app: Installer;
  readonly #handler: string;

  constructor(app: Installer, handler: string) {
    this.#app = app;
    this.#handler = handler;
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.#app, this.#handler);
  }

  /** A Spreadsheet (from SpreadsheetApp) or its key. */
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SpreadsheetTriggerBuilder {
    const getId = typeof sheet === 'object' && sheet !== null ? (sheet as { getId?: unknown }).getId : undefined;
    const id = typeof sheet === 'string' ? sheet : typeof getId === 'function' ? getId.call(sheet) : undefined;
    if (typeof id !== 'string') throw signatureMismatch('TriggerBuilder.forSpreadsheet', [sheet]);
    return new SpreadsheetTriggerBuilder(this.#app, this.#handler, id);
  }
}

type ScriptAppApi = Emulated<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getService'
  | 'getOAuthToken'
>;

/**
 * ScriptApp.getService(): the project's web app. getUrl() is the deployment's `/exec` URL, null when the project is
 * not deployed (https://developers.google.com/apps-script/reference/script/service#getUrl()). UNVERIFIED: which
 * deployment Google names when a project has several (the emulator: the latest made).
 */
class ServiceEmulation {
  constructor(
    private readonly url: () => string | undefined,
    private readonly ctx: ServiceContext,
  ) {}

  getUrl(): string | null {
    return this.ctx.call('ScriptApp.Service.getUrl', () => this.url() ?? null);
  }

  isEnabled(): boolean {
    return this.ctx.call('ScriptApp.Service.isEnabled', () => this.url() !== undefined);
  }
}

class ScriptAppEmulation implements ScriptAppApi {
  readonly AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly EventType = enumOf<typeof GoogleAppsScript.Script.EventType>([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly TriggerSource = enumOf<typeof GoogleAppsScript.Script.TriggerSource>([
    'SPREADSHEETS',
    'CLOCK',
    'FORMS',
    'DOCUMENTS',
    'CALENDAR',
  ]);
  readonly #store: TriggerStore;
  readonly #ctx: ServiceContext;
  readonly #project: ScriptProject;

  readonly #spreadsheetExists: (id: string) => boolean;
  readonly #webAppUrl: () => string | undefined;

  constructor(
    store: TriggerStore,
    ctx: ServiceContext,
    project: ScriptProject,
    spreadsheetExists: (id: string) => boolean = () => true,
    webAppUrl: () => string | undefined = () => undefined,
  ) {
    this.#store = store;
    this.#ctx = ctx;
    this.#project = project;
    this.#spreadsheetExists = spreadsheetExists;
    this.#webAppUrl = webAppUrl;
  }

  getService(): GoogleAppsScript.Script.Service {
    return new ServiceEmulation(this.#webAppUrl, this.#ctx) as unknown as GoogleAppsScript.Script.Service;
  }

  readonly #installer: Installer = {
    now: () => this.#ctx.clock.now(),
    install: (handler, schedule, timeZone) =>
      this.#add('ScriptApp.ClockTriggerBuilder.create', handler, timeZone, { schedule }),
    installForSpreadsheet: (handler, id, event) =>
      this.#add('ScriptApp.SpreadsheetTriggerBuilder.create', handler, undefined, { spreadsheet: { id, event } }, id),
  };

  #add(
    service: string,
    handler: string,
    timeZone: string | undefined,
    kind: Pick<TriggerRecord, 'schedule' | 'spreadsheet'>,
    spreadsheetId?: string,
  ): Trigger {
    return this.#ctx.call(service, () => {
      const owner = this.#ctx.session.email;
      if (spreadsheetId !== undefined && !this.#spreadsheetExists(spreadsheetId))
        throw new GasException('Invalid argument: key');
      if (this.#store.of(this.#project, owner).length >= TRIGGERS_PER_USER_PER_SCRIPT)
        throw new GasException(TOO_MANY_TRIGGERS);
      const record = this.#store.add({
        project: this.#project,
        owner,
        handler,
        createdAt: this.#ctx.clock.now(),
        timeZone: timeZone ?? this.#ctx.session.timeZone,
        ...kind,
      });
      return new Trigger(record);
    });
  }

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw signatureMismatch('ScriptApp.newTrigger', [functionName]);
    return new TriggerBuilder(this.#installer, functionName);
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this.#ctx.call('ScriptApp.getProjectTriggers', () =>
      this.#store.of(this.#project, this.#ctx.session.email).map((r) => new Trigger(r)),
    );
  }

  /** Deleting a trigger that is already gone does nothing (UNVERIFIED what Google does). */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger | Trigger): void {
    const id = Trigger.idOf(trigger);
    if (id === undefined) throw signatureMismatch('ScriptApp.deleteTrigger', [trigger]);
    this.#ctx.call('ScriptApp.deleteTrigger', () => {
      const mine = this.#store.of(this.#project, this.#ctx.session.email).some((t) => t.id === id);
      if (mine) this.#store.remove(id);
    });
  }

  /**
   * The run's OAuth access token (auth/oauth-token.ts): the project's granted scopes, valid one hour. A read of what
   * the execution holds, not a round trip (ServiceContext.local).
   */
  getOAuthToken(): string {
    return this.#ctx.local('ScriptApp.getOAuthToken', () =>
      mintToken({
        project: this.#project,
        account: this.#ctx.session.email,
        scopes: this.#ctx.execution?.grants ? [...this.#ctx.execution.grants] : null,
        expires: this.#ctx.clock.now() + TOKEN_LIFETIME_MS,
      }),
    );
  }

  /** A stable id per project, shaped like Google's (57 characters starting with 1). */
  getScriptId(): string {
    return `1${createHash('sha256').update(`script:${this.#project}`).digest('base64url').slice(0, 56)}`;
  }
}

/** `spreadsheetExists` lets forSpreadsheet(...).create() refuse a key that names no spreadsheet. */
export function createScriptApp(
  store: TriggerStore,
  ctx: ServiceContext,
  project: ScriptProject,
  spreadsheetExists?: (id: string) => boolean,
  webAppUrl?: () => string | undefined,
): ScriptAppEmulation {
  return new ScriptAppEmulation(store, ctx, project, spreadsheetExists, webAppUrl);
}
