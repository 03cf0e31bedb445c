// The OAuth scopes that authorise each emulated service member: any ONE scope of a member's list lets a token call it.
// Google's reference pages say it per method: "Scripts that use this method require authorization with one or more of
// the following scopes" (built-in services), "Requires one of the following OAuth scopes" (REST APIs behind the
// advanced services). A call is named as ServiceContext.call names it (`SpreadsheetApp.Sheet.getRange`,
// `People.People.Connections.list`). A rule ending in "." covers every member under it, any other rule one member
// exactly; the exact rule, else the longest covering one, wins. An empty list: the member needs no scope. Each
// service has a catch-all rule, so a member added to the emulator needs its service's usual scopes until listed.
//
// Sources (checked with Google's pages where marked; UNVERIFIED where we only know the method's neighbours):
//   SpreadsheetApp  https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app : getActive*, Range,
//                   Sheet, Spreadsheet methods list spreadsheets.currentonly and spreadsheets; openById/openByUrl/create
//                   list spreadsheets only (openById refuses currentonly even for the bound file's own id).
//   Ui              https://developers.google.com/apps-script/reference/base/ui : showSidebar/showModalDialog need
//                   script.container.ui; alert/prompt the same (UNVERIFIED: stricter); menus need none.
//   Sheets API      https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet (and each
//                   spreadsheets.* page): reads drive, drive.file, drive.readonly, spreadsheets, spreadsheets.readonly;
//                   writes drive, drive.file, spreadsheets. currentonly is not a REST scope.
//   People API      https://developers.google.com/people/api/rest/v1/people.connections/list , …/people/searchContacts,
//                   …/people/get, …/contactGroups/list: reads contacts or contacts.readonly; createContact,
//                   updateContact, deleteContact, batch*, contactGroups create/update/delete/members.modify: contacts.
//   Calendar API    https://developers.google.com/calendar/api/v3/reference/events/insert (…/patch, …/delete): calendar
//                   or calendar.events; …/get and …/list also the .readonly variants.
//   CalendarApp     https://developers.google.com/apps-script/reference/calendar/calendar-app : calendar and the legacy
//                   https://www.google.com/calendar/feeds; reads also calendar.readonly (UNVERIFIED per method).
//   GmailApp        https://developers.google.com/apps-script/reference/gmail/gmail-app : https://mail.google.com/. In an
//                   add-on with the event's access token, the gmail.addons.current.message.* scopes: metadata "Grants
//                   temporary access to the open message's metadata (such as the subject or recipients). Doesn't
//                   allow reading of message content"; readonly and action add the content
//                   (https://developers.google.com/workspace/add-ons/concepts/workspace-scopes). users.messages.get
//                   lists all three (https://developers.google.com/gmail/api/reference/rest/v1/users.messages/get).
//                   The thread's first subject under metadata: UNVERIFIED (stricter: readonly/action only).
//   MailApp         https://developers.google.com/apps-script/reference/mail/mail-app : script.send_mail (sendEmail and
//                   getRemainingDailyQuota).
//   UrlFetchApp     https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app : script.external_request.
//   ScriptApp       https://developers.google.com/apps-script/reference/script/script-app : newTrigger, getProjectTriggers,
//                   deleteTrigger need script.scriptapp.
//   Drive API       https://developers.google.com/drive/api/reference/rest/v3/files/create (…/update, …/delete): drive
//                   or drive.file (also drive.appdata, not modelled); …/get and …/list also drive.readonly (and the
//                   metadata scopes, not modelled: stricter).
//   Docs API        https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate (…/create):
//                   documents, drive or drive.file; …/get also documents.readonly and drive.readonly.
//   DriveApp        https://developers.google.com/apps-script/reference/drive/drive-app : drive; the getters also
//                   drive.readonly. Never drive.file (DriveApp is not emulated beyond this check: drive/drive-app.ts).
//   Session         https://developers.google.com/apps-script/reference/base/session : getActiveUser and getEffectiveUser
//                   need userinfo.email; the locale, time zone and temporary key need none.
//   PropertiesService, CacheService, LockService, Utilities, HtmlService, CardService: their reference pages list no
//                   authorization section (none needed).

const AUTH = 'https://www.googleapis.com/auth/';
const s = (...names: string[]): readonly string[] => names.map((n) => (n.startsWith('https://') ? n : AUTH + n));

export const SCOPE = {
  locale: `${AUTH}script.locale`,
  currentOnly: `${AUTH}spreadsheets.currentonly`,
  userEmail: `${AUTH}userinfo.email`,
  containerUi: `${AUTH}script.container.ui`,
} as const;

