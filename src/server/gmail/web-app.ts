// The Gmail add-on deployed as a web app (manifest `webapp`: executes as the deploying user, reachable by anyone —
// the shared secret is the guard): the sheet project POSTs here after it changed the card index
// (card-index/announce.ts), and the add-on starts a new cache generation, so its next card reads the changed row.
// The secret is checked, in constant time, before anything else is touched; a refused request changes nothing and
// says nothing about why.

import { bumpGeneration, newGeneration } from '../../core/card-index';
import { sameSecret } from '../../core/secret';
import { CARD_PUSH_PROPERTIES, isAddon } from '../card-index/announce';
import { scriptCache } from '../card-index/script-cache';

function json(body: { ok: boolean }): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

function givenSecret(e: GoogleAppsScript.Events.DoPost | undefined): unknown {
  try {
    return (JSON.parse(String(e?.postData?.contents ?? '')) as { secret?: unknown })?.secret;
  } catch {
    return undefined;
  }
}

export function indexChanged(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const given = givenSecret(e);
  // Only the add-on's cache is the one to bump; the sheet project's copy of this function refuses.
  if (!isAddon()) return json({ ok: false });
  const expected = PropertiesService.getScriptProperties().getProperty(CARD_PUSH_PROPERTIES.secret) ?? '';
  if (!sameSecret(given, expected)) return json({ ok: false });
  bumpGeneration(scriptCache(), newGeneration(Date.now(), Math.random));
  return json({ ok: true });
}
