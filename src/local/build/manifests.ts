// A manifest that names a function the bundle does not define fails only when a user clicks it in Google, so the
// build refuses it here.

import { SHEETS_SCOPES } from '../emulator/sheets/scopes';

const LOCALE_SCOPE = 'https://www.googleapis.com/auth/script.locale';

interface Manifest {
  runtimeVersion?: string;
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ serviceId?: string; version?: string }> };
  addOns?: {
    common?: { homepageTrigger?: { runFunction?: string }; useLocaleFromApp?: boolean };
    gmail?: { contextualTriggers?: Array<{ onTriggerFunction?: string }>; homepageTrigger?: { runFunction?: string } };
  };
}

/** Every function name a manifest refers to. */
export function manifestFunctions(manifest: Manifest): string[] {
  const names: Array<string | undefined> = [
    manifest.addOns?.common?.homepageTrigger?.runFunction,
    manifest.addOns?.gmail?.homepageTrigger?.runFunction,
    ...(manifest.addOns?.gmail?.contextualTriggers ?? []).map((t) => t.onTriggerFunction),
  ];
  return names.filter((n): n is string => !!n);
}

export function checkManifest(project: string, manifest: Manifest, entryPoints: string[]): void {
  const problems: string[] = [];
  if (manifest.runtimeVersion !== 'V8') problems.push('runtimeVersion must be "V8"');
  if (!manifest.timeZone) problems.push('timeZone is missing');
  if (!manifest.oauthScopes?.length) problems.push('oauthScopes must be listed explicitly');
  // Google sends the user's locale and time zone only with both (the add-on's event objects reference).
  if (manifest.addOns?.common?.useLocaleFromApp && !manifest.oauthScopes?.includes(LOCALE_SCOPE))
    problems.push(`useLocaleFromApp needs the ${LOCALE_SCOPE} scope`);
  // The Sheets REST API refuses a token without one of its scopes (spreadsheets.currentonly is not one): every call
  // of the advanced service would fail with 403 in Google.
  const sheets = manifest.dependencies?.enabledAdvancedServices?.some((s) => s.serviceId === 'sheets');
  if (sheets && manifest.oauthScopes?.length && !SHEETS_SCOPES.write.some((s) => manifest.oauthScopes?.includes(s)))
    problems.push(`the Sheets advanced service needs one of ${SHEETS_SCOPES.write.join(', ')}`);
  for (const fn of manifestFunctions(manifest))
    if (!entryPoints.includes(fn)) problems.push(`names ${fn}, which src/server/main.ts does not export`);
  if (problems.length) throw new Error(`The ${project} manifest: ${problems.join('; ')}`);
}
