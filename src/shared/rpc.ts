// The one contract between the sidebars and the server. The server implements `ServerApi` (src/server/api.ts) and
// exposes each method as a top-level Apps Script function; the sidebars call it through `rpc` (src/client/lib/rpc.ts)
// which is typed from this interface, so a renamed or re-typed function fails the type check on both sides.

import type { IsJson, ProveJson } from './json';
import type { AccessView } from './access-dto';
import type {
  BackupNightView,
  BackupRunResult,
  ChangeView,
  JournalQuery,
  RestoreInput,
  RestoreResult,
  RevertResult,
} from './backup-dto';
import type {
  MailingInput,
  MailingPreview,
  MailingResult,
  MailingView,
  SavedTemplate,
  SaveTemplateInput,
} from './mailing-dto';
import type { AddCallerInput, AddCallerResult, CallsView, PbxSetupView } from './pbx-dto';
import type { DocumentResult, EmailDocumentInput, EmailDocumentResult, MakeDocumentInput } from './documents-dto';
import type { Locale } from '../core/i18n/locale';
import type { SettingKey } from '../core/settings/definitions';
import type { SettingEntry } from '../core/settings/read';
import type {
  ExportPage,
  ExportPageInput,
  ImportPreview,
  ImportProgress,
  ImportRecord,
  ImportSetup,
  StageImportInput,
  StageImportResult,
  UndoResult,
} from './import-dto';
import type {
  BirthdayView,
  DueQuery,
  DueView,
  EventChange,
  EventPatch,
  EventView,
  LogEventInput,
  Page,
  QuietClientView,
  ReminderQuery,
  RemindersView,
  UndoToken,
} from './events-dto';
import type {
  AddClientInput,
  AddClientResult,
  ClientHistoryInput,
  ClientSidebarSetup,
  ClientView,
  FindClientsInput,
  FindClientsResult,
  ResolveView,
  SaveClientInput,
  SaveClientResult,
} from './clients-dto';
import type {
  DashboardRefresh,
  RefreshReportsInput,
  RefreshReportsResult,
  ReportDto,
  ReportQuery,
} from './reports-dto';

export type SheetState = 'ok' | 'missing' | 'repair';

export interface SheetStatus {
  key: string;
  title: string;
  state: SheetState;
  missingColumns: string[];
}

export interface SettingsView {
  locale: Locale;
  spreadsheetName: string;
  sheets: SheetStatus[];
  defaultCountry: string;
  /** '' = the account's language. */
  language: '' | Locale;
  contactsCount: number;
  /** Every setting (src/core/settings/definitions.ts) with its value and default; `problem` on a value not allowed. */
  settings: SettingEntry[];
}

/** The settings to change, by key; '' puts one back to its default. Keys outside the definitions are ignored. */
export type SettingsInput = Partial<Record<SettingKey, string>>;

export type SaveSettingsResult =
  { ok: true; view: SettingsView } | { ok: false; errors: Array<{ field: SettingKey; message: string }> };

export interface SetupResult {
  created: string[];
  repaired: string[];
  message: string;
}

