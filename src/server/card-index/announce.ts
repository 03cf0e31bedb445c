// Telling the Gmail add-on that the card index changed, so that its next card reads the changed row instead of a
// cached one (core/card-index/key-cache.ts: a new generation makes every cached key miss).
// - In the add-on itself: one cache write, the new generation.
// - In the sheet project, which cannot write the add-on's cache (another project's): one POST to the add-on deployed
//   as a web app (gmail/web-app.ts doPost), carrying the shared secret; the web app replaces the generation. The URL
//   and the secret are script properties of the sheet project (CARD_PUSH_PROPERTIES; the add-on holds the same
//   secret). A push that cannot be made — not configured, an HTTP error, UrlFetchApp's daily quota — loses nothing
//   (the sheet is already written); it is recorded in the script properties (indexStats shows it) and warned about
//   without personal data, and the add-on's cards then catch up when their cached keys expire (KEY_TTL_SECONDS).
// Sheets buffers writes within an execution, so everything is flushed before anyone is told to read it.

import { bumpAndPrime, ClientIndexEntry, KEY_TTL_SECONDS, newGeneration } from '../../core/card-index';
import { redactForLog } from '../../core/redact';
import { MIN_SECRET_CHARS } from '../../core/secret';
import { scriptCache } from './script-cache';
import { addonProperties } from '../sheets/crm-spreadsheet';

/** Script properties of the push (the add-on reads `secret` only). */
export const CARD_PUSH_PROPERTIES = {
  /** The add-on's web app URL (…/exec), in the sheet project. */
  url: 'crm.cardIndex.pushUrl',
  /** The shared secret, in both projects: at least MIN_SECRET_CHARS characters. */
  secret: 'crm.cardIndex.pushSecret',
  /** When the last push failed (ISO), and why: kept until a push goes through. */
  failedAt: 'crm.cardIndex.lastPushFailedAt',
  failure: 'crm.cardIndex.lastPushFailure',
} as const;

/** The Gmail add-on is the project without a bound spreadsheet (the call costs no request). */
export function isAddon(): boolean {
  return SpreadsheetApp.getActiveSpreadsheet() === null;
}

export type PushOutcome =
  'pushed' | 'bumped' | 'handed-back' | 'not-configured' | 'refused' | `http-${number}` | 'quota' | 'error';

export type AnnouncedRow = { keys: string[]; entry: ClientIndexEntry; rowNumber?: number };

/** Rows changed by a write the add-on asked for: handed back in its answer instead of pushed (handingBack). */
let handedBack: AnnouncedRow[] | undefined;

/**
 * Runs a write the add-on asked the sheet project for (events/write-service.ts), collecting the index rows it changed
 * instead of pushing them to the add-on: the add-on is waiting for the answer and announces them itself, one cache
 * write, as if it had written them (one UrlFetch the fewer, and its redrawn card needs no read).
 */
export function handingBack<T>(write: () => T): { result: T; rows: AnnouncedRow[] } {
  const outer = handedBack;
  handedBack = [];
  try {
    const result = write();
    return { result, rows: handedBack };
  } finally {
    handedBack = outer;
  }
}

/**
 * After this execution changed index rows (`rows`: what they now hold, when the caller has them): the add-on learns
 * of it. Never throws: the change itself is saved.
 */
export function announceIndexChange(rows: AnnouncedRow[] = [], news: { language?: string } = {}): PushOutcome {
  try {
    SpreadsheetApp.flush();
    if (handedBack && news.language === undefined) {
      handedBack.push(...rows);
      return 'handed-back';
    }
    if (isAddon()) {
      const cache = scriptCache();
      const generation = newGeneration(Date.now(), Math.random);
      bumpAndPrime(cache, generation, rows);
      return 'bumped';
    }
    return pushToAddon(news);
  } catch (e) {
    console.warn(`The card index change was not announced: ${redactForLog(e)}`);
    return 'error';
  }
}

function pushToAddon(news: { language?: string }): PushOutcome {
  const props = PropertiesService.getScriptProperties();
  // The execution's one properties read (shared with who is the office account: events/office.ts).
  const all = addonProperties();
  const url = all[CARD_PUSH_PROPERTIES.url] ?? '';
  const secret = all[CARD_PUSH_PROPERTIES.secret] ?? '';
  let outcome: PushOutcome;
  if (!/^https:\/\//.test(url) || secret.length < MIN_SECRET_CHARS) outcome = 'not-configured';
  else outcome = post(url, { secret, ...news });
  if (outcome === 'pushed') {
    if (all[CARD_PUSH_PROPERTIES.failedAt]) {
      props.deleteProperty(CARD_PUSH_PROPERTIES.failedAt);
      props.deleteProperty(CARD_PUSH_PROPERTIES.failure);
    }
    return outcome;
  }
  console.warn(
    `The Gmail add-on was not told of a card index change (${outcome}); its cards catch up within ` +
      `${KEY_TTL_SECONDS / 60} minutes.`,
  );
  // "Not set up" is a state, not an event: recorded once, not rewritten by every change.
  if (outcome === 'not-configured' && all[CARD_PUSH_PROPERTIES.failure] === outcome) return outcome;
  props.setProperties(
    { [CARD_PUSH_PROPERTIES.failedAt]: new Date().toISOString(), [CARD_PUSH_PROPERTIES.failure]: outcome },
    false,
  );
  return outcome;
}

function post(url: string, message: { secret: string; language?: string }): PushOutcome {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify(message),
      muteHttpExceptions: true,
      followRedirects: true,
    });
    const code = response.getResponseCode();
    if (code !== 200) return `http-${code}`;
    // A web app that threw, or a URL that is not this add-on, answers 200 with an HTML page: not a yes.
    let body: { ok?: unknown } = {};
    try {
      body = JSON.parse(response.getContentText()) as { ok?: unknown };
    } catch {
      body = {};
    }
    return body?.ok === true ? 'pushed' : 'refused';
  } catch (e) {
    // "Service invoked too many times for one day: urlfetch." is the daily quota; anything else is logged redacted.
    const text = redactForLog(e);
    if (/too many times/i.test(text)) return 'quota';
    console.warn(`The push to the Gmail add-on failed: ${text}`);
    return 'error';
  }
}

export interface PushState {
  /** The sheet project has a URL and a secret to push with. */
  configured: boolean;
  lastFailedAt: string | null;
  lastFailure: string | null;
}

/** One properties read: whether the push is set up and whether the last one failed (Settings, the CLI). */
export function pushState(): PushState {
  const all = PropertiesService.getScriptProperties().getProperties();
  return {
    configured:
      /^https:\/\//.test(all[CARD_PUSH_PROPERTIES.url] ?? '') &&
      (all[CARD_PUSH_PROPERTIES.secret] ?? '').length >= MIN_SECRET_CHARS,
    lastFailedAt: all[CARD_PUSH_PROPERTIES.failedAt] ?? null,
    lastFailure: all[CARD_PUSH_PROPERTIES.failure] ?? null,
  };
}
