// Every Apps Script entry point of both projects, and nothing else. The build turns each exported function into a
// top-level function declaration, and each ServerApi method of `api` into one too (src/local/build/entry-points.ts):
// triggers, menu items, google.script.run targets and card callbacks all resolve here. Logic lives in the modules
// imported below.

import { t } from '../core/i18n/messages';
import { api } from './api';
import { logEmail, logEmailForm, openInCrm, openSheet, planFollowUp, planForm } from './gmail/actions';
import { addClient } from './gmail/add-client';
import { addClientForm, homepageCard, senderCard } from './gmail/card';
import { indexChanged } from './gmail/web-app';
import { isWriteRequest, sheetWrite } from './events/write-service';
import { readSettings, StoredSettings, uiLocale } from './sheets/settings';
import { takePendingOpen } from './sheets/pending-open';
import { SheetContents, sheetContents } from './sheets/sheet-contents';
import { addCrmMenu } from './ui/menu';
import type { NewMemberInput } from '../core/roles/new-member';
import { addStaffMember, onStaffEdit, staffList, StaffListEntry } from './staff/staff-sheet';
import { menuAllowed, openerRole } from './ui/menu-guard';
import { OfficeContext } from './events/office';
import { showClientSidebar, showSidebar } from './ui/sidebars';
import { morningDigest, refreshIndex, refreshReportsAtNight } from './triggers/routine';
import { onEventsEdit, onEventsStructureChange } from './events/hand-edits';
import { ClientIndexEntry, indexStats, IndexStats, lookupClient } from './card-index/client-index';
import { isAddon } from './card-index/announce';
import { restoreDeletedPage } from './backup/incident';
import { restoreFile, restoreNight as restoreGuarded } from './backup/restore-night';
import type { RestoreSource } from './backup/restore';
import { readChanges } from './backup/journal-sheet';
import type { ContactChange } from '../core/backup/types';
import { syncOutsideChanges, type SyncResult } from './backup/sync';
import { nightlyBackup } from './backup/trigger';
import type { BackupNightView, BackupRunResult, RestoreInput, RestoreResult } from '../shared/backup-dto';
import { lastBackup, runBackup } from './backup/nightly';
import { listBackups } from './backup/list-backups';
import { NightCopy, readNight } from './backup/read-night';
import { processInbox } from './pbx/process';
import { resumeMailings, ResumeResult } from './mailing/engine';
import { runMailingSoonTrigger, runMailingTrigger, syncMailingTrigger } from './mailing/trigger';
import { requireRight } from './staff/guard';
import { importCalls } from './pbx/import-calls';
import { getCalls } from './pbx/calls-api';
import type { CallsView, ImportCallsResult, ProcessInboxResult } from '../shared/pbx-dto';
import type { SmsMessage } from '../core/sms/gateway';
import { sendThroughGateway, type SmsCheckResult } from './sms/check';
import { isPbxRequest, pbxRequest } from './pbx/endpoint';

function safeSettings(): StoredSettings | undefined {
  try {
    return readSettings();
  } catch (e) {
    return undefined;
  }
}

function safeLocale() {
  const settings = safeSettings();
  return settings ? uiLocale(settings) : uiLocale();
}

/** The opener's role for the menu; a failure (no Staff sheet yet, a shared drive) leaves the items anyone may use. */
function safeOpenerRole(settings: StoredSettings | undefined) {
  try {
    const office = new OfficeContext();
    if (settings?.rows) office.prime('settings', settings.rows);
    return openerRole(office);
  } catch (e) {
    console.warn(`The menu was built without the opener's role: ${e instanceof Error ? e.name : 'error'}`);
    return undefined;
  }
}

/**
 * Simple trigger: the spreadsheet was opened. Builds the CRM menu for the opener's role (menu-guard.ts: Google names
 * only the owner here, anyone else gets the items anyone may use until a sidebar redraws it); when this user has just pressed "Open in the CRM"
 * on the Gmail card, opens the Client sidebar on that client (the record is among the Settings rows read for the
 * language: src/server/sheets/pending-open.ts). A failure there leaves the menu in place.
 */
