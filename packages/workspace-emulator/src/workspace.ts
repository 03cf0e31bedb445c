// The emulated Google Workspace of one office: the shared account's contacts, its spreadsheets, calendars, mail, and
// each Apps Script project's properties, cache, locks and triggers. State lives in memory, or in a folder's state
// database (state/persistent-state.ts) that every process opening the folder shares, one transaction per execution.
// `globals()` gives the Apps Script globals one project sees.

import { CallLog } from './call-log';
import { VirtualClock } from './clock';
import { InterleavePlan, Interleaving, ServiceContext, SessionInfo } from './context';
import { ExecutionKilled } from './errors';
import { Execution, ExecutionKind, ExecutionReport } from './execution';
import { FaultInjector } from './faults';
import { PeopleStore } from './people/store';
import { createPeople } from './people/service';
import { PEOPLE_QUOTAS, PeopleQuota, PeopleQuotaSettings } from './people/quotas';
import { SpreadsheetStore } from './spreadsheet/store';
import { createSpreadsheetApp, UiHost } from './spreadsheet/service';
import { createCharts } from './spreadsheet/charts';
import { CalendarStore } from './calendar/store';
import { createCalendarApp } from './calendar/service';
import { createCalendarAdvanced } from './calendar/advanced-service';
import { DriveStore } from './drive/store';
import { createDriveAdvanced } from './drive/service';
import { createDriveApp } from './drive/drive-app';
import { DRIVE_FILES_URL, driveHttp } from './drive/http';
import { createDocsAdvanced } from './docs/service';
import { PropertiesStore, createPropertiesService } from './script/properties';
import { CacheStore, createCacheService } from './script/cache';
import { LockTable, createLockService } from './script/lock';
import { TriggerStore, createScriptApp } from './script/script-app';
import { createSession } from './script/session';
import { createUtilities } from './script/utilities';
import { createLogger, LogSink } from './script/logger';
import { createHtmlService } from './ui/html-service';
import { createCardService } from './ui/card-service';
import { GmailStore, createGmailApp, createMailApp } from './gmail/service';
import { createContentService } from './script/content-service';
import { UrlFetchNetwork, WebAppOptions, WebAppTarget, headerValue, replyText } from './urlfetch/network';
import { createUrlFetchApp } from './urlfetch/service';
import { AdvancedServiceEntry, createSheets, sheetsSymbol } from './sheets/service';
import { SheetsUser } from './sheets-user';
import type { TriggerHost } from './trigger-host';
import type { ScriptProject } from './script/project';
import { PersistentState } from './state/persistent-state';
import type { StoreTable } from './state/stores';
import type { ExecutionIdentity, ScriptUser } from './auth/active-user';

export type ProjectId = ScriptProject;

/** What the emulator reads from a project's appsscript.json (the loader registers it when it loads the project). */
export interface ProjectManifest {
  timeZone?: string;
  oauthScopes?: string[];
  addOns?: { common?: { useLocaleFromApp?: boolean } & Record<string, unknown> } & Record<string, unknown>;
  dependencies?: { enabledAdvancedServices?: AdvancedServiceEntry[] };
}

/** What makes one Apps Script project's view of the Workspace. */
export interface ProjectBinding {
  project: ProjectId;
  /** The spreadsheet a bound project is bound to (`getActiveSpreadsheet()`); none for the standalone Gmail add-on. */
  boundSpreadsheetId?: string;
  /** HTML files pushed with the project, by name without `.html` (HtmlService.createHtmlOutputFromFile). */
  htmlFiles: Record<string, string>;
  /** Where Ui.createMenu/showSidebar land, so the sandbox and tests can see what a person would. */
  ui: UiHost;
  /**
   * The manifest's explicit `oauthScopes`. Absent means Apps Script detects the scopes itself (every service allowed);
   * present, a member none of whose scopes is listed refuses the call (auth/authorize.ts). The loader registers them
   * with the project's manifest (Workspace.manifests), which each execution of the project reads.
   */
  oauthScopes?: string[];
  /**
   * The manifest's `dependencies.enabledAdvancedServices`; absent, those of the manifest the loader registered for the
   * project (Workspace.manifests). An advanced service is a global only when enabled, under its userSymbol (People is
   * always present: the product's projects all enable it).
   */
  advancedServices?: AdvancedServiceEntry[];
}

