// google.script.run targets: the server half of the contract in ../shared/rpc.ts. Thin: validate, call the sheet
// and People adapters, return JSON-safe DTOs.

import { isSupportedCountry } from 'libphonenumber-js';
import { LOCALES, Locale } from '../core/i18n/locale';
import { t } from '../core/i18n/messages';
import type { SaveSettingsResult, ServerApi, SettingsInput, SettingsView, SetupResult } from '../shared/rpc';
import { exportContacts, getImportSetup, listImports, listLabels, stageImport } from './import/api';
import { previewImport, runImport } from './import/runner';
import { undoImport } from './import/undo';
import { changeEvent, logEvent } from './events/log';
import { getDueList, getQuietClients, getReminders } from './events/reminders';
import { contactsCount } from './people/people';
import { crmSpreadsheet } from './sheets/crm-spreadsheet';
import { readSettings, uiLocale, writeSettings } from './sheets/settings';
import { setupSpreadsheet, sheetStatuses } from './sheets/setup';
import { setupDailyRoutine } from './triggers/routine';

function settingsView(ss = crmSpreadsheet()): SettingsView {
  const settings = readSettings(ss);
  const locale = uiLocale(settings);
  return {
    locale,
    spreadsheetName: ss.getName(),
    sheets: sheetStatuses(ss, locale),
    defaultCountry: settings.defaultCountry,
    language: settings.language,
    contactsCount: contactsCount(),
  };
}

function saveSettings(input: SettingsInput): SaveSettingsResult {
  const ss = crmSpreadsheet();
  const current = readSettings(ss);
  const locale = uiLocale(current);
  const country = String(input.defaultCountry ?? '')
    .trim()
    .toUpperCase();
  const language = String(input.language ?? '')
    .trim()
    .toLowerCase();
  const errors: Array<{ field: keyof SettingsInput; message: string }> = [];
  if (!isSupportedCountry(country))
    errors.push({ field: 'defaultCountry', message: t(locale, 'countryInvalid', { value: country }) });
  if (language && !(LOCALES as readonly string[]).includes(language))
    errors.push({ field: 'language', message: t(locale, 'languageInvalid', { value: language }) });
  if (errors.length) return { ok: false, errors };
  writeSettings({ defaultCountry: country, language }, ss, current);
  return { ok: true, view: settingsView(ss) };
}

function runSetup(): SetupResult {
  const ss = crmSpreadsheet();
  const locale: Locale = uiLocale(readSettings(ss));
  const result = setupSpreadsheet(ss, locale);
  setupDailyRoutine();
  return result;
}

export const api: ServerApi = {
  getSettingsView: settingsView,
  saveSettings,
  runSetup,
  getImportSetup,
  stageImport,
  previewImport,
  runImport,
  undoImport,
  listImports,
  listLabels,
  exportContacts,
  getReminders,
  logEvent,
  changeEvent,
  getDueList,
  getQuietClients,
};