export function onOpen(): void {
  const settings = safeSettings();
  const locale = settings ? uiLocale(settings) : uiLocale();
  addCrmMenu(locale, safeOpenerRole(settings));
  if (!settings) return;
  try {
    const client = takePendingOpen(settings);
    if (client) showClientSidebar(t(locale, 'menuClients'), client);
  } catch (e) {
    console.warn(`The client from the Gmail card was not opened: ${e instanceof Error ? e.name : 'error'}`);
  }
}

/** Menu: CRM → Reminders (the first screen of the day). */
export function openRemindersSidebar(): void {
  showSidebar('reminders', t(safeLocale(), 'menuReminders'));
}

/** Menu: CRM → Clients: search, the card and the history. Opened on one client: api.openClientSidebar. */
export function openClientsSidebar(): void {
  showClientSidebar(t(safeLocale(), 'menuClients'));
}

/** Menu: CRM → Settings. */
export function openSettingsSidebar(): void {
  if (!menuAllowed('openSettingsSidebar')) return;
  showSidebar('settings', t(safeLocale(), 'settingsTitle'));
}

/** Menu: CRM → Import / export clients. */
export function openImportSidebar(): void {
  if (!menuAllowed('openImportSidebar')) return;
  showSidebar('import', t(safeLocale(), 'menuImportExport'));
}

/** Menu: CRM → Backup…: the kept nights, "Back up now" and the restore (src/client/sidebars/backup). */
export function openBackupSidebar(): void {
  if (!menuAllowed('openBackupSidebar')) return;
  const locale = safeLocale();
  showSidebar('backup', t(locale, 'menuBackup'), locale);
}

/**
 * Menu: CRM → Telephony…: the callback list, new callers and (for settingsEdit) where each PBX is pointed
 * (src/client/sidebars/calls). The office's language and zone go on the page: it shows times before asking anything.
 */
export function openCallsSidebar(): void {
  let office: { locale: ReturnType<typeof safeLocale>; timeZone?: string };
  try {
    const context = new OfficeContext();
    office = { locale: context.locale, timeZone: context.timeZone };
  } catch (e) {
    // Not set up yet (no Settings sheet): the account's language, the browser's zone; the lists say what is missing.
    office = { locale: safeLocale() };
  }
  showSidebar('calls', t(office.locale, 'menuTelephony'), office.locale, office.timeZone);
}

/**
 * Menu: CRM → Mailing…: a mail merge by e-mail or SMS, previewed, sent within the day's quota, listed with its
 * progress (src/client/sidebars/mailing). The office's language goes on the page.
 */
export function openMailingSidebar(): void {
  if (!menuAllowed('openMailingSidebar')) return;
  const locale = safeLocale();
  showSidebar('mailing', t(locale, 'menuMailing'), locale);
}

/** Menu: CRM → Reports → Refresh: the Reports sheet for the period chosen in its top cells. */
export function refreshReportsSheet(): void {
  if (!menuAllowed('refreshReportsSheet')) return;
  const result = api.refreshReports();
  SpreadsheetApp.getActiveSpreadsheet().toast(t(safeLocale(), 'reportsRefreshed', { rows: result.rows }));
}

/** Menu: CRM → Dashboard → Refresh: the KPI cells and the four charts' data. */
export function refreshDashboardSheet(): void {
  if (!menuAllowed('refreshDashboardSheet')) return;
  api.refreshDashboard();
  SpreadsheetApp.getActiveSpreadsheet().toast(t(safeLocale(), 'dashboardRefreshed'));
}

/** Menu: CRM → Set up / repair. */
export function setupCrm(): void {
  if (!menuAllowed('setupCrm')) return;
  const result = api.runSetup();
  SpreadsheetApp.getActiveSpreadsheet().toast(result.message);
}

/**
 * The google.script.run targets (src/shared/rpc.ts): the build declares one top-level function per name in
 * SERVER_FUNCTIONS, each calling this object's method (src/local/build/entry-points.ts), so a server function is
 * declared once, in ServerApi, and implemented once, in api.ts.
 */
export { api };