export interface ServerApi {
  /** Who is using the CRM and what they may do; `chosen` = a shared-account browser's "who am I" (a Staff e-mail). */
  getAccess(chosen?: string): AccessView;
  getSettingsView(): SettingsView;
  saveSettings(input: SettingsInput): SaveSettingsResult;
  runSetup(): SetupResult;
  // Import / Export sidebar (src/shared/import-dto.ts).
  getImportSetup(fingerprint: string): ImportSetup;
  stageImport(input: StageImportInput): StageImportResult;
  previewImport(importId: string): ImportPreview;
  runImport(importId: string): ImportProgress;
  undoImport(importId: string): UndoResult;
  listImports(): ImportRecord[];
  listLabels(): string[];
  exportContacts(input: ExportPageInput): ExportPage;
  // Reminders sidebar and the CLI (src/shared/events-dto.ts). Instants are ISO strings; `at` defaults to now.
  getReminders(query?: ReminderQuery): RemindersView;
  logEvent(input: LogEventInput): EventView;
  /** Done, Result, Reschedule, Cancel, Assign: a patch for the list shown (no reload), with an undo token. */
  changeEvent(change: EventChange): EventPatch;
  /** Reverts the change a token describes, unless the event changed again since (then refused, saying so). */
  undoChange(token: UndoToken): EventPatch;
  /** Today and overdue, tomorrow or the week ahead, by manager, paged (DueQuery). */
  getDue(query: DueQuery): DueView;
  getQuietClients(at?: string, days?: number): QuietClientView[];
  /** Birthdays from today over `days` days (default 7). */
  getBirthdays(query: { at?: string; days?: number }): Page<BirthdayView>;
  /** "Plan a congratulation": a planned event of Settings' birthday kind and reason on the client's next birthday. */
  planCongratulation(input: { client: string; indexRow?: number; at?: string; as?: string }): EventPatch;
  /** The Reminders sidebar's manager filter, remembered per user ('' = everyone). */
  rememberManagerFilter(manager: string): void;
  // Clients (src/shared/clients-dto.ts): search as you type, what a typed text names (core/clients), one client's
  // card and history, saving the card, adding one.
  getClient(input: ClientHistoryInput): ClientView;
  saveClient(input: SaveClientInput): SaveClientResult;
  addClient(input: AddClientInput): AddClientResult;
  findClients(input: FindClientsInput): FindClientsResult;
  resolveClient(query: string): ResolveView;
  // The Client sidebar: what it needs before the first search, and opening it on one client.
  getClientSidebarSetup(): ClientSidebarSetup;
  /** Shows the Client sidebar opened on one client (a resourceName, or any text the resolver takes). */
  openClientSidebar(client: string): void;
  // The change journal (src/shared/backup-dto.ts): a client's or the latest changes, newest first, and undoing one.
  // Both need the `editClients` right.
  getChanges(q: JournalQuery): ChangeView[];
  revertChange(id: string): RevertResult;
  // Reports (src/shared/reports-dto.ts): the Reports sheet and the Dashboard rewritten from one read each; a report
  // computed from the sheets without writing anything (`crm report`). Callers need the `reports` capability.
  /** Rewrites the Reports sheet for the office's choice (its top cells), or for `input`, which is then kept there. */
  refreshReports(input?: RefreshReportsInput): RefreshReportsResult;
  getReport(query: ReportQuery): ReportDto;
  /** Rewrites the Dashboard's KPI cells and chart blocks; creates its four charts once, re-points moved ones. */
  refreshDashboard(): DashboardRefresh;
  // Backup (src/shared/backup-dto.ts): the nightly backup run now (or carried on), the kept nights, and a kept
  // night's restore, previewed first (`preview: true` changes nothing). Callers need the `import` capability: a
  // backup is the whole base, like an export.
  runBackupNow(): BackupRunResult;
  listBackups(): BackupNightView[];
  restoreBackup(input: RestoreInput): RestoreResult;
  // Telephony (src/shared/pbx-dto.ts): the endpoint's URLs and secret (`settingsEdit`), the callback list and new
  // callers (`logEvents`), closing a callback by hand, turning a new caller into a client in one click (`editClients`).
  getPbxSetup(): PbxSetupView;
  getCalls(): CallsView;
  closeCallback(input: { phone: string }): CallsView;
  addCaller(input: AddCallerInput): AddCallerResult;
  // Documents (src/shared/documents-dto.ts): an offer or invoice PDF for an order event, in the client's Drive folder
  // and linked from the event; e-mailing it to the client (made first when the event has none). Right: `logEvents`.
  makeDocument(input: MakeDocumentInput): DocumentResult;
  emailDocument(input: EmailDocumentInput): EmailDocumentResult;
  // Mailings (src/shared/mailing-dto.ts): e-mail or SMS merges to a label, a filter or picked clients, previewed first,
  // sent within the day's quota and resumed by a daily trigger. Callers need the `mailings` capability.
  previewMailing(input: MailingInput): MailingPreview;
  /** Queues every message and sends what today's quota allows (a dry run sends, queues and logs nothing). */
  startMailing(input: MailingInput): MailingResult;
  listMailings(): MailingView[];
  /** Its queued messages are skipped ('stopped'); the ones sent stay sent. */
  stopMailing(input: { id: string }): MailingView;
  /** The typed template saved as a new Google Doc (the CRM's own, so it can read it back); for the Doc field. */
  saveMailingTemplate(input: SaveTemplateInput): SavedTemplate;
}

