// Whether the running execution may call a service member: ServiceContext.call and .local ask here before anything
// leaves. Two rules, both from the member's scopes (member-scopes.ts):
// - The project's manifest lists its `oauthScopes`: "If you set scopes explicitly … you must list all the scopes the
//   script uses" (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes); a member none of
//   whose scopes is listed is refused. No `oauthScopes`: Apps Script detects the scopes itself, every member allowed.
// - Simple triggers run LIMITED: "they cannot access services that require authorization", though they may change the
//   file they are bound to (https://developers.google.com/apps-script/guides/triggers#restrictions). A LIMITED run may
//   call what needs no scope, what the bound file's spreadsheets.currentonly covers, and Session's user (who is then
//   blank: active-user.ts). UNVERIFIED: the exact LIMITED list. The bound file's Ui (script.container.ui: menus, and
//   the sidebar the CRM's onOpen shows) stays allowed as before; whether Google lets a simple onOpen show a sidebar
//   is UNVERIFIED (community answers disagree), a known risk for the "open in the CRM" flow.
//
// Wording: a built-in service answers Apps Script's sentence, "You do not have permission to call UrlFetchApp.fetch.
// Required permissions: https://www.googleapis.com/auth/script.external_request" (quoted from real executions), the
// first scope Google lists named (UNVERIFIED for every member but UrlFetchApp.fetch); a LIMITED run gets the same
// sentence for every service, advanced ones too (UNVERIFIED). An advanced service is a REST API: Google answers 403 PERMISSION_DENIED "Request had insufficient authentication scopes." with reason
// insufficientPermissions (public reports, e.g. googleworkspace/apps-script-oauth2#287); Apps Script wraps it in a
// GoogleJsonResponseException naming the REST method.

import { apiMethodName } from '../context';
import { GasException, GoogleJsonResponseException } from '../errors';
import type { Execution } from '../execution';
import { SCOPE, scopesFor } from './member-scopes';

export type AuthMode = 'FULL' | 'LIMITED';

/** What a LIMITED run holds without anyone's authorisation. */
const LIMITED_GRANTS: readonly string[] = [SCOPE.currentOnly, SCOPE.userEmail, SCOPE.containerUi];

const ADVANCED = /^(People|Sheets|Calendar|Drive|Docs)\./;

/** Apps Script names the member as called and one scope, the first its reference page lists (UNVERIFIED which). */
export function permissionMessage(service: string, scopes: readonly string[]): string {
  return `You do not have permission to call ${service}. Required permissions: ${scopes[0]}`;
}

/** What a run whose manifest lacks every scope of `service` gets. */
function missingScope(service: string, scopes: readonly string[]): Error {
  if (ADVANCED.test(service))
    return new GoogleJsonResponseException(
      apiMethodName(service),
      403,
      'PERMISSION_DENIED',
      'Request had insufficient authentication scopes.',
      'insufficientPermissions',
    );
  return new GasException(permissionMessage(service, scopes));
}

/** Throws Google's refusal when `exec` may not call `service`; outside a run (test setup) everything is allowed. */
export function authorize(exec: Execution | undefined, service: string): void {
  if (!exec) return;
  const scopes = scopesFor(service);
  if (!scopes.length) return;
  if (exec.authMode === 'LIMITED' && !scopes.some((s) => LIMITED_GRANTS.includes(s)))
    throw new GasException(permissionMessage(service, scopes));
  const granted = exec.grants;
  if (granted && !scopes.some((s) => granted.includes(s))) throw missingScope(service, scopes);
}