export type AdvancedService = AdvancedServiceEntry;

/** What a browser or an outside client gets from a web app (after redirects). */
export interface WebAppExchange {
  status: number;
  contentType: string;
  text: string;
  headers: Record<string, string | string[]>;
}

export interface WorkspaceOptions {
  /** Start the clock frozen at this instant (tests, benchmarks); otherwise it follows real time. */
  clockStart?: string;
  /** Seed for fault injection. */
  seed?: number;
  session?: Partial<SessionInfo>;
  /**
   * People API quotas to enforce (people/quotas.ts): PEOPLE_QUOTAS by default, any figure overridden, or `false` for
   * none (a host measuring something else).
   */
  peopleQuotas?: Partial<PeopleQuotaSettings> | false;
  /**
   * The probability (drawn from `seed`) that another client edits a contact between the product's read and its
   * People write (the `concurrent-edit` fault on updateContact and batchUpdateContacts). Default 0.
   */
  concurrentEditRate?: number;
}

export class Workspace {
  readonly clock: VirtualClock;
  readonly calls = new CallLog();
  readonly faults: FaultInjector;
  readonly ctx: ServiceContext;
  readonly log = new LogSink();
  readonly locks = new LockTable();
  /** The account's use of its People quotas, on the virtual clock. */
  readonly peopleQuota: PeopleQuota;
  people: PeopleStore;
  spreadsheets: SpreadsheetStore;
  calendar: CalendarStore;
  properties: PropertiesStore;
  cache: CacheStore;
  triggers: TriggerStore;
  gmail: GmailStore;
  /**
   * The account's Google Drive: what the Drive advanced service reads and writes, and the host's view of it
   * (`files(filter?)`, `content(id)`, `userCreate`, `userTrash`, `userDelete`, `setUsedElsewhere`, `usage()`).
   */
  drive: DriveStore;
  /** The network UrlFetchApp reaches: deployed web apps and the fake endpoints tests `route()`; no internet. */
  urlFetch: UrlFetchNetwork;
  /** The folder the state is kept in, when it is persistent. */
  readonly dir: string | undefined;
  /** The folder's state database; none in memory. */
  private readonly state: PersistentState | undefined;
  /** Each loaded project's manifest: what Google decides from it (e.g. the add-on's event objects) is decided here. */
  readonly manifests: Partial<Record<ProjectId, ProjectManifest>> = {};
  /** Each loaded project, as the platform runs its triggers (registered by the loader). */
  readonly triggerHosts: Partial<Record<ProjectId, TriggerHost>> = {};
  /**
   * A person editing in the Sheets UI: changes the spreadsheet and fires the bound project's onEdit and the installed
   * onEdit/onChange triggers (sheets-user.ts). What scripts change fires nothing, as in Google.
   */
  readonly sheetsUser: SheetsUser;
  /** Who starts the executions begun now (runAs); by default the office account itself. */
  #identity: ExecutionIdentity | undefined;

