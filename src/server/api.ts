// google.script.run targets: the server half of the contract in ../shared/rpc.ts. Thin: validate, call the sheet
// and People adapters, return JSON-safe DTOs.

import { Locale } from '../core/i18n/locale';
import { SETTING_KEYS, SettingKey } from '../core/settings/definitions';
import { checkSettingChanges } from '../core/settings/read';
import type { SaveSettingsResult, ServerApi, SettingsInput, SettingsView, SetupResult } from '../shared/rpc';
import { exportContacts, getImportSetup, listImports, listLabels, stageImport } from './import/api';
import { previewImport, runImport } from './import/runner';
import { undoImport } from './import/undo';
import { addClient } from './clients/add-client';
import { announceIndexChange } from './card-index/announce';
import { getClient, saveClient } from './clients/card';
import { logEvent } from './events/log';
import { changeEvent, undoChange } from './events/change';
import { planCongratulation } from './events/birthday';
import { getBirthdays, getDue, getQuietClients, getReminders, rememberManagerFilter } from './events/reminders';
import { findClients, resolveClient } from './clients/api';
import { contactsCount } from './people/people';
import { crmSpreadsheet, OWNER_PROPERTY, setAddonProperty } from './sheets/crm-spreadsheet';
import { readSettings, uiLocale, writeSettings } from './sheets/settings';
import { setupSpreadsheet, sheetStatuses } from './sheets/setup';
import { setupDailyRoutine } from './triggers/routine';
import { installTriggers } from './triggers/install';
import { getClientSidebarSetup, openClientSidebar } from './ui/client-sidebar';
import { addCrmMenu } from './ui/menu';
import { rereadOpenStore } from './events/hand-edits';
import { OfficeContext } from './events/office';
import { getReport, refreshDashboard, refreshReports } from './reports/refresh';
import { getAccess } from './staff/get-access';
import { guarded } from './staff/guard';
import { restoreNight } from './backup/restore-night';
import { protectOfficeSheets } from './sheets/protect';
import { runBackup } from './backup/nightly';
import { listBackups } from './backup/list-backups';
import { addCaller, closeCallback, getCalls } from './pbx/calls-api';
import { getPbxSetup } from './pbx/setup-view';
import { ensurePbxSecret } from './pbx/secret';
import { getChanges, revertChange } from './backup/journal-api';
import { makeDocument } from './documents/make';
import { emailDocument } from './documents/email';
import { listMailings, previewMailing, saveMailingTemplate, startMailing, stopMailing } from './mailing/api';

function settingsView(ss = crmSpreadsheet()): SettingsView {
  const settings = readSettings(ss);
  const locale = uiLocale(settings);
  return {
    locale,
    spreadsheetName: ss.getName(),
    sheets: sheetStatuses(ss, locale),
    defaultCountry: settings.get('defaultCountry'),
    language: settings.get('language'),
    contactsCount: contactsCount(),
    settings: settings.entries(),
  };
}

function saveSettings(input: SettingsInput): SaveSettingsResult {
  const ss = crmSpreadsheet();
  const current = readSettings(ss);
  const given = SETTING_KEYS.filter((key) => input?.[key] !== undefined).map((key) => [key, String(input[key])]);
  const checked = checkSettingChanges(Object.fromEntries(given), current.locale);
  if (!checked.ok)
    return { ok: false, errors: checked.refusals.map((r) => ({ field: r.key as SettingKey, message: r.message })) };
  writeSettings(checked.texts, ss, current);
  // Staff may have changed since the protected sheets' editors were set (a director added by hand): brought in line.
  protectOfficeSheets(new OfficeContext(ss));
  // A new zone moves what the date cells mean (Sheets keeps their wall-clock time): the store is read again from them.
  if (checked.texts.timeZone) rereadOpenStore(new OfficeContext(ss));
  // The nightly backup's trigger moves to the new hour (only the triggers' owner can: install.ts says so for others).
  if (checked.texts.backupHour !== undefined) installTriggers();
  if (checked.texts.language !== undefined) {
    // The menu speaks the new language at once (adding a menu of the same name replaces it), not after a reload.
    try {
      addCrmMenu(uiLocale(readSettings(ss)), new OfficeContext(ss).identity().role);
    } catch (e) {
      console.warn('The CRM menu was not redrawn in the new language; it will be on the next opening.');
    }
    // The Gmail add-on speaks the office's language: it learns a change with the next card (gmail/office-language.ts).
    announceIndexChange([], { language: checked.texts.language });
  }
  return { ok: true, view: settingsView(ss) };
}

function runSetup(): SetupResult {
  const ss = crmSpreadsheet();
  const locale: Locale = uiLocale(readSettings(ss));
  const result = setupSpreadsheet(ss, locale);
  // Who the office account is, kept for every later decision (events/office.ts ownerEmail).
  setAddonProperty(OWNER_PROPERTY, String(ss.getOwner()?.getEmail() ?? '').toLowerCase());
  protectOfficeSheets(new OfficeContext(ss));
  setupDailyRoutine();
  // The PBX endpoint's secret, so the URLs CRM → Telephony… shows are ready (kept when there is one).
  ensurePbxSecret();
  return result;
}

// Each entry point that needs a right checks it first (staff/guard.ts); a refusal changes nothing.
export const api: ServerApi = {
  getAccess,
  getSettingsView: guarded('settingsView', () => settingsView()),
  saveSettings: guarded('settingsEdit', saveSettings),
  runSetup: guarded('settingsEdit', runSetup),
  getImportSetup: guarded('import', getImportSetup),
  // Chunk 0 starts an import (checked); the later chunks, the preview and each runImport carry on one that was started
  // by someone allowed to, under its id (listed only to them): not checked again, so a long import pays nothing more.
  stageImport: (input) => (input?.chunk === 0 ? guarded('import', stageImport)(input) : stageImport(input)),
  previewImport,
  runImport,
  undoImport: guarded('import', undoImport),
  listImports: guarded('import', listImports),
  listLabels,
  exportContacts: guarded('import', exportContacts),
  getReminders,
  logEvent,
  changeEvent,
  undoChange,
  getDue,
  getQuietClients,
  getBirthdays,
  planCongratulation,
  rememberManagerFilter,
  getClient,
  saveClient: guarded('editClients', saveClient),
  addClient: guarded('editClients', addClient),
  findClients,
  resolveClient,
  getClientSidebarSetup,
  openClientSidebar,
  getChanges: guarded('editClients', getChanges),
  revertChange: guarded('editClients', revertChange),
  refreshReports: guarded('reports', refreshReports),
  getReport: guarded('reports', getReport),
  refreshDashboard: guarded('reports', refreshDashboard),
  restoreBackup: guarded('import', restoreNight),
  runBackupNow: guarded('import', () => runBackup()),
  listBackups: guarded('import', listBackups),
  getPbxSetup: guarded('settingsEdit', getPbxSetup),
  getCalls: guarded('logEvents', getCalls),
  closeCallback: guarded('logEvents', closeCallback),
  addCaller: guarded('editClients', addCaller),
  makeDocument: guarded('logEvents', makeDocument),
  emailDocument: guarded('logEvents', emailDocument),
  previewMailing: guarded('mailings', previewMailing),
  startMailing: guarded('mailings', startMailing),
  listMailings: guarded('mailings', listMailings),
  stopMailing: guarded('mailings', stopMailing),
  saveMailingTemplate: guarded('mailings', saveMailingTemplate),
};