/**
 * Simple trigger: a person edited cells. Edits of the Events sheet bring the open-events store in line (the edited
 * rows only; hand-typed rows get their id). Google runs it with limited authorisation: the spreadsheet only.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // An edit of the Staff sheet (by an editor: it is protected) brings the protected sheets' editors in line.
  if (!onEventsEdit(e)) onStaffEdit(e);
}

/** Installable trigger (setup): rows deleted, inserted or sorted — the open-events store is rewritten from Events. */
export function onEventsChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  onEventsStructureChange(e);
}

/** Time-driven trigger (installed by setup, every 4 hours): rebuilds the Gmail card's client index. */
export function refreshIndexTrigger(_e?: GoogleAppsScript.Events.TimeDriven): void {
  refreshIndex();
}

/** Time-driven trigger (installed by setup, each morning): e-mails each opted-in manager their due list. */
export function morningDigestTrigger(_e?: GoogleAppsScript.Events.TimeDriven): void {
  morningDigest();
}

/** Time-driven trigger (installed by setup, each night at 2:00 office time): the Reports sheet and the Dashboard. */
export function refreshReportsTrigger(_e?: GoogleAppsScript.Events.TimeDriven): void {
  refreshReportsAtNight();
}

/**
 * Time-driven trigger (installed by setup, each night at Settings → backupHour; and one-off a minute after an
 * execution that ran out of time): the outside-change sync, then the backup to Drive (src/server/backup).
 */
export function backupTrigger(_e?: GoogleAppsScript.Events.TimeDriven): BackupRunResult {
  return nightlyBackup();
}

/** Time-driven trigger (installed by setup, every 5 minutes): the PBX Inbox's new rows become events (pbx/process.ts). */
export function processInboxTrigger(_e?: GoogleAppsScript.Events.TimeDriven): ProcessInboxResult {
  return processInbox();
}

/** Time-driven trigger (made by a mailing that waits for a later day's quota): carries queued mailings on. */
export function mailingTrigger(_e?: GoogleAppsScript.Events.TimeDriven): ResumeResult {
  return runMailingTrigger();
}

/** Time-driven one-off trigger (a run out of time with the day's quota left): the same run, a minute later. */
export function mailingSoonTrigger(_e?: GoogleAppsScript.Events.TimeDriven): ResumeResult {
  return runMailingSoonTrigger();
}

/** `crm mailing --resume [--id ID]` and the tests: the trigger's run now, for every waiting mailing or one. */
export function resumeMailings_(id?: string): ResumeResult {
  requireRight('mailings');
  const office = new OfficeContext();
  const result = resumeMailings(office, id || undefined);
  syncMailingTrigger(result.queued > 0, office, result.resumesSoon);
  return result;
}

/** The same run for `crm process-inbox`, the tests and the bench (the underscore keeps it from google.script.run). */
export function processInbox_(options: { budgetMs?: number } = {}): ProcessInboxResult {
  return processInbox(options);
}

/** `crm import-calls FILE`: the file's bytes as base64 (or a byte array), its name, the format when not guessed. */
export function importCalls_(
  bytes: string | number[],
  fileName: string,
  format?: 'asterisk' | 'csv',
): ImportCallsResult {
  const data = typeof bytes === 'string' ? Utilities.base64Decode(bytes) : bytes;
  return importCalls(
    Uint8Array.from(data, (b) => b & 255),
    fileName,
    format,
  );
}

/** `crm callbacks`: the callback list and new callers as the sidebar gets them. */
export function callbacks_(): CallsView {
  return getCalls();
}

/** The backup run with a chosen night and budget, for the CLI's `crm backup` and the tests (not google.script.run). */
export function runBackup_(options: { now?: string; budgetMs?: number } = {}): BackupRunResult {
  return runBackup({ now: options.now ? new Date(options.now) : undefined, budgetMs: options.budgetMs });
}

/** The last backup run's state as a result (the bench reads it between executions; no Drive call). */
export function lastBackup_(): BackupRunResult | null {
  return lastBackup() ?? null;
}

/** The kept nights (`crm backups`) and one night read back (`crm restore`), for the CLI and the tests. */
export function listBackups_(): BackupNightView[] {
  return listBackups();
}

export function readNight_(night: string): NightCopy | null {
  return readNight(night) ?? null;
}

/** The card index as the running project sees it (CLI, tests). The trailing underscore keeps it from google.script.run. */
export function lookupClientIndex_(emailOrPhone: string): ClientIndexEntry | null {
  return lookupClient(emailOrPhone) ?? null;
}