  private constructor(options: WorkspaceOptions, dir?: string) {
    this.dir = dir;
    this.clock = new VirtualClock(options.clockStart);
    this.faults = new FaultInjector(options.seed ?? 1);
    const rate = options.concurrentEditRate ?? 0;
    if (rate > 0)
      for (const service of ['People.People.updateContact', 'People.People.batchUpdateContacts'])
        this.faults.add({ service, kind: 'concurrent-edit', probability: rate });
    const quotas = options.peopleQuotas === false ? undefined : { ...PEOPLE_QUOTAS, ...options.peopleQuotas };
    this.peopleQuota = new PeopleQuota(quotas, () => this.clock.now());
    this.ctx = new ServiceContext(this.clock, this.calls, this.faults, {
      email: 'office@example.com',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      ...options.session,
    });
    this.people = PeopleStore.fromJSON(undefined);
    this.spreadsheets = SpreadsheetStore.fromJSON(undefined);
    this.calendar = CalendarStore.fromJSON(undefined);
    this.properties = PropertiesStore.fromJSON(undefined);
    this.cache = CacheStore.fromJSON(undefined);
    this.triggers = TriggerStore.fromJSON(undefined);
    this.gmail = GmailStore.fromJSON(undefined);
    this.drive = DriveStore.fromJSON(undefined);
    this.drive.now = () => this.clock.now();
    this.urlFetch = UrlFetchNetwork.fromJSON(undefined);
    // Drive's content endpoints (export, alt=media), reached over UrlFetchApp with ScriptApp.getOAuthToken().
    this.urlFetch.route(
      DRIVE_FILES_URL,
      driveHttp({ drive: this.drive, spreadsheets: this.spreadsheets, now: () => this.clock.now() }),
    );
    // The stores are loaded in place (the objects above stay), so everything holding one sees the folder's state.
    this.state = dir ? PersistentState.open(dir, () => this.storeTable(), this.clock) : undefined;
    this.sheetsUser = new SheetsUser({
      spreadsheets: this.spreadsheets,
      triggers: this.triggers,
      ctx: this.ctx,
      executeAs: (account, fn) => this.#as({ ...this.#identity, account }, fn),
      identity: () => this.#identity,
      runAs: (user, fn) => this.runAs(user, fn),
      hosts: () => Object.values(this.triggerHosts).filter((h): h is TriggerHost => !!h),
      transaction: (fn) => this.transaction(fn),
    });
  }

  private storeTable(): StoreTable {
    return {
      people: this.people,
      spreadsheets: this.spreadsheets,
      calendar: this.calendar,
      properties: this.properties,
      cache: this.cache,
      triggers: this.triggers,
      gmail: this.gmail,
      urlfetch: this.urlFetch,
      peopleQuota: this.peopleQuota,
      drive: this.drive,
    };
  }

  static inMemory(options: WorkspaceOptions = {}): Workspace {
    return new Workspace(options);
  }

  /**
   * State kept in `dir` (created if missing; a folder of the old `*.json` files is imported once), shared with every
   * other process that opens it: each execution and each `transaction()` reads what the others committed and writes
   * what it changed.
   */
  static open(dir: string, options: WorkspaceOptions = {}): Workspace {
    return new Workspace(options, dir);
  }

  /** Whether `dir` already holds a Workspace's state (a folder `open()` would not start empty). */
  static hasState(dir: string): boolean {
    return PersistentState.exists(dir);
  }

  /**
   * Runs host code (seeding, a sandbox request, a person's edit) as one transaction of the state database: it sees
   * what other processes committed, and what it changes is written when it ends, also when it throws. Executions it
   * starts join it; inside one, it simply runs. In memory it simply runs.
   */
  transaction<T>(fn: () => T): T {
    return this.state ? this.state.transaction(fn) : fn();
  }

  /** Writes what host code changed outside a transaction (an empty transaction: it writes every changed store). */
  save(): void {
    this.transaction(() => undefined);
  }

  /** Lets go of the state database (a process that opens many Workspaces, e.g. a test). */
  close(): void {
    this.state?.close();
  }

