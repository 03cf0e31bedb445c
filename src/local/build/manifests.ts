// A manifest that names a function the bundle does not define fails only when a user clicks it in Google, so the
// build refuses it here.

import { ADVANCED_SERVICE_SCOPES, SCOPE } from 'workspace-emulator';

// The scope each advanced service the product enables needs comes from the emulator's one table of member scopes
// (with explicit oauthScopes Google adds none, and the first call fails with a permission error in production only).
// The tests that run the bundle in the emulator refuse any other call the manifest does not cover.
const LOCALE_SCOPE = SCOPE.locale;

interface Manifest {
  runtimeVersion?: string;
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol?: string; serviceId?: string; version?: string }> };
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
  for (const service of manifest.dependencies?.enabledAdvancedServices ?? []) {
    const needs = ADVANCED_SERVICE_SCOPES[service.serviceId ?? ''];
    if (!needs) problems.push(`enables advanced service ${service.serviceId}, whose scope the build does not know`);
    else if (!needs.some((s) => manifest.oauthScopes?.includes(s)))
      problems.push(`the ${service.userSymbol} advanced service needs one of ${needs.join(', ')}`);
  }
  for (const fn of manifestFunctions(manifest))
    if (!entryPoints.includes(fn)) problems.push(`names ${fn}, which src/server/main.ts does not export`);
  if (problems.length) throw new Error(`The ${project} manifest: ${problems.join('; ')}`);
}
