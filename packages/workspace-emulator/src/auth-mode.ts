// What a run may call in each ScriptApp.AuthMode. Simple triggers (onOpen, onEdit) run in LIMITED mode: "they cannot
// access services that require authorization", though they may change the file they are bound to
// (https://developers.google.com/apps-script/guides/triggers#restrictions). Every counted call passes
// ServiceContext.call, which refuses the services below in a LIMITED run with Apps Script's sentence, e.g. "You do
// not have permission to call UrlFetchApp.fetch. Required permissions:
// https://www.googleapis.com/auth/script.external_request" (wording from real executions, widely quoted).
//
// UNVERIFIED: the exact list. We are stricter than Google where unsure: every service that needs a scope beyond the
// bound document is refused; SpreadsheetApp on the bound spreadsheet, PropertiesService, CacheService, LockService,
// Session, Utilities, HtmlService and the menu/UI calls stay available (an onOpen trigger builds its menu that way).

export type AuthMode = 'FULL' | 'LIMITED';

/** Longest matching prefix wins; the scope is the one Google names in its refusal. */
const NEEDS_AUTHORIZATION: Record<string, string> = {
  'People.': 'https://www.googleapis.com/auth/contacts',
  'Calendar.': 'https://www.googleapis.com/auth/calendar',
  'CalendarApp.': 'https://www.googleapis.com/auth/calendar',
  'GmailApp.': 'https://mail.google.com/',
  'MailApp.': 'https://www.googleapis.com/auth/script.send_mail',
  'UrlFetchApp.': 'https://www.googleapis.com/auth/script.external_request',
  'ScriptApp.': 'https://www.googleapis.com/auth/script.scriptapp',
  // Another file than the bound one (openById refuses even the bound file's own id: it needs the full scope).
  'SpreadsheetApp.openById': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.openByUrl': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.create': 'https://www.googleapis.com/auth/spreadsheets',
};

/** The scope a LIMITED run lacks for `service`, or undefined when the call is allowed. */
export function scopeRefusedInLimited(service: string): string | undefined {
  let best = '';
  for (const prefix of Object.keys(NEEDS_AUTHORIZATION))
    if (service.startsWith(prefix) && prefix.length > best.length) best = prefix;
  return best ? NEEDS_AUTHORIZATION[best] : undefined;
}

export function permissionMessage(service: string, scope: string): string {
  return `You do not have permission to call ${service}. Required permissions: ${scope}`;
}
