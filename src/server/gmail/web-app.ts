// The Gmail add-on deployed as a web app (manifest `webapp`: executes as the deploying user, reachable by anyone —
// the shared secret is the guard): the sheet project POSTs here after it changed the card index
// (card-index/announce.ts), and the add-on starts a new cache generation, so its next card reads the changed row.
// The secret is checked, in constant time, before anything else is touched; a refused request changes nothing and
// says nothing about why.

import { bumpGeneration, newGeneration } from '../../core/card-index';
import { sameSecret } from '../../core/secret';
import { CARD_PUSH_PROPERTIES, isAddon } from '../card-index/announce';
import { scriptCache } from '../card-index/script-cache';
import { storeOfficeLanguage } from './office-language';

export function json(body: { ok: boolean }): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

/** What the sheet project sends (announce.ts): the secret, and the office's language when Settings changed it. */
interface PushBody {
  secret?: unknown;
  language?: unknown;
}

/** The JSON body of a POST ({} when it is none). */
export function bodyOf(e: GoogleAppsScript.Events.DoPost | undefined): PushBody & Record<string, unknown> {
  try {
    const body = JSON.parse(String(e?.postData?.contents ?? '')) as PushBody & Record<string, unknown>;
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

export function indexChanged(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const body = bodyOf(e);
  // Only the add-on's cache is the one to bump; the sheet project's copy of this function refuses.
  if (!isAddon()) return json({ ok: false });
  const expected = PropertiesService.getScriptProperties().getProperty(CARD_PUSH_PROPERTIES.secret) ?? '';
  if (!sameSecret(body.secret, expected)) return json({ ok: false });
  const cache = scriptCache();
  if (body.language !== undefined) storeOfficeLanguage(cache, body.language);
  bumpGeneration(cache, newGeneration(Date.now(), Math.random));
  return json({ ok: true });
}