  /** The Apps Script globals one project sees, all backed by this Workspace. */
  globals(binding: ProjectBinding): Record<string, unknown> {
    const ctx = this.ctx;
    // The project's executions check their calls against these (Workspace.run).
    if (binding.oauthScopes)
      this.manifests[binding.project] = { ...this.manifests[binding.project], oauthScopes: binding.oauthScopes };
    const services = binding.advancedServices ?? this.manifests[binding.project]?.dependencies?.enabledAdvancedServices;
    const sheets = sheetsSymbol(services);
    // An advanced service is a global only once the manifest enables it, under the symbol the manifest names (the
    // Apps Script editor lets the user choose it). People predates this and stays always on.
    const advanced: Record<string, unknown> = {};
    for (const s of services ?? [])
      if (s.serviceId === 'calendar' && s.version === 'v3')
        advanced[s.userSymbol] = createCalendarAdvanced(this.calendar, ctx);
      else if (s.serviceId === 'drive' && s.version === 'v3')
        advanced[s.userSymbol] = createDriveAdvanced(this.drive, ctx, binding.project, this.spreadsheets);
      else if (s.serviceId === 'docs' && s.version === 'v1')
        advanced[s.userSymbol] = createDocsAdvanced(this.drive, ctx, binding.project);
    if (sheets) advanced[sheets] = createSheets(this.spreadsheets, ctx, { project: binding.project });
    return {
      ...advanced,
      People: createPeople(this.people, ctx, this.peopleQuota),
      // Only its enums (Charts.ChartType...), for embedded charts' builders; it makes no calls.
      Charts: createCharts(),
      SpreadsheetApp: createSpreadsheetApp(this.spreadsheets, ctx, {
        activeSpreadsheetId: binding.boundSpreadsheetId,
        ui: binding.ui,
      }),
      CalendarApp: createCalendarApp(this.calendar, ctx),
      // Only refuses (drive/drive-app.ts): the product uses the Drive advanced service with drive.file.
      DriveApp: createDriveApp(ctx),
      PropertiesService: createPropertiesService(this.properties, ctx, binding.project, !!binding.boundSpreadsheetId),
      CacheService: createCacheService(this.cache, ctx, binding.project, !!binding.boundSpreadsheetId),
      LockService: createLockService(this.locks, ctx, binding.project, binding.boundSpreadsheetId),
      ScriptApp: createScriptApp(
        this.triggers,
        ctx,
        binding.project,
        (id) => this.spreadsheets.has(id),
        () => this.urlFetch.urlOf(binding.project),
      ),
      Session: createSession(ctx, binding.project),
      Utilities: createUtilities(ctx),
      HtmlService: createHtmlService(ctx, binding.htmlFiles),
      CardService: createCardService(ctx),
      GmailApp: createGmailApp(this.gmail, ctx),
      MailApp: createMailApp(this.gmail, ctx),
      UrlFetchApp: createUrlFetchApp(this.urlFetch, ctx),
      ContentService: createContentService(),
      Logger: createLogger(this.log),
      console: this.log.console(),
    };
  }

  /**
   * Deploys a loaded project as a web app (Deploy → New deployment → Web app) and returns its
   * `https://script.google.com/macros/s/<deploymentId>/exec` URL. A GET runs its `doGet(e)`, a POST its `doPost(e)`,
   * each as a separate execution. Defaults: execute as the deploying user, access "Only myself".
   */
  deployWebApp(project: WebAppTarget, options: WebAppOptions = {}): string {
    return this.urlFetch.deploy(this.#executedAsMe(project, options), options);
  }

  /**
   * "Execute as me": each request runs as the deploying account (the office's), without the visitor's authorisation,
   * so Session names the visitor only when they are that account (auth/active-user.ts).
   */
  #executedAsMe(project: WebAppTarget, options: WebAppOptions): WebAppTarget {
    if ((options.executeAs ?? 'USER_DEPLOYING') !== 'USER_DEPLOYING') return project;
    const identity = (): ExecutionIdentity => ({
      user: this.#identity?.user,
      account: this.ctx.session.email,
      userAuthorized: false,
    });
    return {
      project: project.project,
      hasFunction: (name) => project.hasFunction(name),
      invoke: (name, args, kind) => this.#as(identity(), () => project.invoke(name, args, kind)),
    };
  }

