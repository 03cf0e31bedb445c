// Which OAuth scopes let a token call the Sheets REST API. `spreadsheets.currentonly` (what a bound script's
// SpreadsheetApp can live with) is not among them, so a project using the advanced service must ask for more.
// Scopes per method: the "Authorization scopes" section of each spreadsheets.* reference page.

import { GoogleJsonResponseException } from '../errors';
import { SAY } from './wording';

const AUTH = 'https://www.googleapis.com/auth/';

export const SHEETS_SCOPES = {
  read: ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly', 'drive.file'].map((s) => AUTH + s),
  write: ['spreadsheets', 'drive', 'drive.file'].map((s) => AUTH + s),
};

/**
 * Refuses the call when the manifest lists its scopes and none of them grants `kind`. Without `oauthScopes` Apps Script
 * detects the scopes itself (the advanced service's use adds `spreadsheets`), so the call is allowed.
 */
export function requireScope(api: string, granted: readonly string[] | undefined, kind: 'read' | 'write'): void {
  if (!granted) return;
  if (SHEETS_SCOPES[kind].some((s) => granted.includes(s))) return;
  throw new GoogleJsonResponseException(
    api,
    403,
    'PERMISSION_DENIED',
    SAY.insufficientScopes,
    'insufficientPermissions',
  );
}