const SPREADSHEET = s('spreadsheets.currentonly', 'spreadsheets');
const CONTAINER_UI = s('script.container.ui');
const SHEETS_READ = s('spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly', 'drive.file');
const SHEETS_WRITE = s('spreadsheets', 'drive', 'drive.file');
const CONTACTS_READ = s('contacts', 'contacts.readonly');
const CONTACTS_WRITE = s('contacts');
const EVENTS_READ = s('calendar', 'calendar.readonly', 'calendar.events', 'calendar.events.readonly');
const EVENTS_WRITE = s('calendar', 'calendar.events');
const CALENDAR_APP_READ = s('calendar', 'calendar.readonly', 'https://www.google.com/calendar/feeds');
const CALENDAR_APP_WRITE = s('calendar', 'https://www.google.com/calendar/feeds');
const GMAIL_METADATA = s(
  'https://mail.google.com/',
  'gmail.addons.current.message.metadata',
  'gmail.addons.current.message.readonly',
  'gmail.addons.current.message.action',
);
const GMAIL_CONTENT = s(
  'https://mail.google.com/',
  'gmail.addons.current.message.readonly',
  'gmail.addons.current.message.action',
);
const DRIVE_READ = s('drive', 'drive.file', 'drive.readonly');
const DRIVE_WRITE = s('drive', 'drive.file');
const DRIVE_APP_READ = s('drive', 'drive.readonly');
const DOCS_READ = s('documents', 'documents.readonly', 'drive', 'drive.file', 'drive.readonly');
const DOCS_WRITE = s('documents', 'drive', 'drive.file');
/** DriveApp's members that only read (drive.readonly suffices); every other member needs `drive`. */
export const DRIVE_APP_READS = [
  'getRootFolder',
  'getFileById',
  'getFolderById',
  'getFiles',
  'getFolders',
  'getFilesByName',
  'getFoldersByName',
  'getFilesByType',
  'searchFiles',
  'searchFolders',
  'getTrashedFiles',
  'getTrashedFolders',
  'getStorageUsed',
  'getStorageLimit',
] as const;
const NONE: readonly string[] = [];

/** Member (or class/service prefix) → the scopes any one of which authorises it. */
export const MEMBER_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'SpreadsheetApp.': SPREADSHEET,
  'SpreadsheetApp.openById': s('spreadsheets'),
  'SpreadsheetApp.openByUrl': s('spreadsheets'),
  'SpreadsheetApp.open': s('spreadsheets'),
  'SpreadsheetApp.create': s('spreadsheets'),
  'SpreadsheetApp.Ui.': CONTAINER_UI,
  'SpreadsheetApp.Ui.addToUi': NONE,
  'SpreadsheetApp.Ui.createMenu': NONE,
  'SpreadsheetApp.Ui.createAddonMenu': NONE,
  'Sheets.': SHEETS_WRITE,
  'Sheets.Spreadsheets.get': SHEETS_READ,
  'Sheets.Spreadsheets.Values.get': SHEETS_READ,
  'Sheets.Spreadsheets.Values.batchGet': SHEETS_READ,
  'People.': CONTACTS_WRITE,
  'People.People.Connections.list': CONTACTS_READ,
  'People.People.get': CONTACTS_READ,
  'People.People.getBatchGet': CONTACTS_READ,
  'People.People.searchContacts': CONTACTS_READ,
  'People.ContactGroups.list': CONTACTS_READ,
  'People.ContactGroups.get': CONTACTS_READ,
  'People.ContactGroups.batchGet': CONTACTS_READ,
  'Calendar.': EVENTS_WRITE,
  'Calendar.Events.get': EVENTS_READ,
  'Calendar.Events.list': EVENTS_READ,
  'Drive.': DRIVE_WRITE,
  'Drive.Files.get': DRIVE_READ,
  'Drive.Files.list': DRIVE_READ,
  'Docs.': DOCS_WRITE,
  'Docs.Documents.get': DOCS_READ,
  'DriveApp.': s('drive'),
  ...Object.fromEntries(DRIVE_APP_READS.map((m) => [`DriveApp.${m}`, DRIVE_APP_READ])),
  'CalendarApp.': CALENDAR_APP_WRITE,
  ...Object.fromEntries(
    [
      'getCalendarById',
      'getDefaultCalendar',
      'getOwnedCalendarById',
      'getTimeZone',
      'getEvents',
      'getEventsForDay',
      'getEventById',
      'Calendar.getEvents',
      'Calendar.getEventsForDay',
      'Calendar.getEventById',
    ].map((m) => [`CalendarApp.${m}`, CALENDAR_APP_READ]),
  ),
  'GmailApp.': s('https://mail.google.com/'),
  'GmailApp.getMessageById': GMAIL_METADATA,
  'GmailApp.GmailMessage.': GMAIL_METADATA,
  'GmailApp.GmailMessage.getBody': GMAIL_CONTENT,
  'GmailApp.GmailMessage.getPlainBody': GMAIL_CONTENT,
  'GmailApp.GmailThread.': GMAIL_CONTENT,
  'MailApp.': s('script.send_mail'),
  'UrlFetchApp.': s('script.external_request'),
  'ScriptApp.': s('script.scriptapp'),
  // The script's own token: no scope of its own (it carries the project's).
  'ScriptApp.getOAuthToken': NONE,
  'Session.': NONE,
  'Session.getActiveUser': s('userinfo.email'),
  'Session.getEffectiveUser': s('userinfo.email'),
  'PropertiesService.': NONE,
  'CacheService.': NONE,
  'LockService.': NONE,
  'Utilities.': NONE,
  'HtmlService.': NONE,
  'CardService.': NONE,
};

/** The scopes any one of which authorises `member` (empty: none needed). */
export function scopesFor(member: string): readonly string[] {
  if (Object.hasOwn(MEMBER_SCOPES, member)) return MEMBER_SCOPES[member];
  let best = '';
  for (const rule of Object.keys(MEMBER_SCOPES))
    if (rule.endsWith('.') && member.startsWith(rule) && rule.length > best.length) best = rule;
  return best ? MEMBER_SCOPES[best] : NONE;
}

/**
 * What a manifest enabling an advanced service (by serviceId) must grant so the service's every member the table
 * lists can be called: its catch-all rule (the writes; a read-only scope would refuse them).
 */
export const ADVANCED_SERVICE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  peopleapi: scopesFor('People.'),
  calendar: scopesFor('Calendar.'),
  sheets: scopesFor('Sheets.'),
  drive: scopesFor('Drive.'),
  docs: scopesFor('Docs.'),
};
