// Every Apps Script entry point of both projects, and nothing else. The build turns each export into a top-level
// function declaration (see src/local/build/entry-points.ts): triggers, menu items, google.script.run targets and
// card callbacks all resolve here. Logic lives in the modules imported below.

import { t } from '../core/i18n/messages';
import { api } from './api';
import { homepageCard, senderCard } from './gmail/card';
import { readSettings, uiLocale } from './sheets/settings';
import { addCrmMenu } from './ui/menu';
import { showSidebar } from './ui/sidebars';

function safeLocale() {
  try {
    return uiLocale(readSettings());
  } catch (e) {
    return uiLocale();
  }
}

/** Simple trigger: the spreadsheet was opened. Builds the CRM menu. */
export function onOpen(): void {
  addCrmMenu(safeLocale());
}

/** Menu: CRM → Settings. */
export function openSettingsSidebar(): void {
  showSidebar('settings', t(safeLocale(), 'settingsTitle'));
}

/** Menu: CRM → Import / export clients. */
export function openImportSidebar(): void {
  showSidebar('import', t(safeLocale(), 'menuImportExport'));
}

/** Menu: CRM → Set up / repair. */
export function setupCrm(): void {
  const result = api.runSetup();
  SpreadsheetApp.getActiveSpreadsheet().toast(result.message);
}

// google.script.run targets (src/shared/rpc.ts).
export const getSettingsView: typeof api.getSettingsView = () => api.getSettingsView();
export const saveSettings: typeof api.saveSettings = (input) => api.saveSettings(input);
export const runSetup: typeof api.runSetup = () => api.runSetup();
export const getImportSetup: typeof api.getImportSetup = (fingerprint) => api.getImportSetup(fingerprint);
export const stageImport: typeof api.stageImport = (input) => api.stageImport(input);
export const previewImport: typeof api.previewImport = (importId) => api.previewImport(importId);
export const runImport: typeof api.runImport = (importId) => api.runImport(importId);
export const undoImport: typeof api.undoImport = (importId) => api.undoImport(importId);
export const listImports: typeof api.listImports = () => api.listImports();
export const listLabels: typeof api.listLabels = () => api.listLabels();
export const exportContacts: typeof api.exportContacts = (input) => api.exportContacts(input);

/** Gmail add-on: contextual trigger for an opened message (manifest addOns.gmail.contextualTriggers). */
export function onGmailMessage(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  return senderCard(e);
}

/** Gmail add-on: homepage (manifest addOns.common.homepageTrigger). */
export function onGmailHomepage(e: GoogleAppsScript.Addons.EventObject): GoogleAppsScript.Card_Service.Card {
  return homepageCard(e);
}