export function clientIndexStats_(): IndexStats {
  return indexStats();
}

/** A CRM sheet as the office sees it, for the CLI's `crm sheet TITLE` (the underscore keeps it from google.script.run). */
export function sheetContents_(title: string): SheetContents {
  return sheetContents(title);
}

/** One batch through the office's SMS gateway, for the CLI's and the tests' check of the Settings (server/sms/check.ts). */
export function smsGatewaySend_(messages: SmsMessage[]): SmsCheckResult {
  return sendThroughGateway(messages);
}

/** The Staff sheet as the roles see it, for the CLI's `crm staff` (the underscore keeps it from google.script.run). */
export function staffList_(): StaffListEntry[] {
  return staffList();
}

/** One person added to the Staff sheet, for the CLI's `crm staff add` (checked: staff/staff-sheet.ts). */
export function addStaffMember_(input: NewMemberInput): StaffListEntry {
  return addStaffMember(input);
}

/**
 * Both projects' web apps (manifest `webapp`), each POST carrying the shared secret: the Gmail add-on's is told of
 * card index changes by the sheet project (card-index/announce.ts); the sheet project's makes the add-on's writes
 * under its write lock (events/write-service.ts) and takes the PBXs' call notifications into the Inbox
 * (`?pbx=mango|zadarma` or /exec/mango/…, pbx/endpoint.ts). Each project's copy refuses what is the other's.
 */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  if (isPbxRequest(e)) return pbxRequest(e);
  return isWriteRequest(e) ? sheetWrite(e) : indexChanged(e);
}

/**
 * The sheet project's web app, GET: a PBX's GET (Zadarma's zd_echo URL check; pbx/endpoint.ts), else the
 * mass-deletion guard's one-click restore link (`?action=restore-deleted&incident=ID&key=SECRET`, backup/incident.ts),
 * answered as a page in the office's language. Anything else, and the Gmail add-on's copy, answers a page that says
 * the link is not valid.
 */
export function doGet(
  e: GoogleAppsScript.Events.DoGet,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  if (isPbxRequest(e)) return pbxRequest(e);
  return restoreDeletedPage(isAddon() ? {} : (e?.parameter ?? {}), restoreGuarded);
}

/** The nightly outside-change sync alone (its trigger runs it before the backup), for the CLI and the tests. */
export function syncOutsideChanges_(): SyncResult {
  return syncOutsideChanges();
}

/** The journal's latest changes (newest first), for the tests and the CLI (the underscore keeps it from google.script.run). */
export function journalChanges_(query: { resourceName?: string; text?: string; limit?: number } = {}): ContactChange[] {
  return readChanges(query).changes;
}

/** `crm restore FILE`: the contacts (and sheets) of a copy on disk (the underscore keeps it from google.script.run). */
export function restoreFile_(
  source: RestoreSource,
  input: Omit<RestoreInput, 'night'>,
  options: { budgetMs?: number } = {},
): RestoreResult {
  return restoreFile(source, input, options);
}

/** Gmail add-on: contextual trigger for an opened message (manifest addOns.gmail.contextualTriggers). */
export function onGmailMessage(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  return senderCard(e);
}

/** Gmail add-on: homepage (manifest addOns.common.homepageTrigger). */
export function onGmailHomepage(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  return homepageCard(e);
}

// Gmail add-on card actions (Action.setFunctionName in src/server/gmail). Each answers well inside the 30 s add-on limit.
type CardAction = (e: GoogleAppsScript.Addons.EventObject) => GoogleAppsScript.Card_Service.ActionResponse;
export const gmailLogEmailForm: CardAction = (e) => logEmailForm(e);
export const gmailLogEmail: CardAction = (e) => logEmail(e);
export const gmailPlanForm: CardAction = (e) => planForm(e);
export const gmailPlanFollowUp: CardAction = (e) => planFollowUp(e);
export const gmailAddClientForm: CardAction = (e) => addClientForm(e);
export const gmailAddClient: CardAction = (e) => addClient(e);
export const gmailOpenSheet: CardAction = (e) => openSheet(e);
export const gmailOpenInCrm: CardAction = (e) => openInCrm(e);