export type ServerFunctionName = keyof ServerApi;

/** Every argument and result of the contract must survive google.script.run. */
export type _DtosAreJson = ProveJson<
  IsJson<SettingsView | SaveSettingsResult | SetupResult | SettingsInput | AccessView>
>;
export type _ImportDtosAreJson = ProveJson<
  IsJson<
    | ImportSetup
    | StageImportInput
    | StageImportResult
    | ImportPreview
    | ImportProgress
    | UndoResult
    | ImportRecord
    | ExportPageInput
    | ExportPage
  >
>;
export type _ReportDtosAreJson = ProveJson<
  IsJson<RefreshReportsInput | RefreshReportsResult | ReportQuery | ReportDto | DashboardRefresh>
>;
export type _PbxDtosAreJson = ProveJson<IsJson<PbxSetupView | CallsView | AddCallerInput | AddCallerResult>>;
export type _BackupDtosAreJson = ProveJson<IsJson<BackupRunResult | BackupNightView | RestoreInput | RestoreResult>>;
export type _DocumentDtosAreJson = ProveJson<
  IsJson<MakeDocumentInput | DocumentResult | EmailDocumentInput | EmailDocumentResult>
>;
export type _MailingDtosAreJson = ProveJson<
  IsJson<MailingInput | MailingPreview | MailingResult | MailingView | SaveTemplateInput | SavedTemplate>
>;
export type _ClientSidebarDtosAreJson = ProveJson<IsJson<ClientSidebarSetup>>;
export type _EventDtosAreJson = ProveJson<
  IsJson<
    | RemindersView
    | LogEventInput
    | EventView
    | EventChange
    | DueView
    | DueQuery
    | QuietClientView
    | EventPatch
    | UndoToken
    | ReminderQuery
    | Page<BirthdayView>
  >
>;
export type _ClientDtosAreJson = ProveJson<
  IsJson<
    | ClientHistoryInput
    | ClientView
    | SaveClientInput
    | SaveClientResult
    | AddClientInput
    | AddClientResult
    | FindClientsInput
    | FindClientsResult
    | ResolveView
  >
>;

/** Every server function the sidebars may call, checked exhaustive against ServerApi by the type below. */
const FUNCTIONS: Record<ServerFunctionName, true> = {
  getAccess: true,
  getSettingsView: true,
  saveSettings: true,
  runSetup: true,
  getImportSetup: true,
  stageImport: true,
  previewImport: true,
  runImport: true,
  undoImport: true,
  listImports: true,
  listLabels: true,
  exportContacts: true,
  getReminders: true,
  logEvent: true,
  changeEvent: true,
  undoChange: true,
  getDue: true,
  getQuietClients: true,
  getBirthdays: true,
  planCongratulation: true,
  rememberManagerFilter: true,
  getClient: true,
  saveClient: true,
  addClient: true,
  findClients: true,
  resolveClient: true,
  getClientSidebarSetup: true,
  openClientSidebar: true,
  getChanges: true,
  revertChange: true,
  refreshReports: true,
  getReport: true,
  refreshDashboard: true,
  restoreBackup: true,
  runBackupNow: true,
  listBackups: true,
  getPbxSetup: true,
  getCalls: true,
  closeCallback: true,
  addCaller: true,
  makeDocument: true,
  emailDocument: true,
  previewMailing: true,
  startMailing: true,
  listMailings: true,
  stopMailing: true,
  saveMailingTemplate: true,
};
export const SERVER_FUNCTIONS = Object.keys(FUNCTIONS) as ServerFunctionName[];