  /** A browser or an outside client calling a web app (or a routed endpoint): no script, no quota, redirects followed. */
  readonly webApp = {
    get: (url: string, headers: Record<string, string> = {}): WebAppExchange => this.exchange('GET', url, '', headers),
    post: (
      url: string,
      body: string,
      contentType = 'text/plain',
      headers: Record<string, string> = {},
    ): WebAppExchange => this.exchange('POST', url, body, { ...headers, 'content-type': contentType }),
  };

  private exchange(method: 'GET' | 'POST', url: string, body: string, headers: Record<string, string>): WebAppExchange {
    return this.transaction(() => this.exchangeNow(method, url, body, headers));
  }

  private exchangeNow(
    method: 'GET' | 'POST',
    url: string,
    body: string,
    headers: Record<string, string>,
  ): WebAppExchange {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const bytes = new Uint8Array(Buffer.from(body, 'utf8'));
    const { reply } = this.urlFetch.dispatch({ url, method, headers: lower, body: bytes, text: body }, true);
    return {
      status: reply.status,
      contentType: headerValue(reply.headers, 'content-type') ?? '',
      text: replyText(reply),
      headers: reply.headers,
    };
  }

  /**
   * Two executions at once, at service-call granularity: `plan.run` (starting executions of any loaded project) runs
   * just before the chosen service call of the execution `plan.of` picks, which is suspended meanwhile. Its locks stay
   * held, so an interleaved waitLock on them times out with Google's lock-timeout message (the suspended run cannot
   * let go: what contention looks like from the waiting side); the interleaved writes land between its reads and its
   * writes. One-shot; the returned record says whether and where it fired.
   */
  interleave(plan: InterleavePlan): Interleaving {
    return this.ctx.interleave(plan);
  }

  /**
   * Runs `fn` with `user` at the keyboard: every execution `fn` starts (a menu item, a sidebar call, a card, an edit
   * firing onEdit) is that user's, and Session answers for them by Google's rules (auth/active-user.ts).
   */
  runAs<T>(user: ScriptUser, fn: () => T): T {
    return this.#as({ user }, fn);
  }

  #as<T>(identity: ExecutionIdentity, fn: () => T): T {
    const outer = this.#identity;
    this.#identity = identity;
    try {
      return fn();
    } finally {
      this.#identity = outer;
    }
  }

  /**
   * Runs `fn` as one Apps Script execution of `kind`, with its run-time budget, under `project`'s manifest scopes
   * when given. A run the platform killed reports `killed`, whatever the code did with the error. In a folder the
   * outermost run is one transaction (nested runs, e.g. triggers it fires or web apps it fetches, join it), committed
   * also when the run failed.
   */
  run<T>(
    kind: ExecutionKind,
    functionName: string,
    fn: () => T,
    project?: ProjectId,
  ): { result?: T; error?: unknown; report: ExecutionReport } {
    return this.state
      ? this.state.transaction(() => this.execute(kind, functionName, fn, project))
      : this.execute(kind, functionName, fn, project);
  }

  private execute<T>(
    kind: ExecutionKind,
    functionName: string,
    fn: () => T,
    project: ProjectId | undefined,
  ): { result?: T; error?: unknown; report: ExecutionReport } {
    const outer = this.ctx.execution;
    const grants = project === undefined ? undefined : this.manifests[project]?.oauthScopes;
    const exec = new Execution(kind, functionName, undefined, { grants, identity: this.#identity });
    this.ctx.onRunStart?.(exec);
    this.ctx.execution = exec;
    try {
      const result = fn();
      if (!exec.killed && exec.overBudget()) exec.killed = 'Exceeded maximum execution time';
      if (exec.killed) return { error: new ExecutionKilled(exec.killed), report: exec.report() };
      return { result, report: exec.report() };
    } catch (error) {
      if (!exec.killed && exec.overBudget()) exec.killed = 'Exceeded maximum execution time';
      return { error: exec.killed ? new ExecutionKilled(exec.killed) : error, report: exec.report() };
    } finally {
      this.ctx.execution = outer;
      this.locks.releaseAll(exec);
    }
  }
}
