// What the web app answers a PBX, in the shape each one expects, whatever happened: a PBX that gets an answer it
// cannot read may mark the URL broken or stop sending (Sipuni documents suspending; Mango and Zadarma: UNVERIFIED).
// A refusal says nothing about why (a wrong secret, a bad sign and a payload too large read the same), so a stranger
// probing the URL learns nothing.
//
// ContentService output is served through Google's 302 to a one-time script.googleusercontent.com URL (the emulator
// does the same). UNVERIFIED whether Mango's and Zadarma's senders follow that redirect — Zadarma's zd_echo check in
// particular: if it does not, the URL check fails though the endpoint works; a thin relay is the fallback.

import type { PbxProvider } from '../../shared/pbx-dto';

type TextOutput = GoogleAppsScript.Content.TextOutput;

/**
 * accepted: stored in the Inbox; refused: not stored (auth, size, the wrong project); busy: the lock wait ran out;
 * failed: the Sheets write failed. Only `accepted` stored anything.
 */
export type PbxOutcome = 'accepted' | 'refused' | 'busy' | 'failed';

/** Mango's reply is JSON: {"success":true} when the notification was taken (Bobrovskih/mango-vpbx). */
function mango(outcome: PbxOutcome): TextOutput {
  const body = outcome === 'accepted' ? { success: true } : { success: false };
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

/** Zadarma reads no answer to a notification (only zd_echo's): plain text a person checking the URL can read. */
function zadarma(outcome: PbxOutcome): TextOutput {
  return ContentService.createTextOutput(outcome === 'accepted' ? 'ok' : outcome).setMimeType(
    ContentService.MimeType.TEXT,
  );
}

export function pbxAnswer(provider: PbxProvider, outcome: PbxOutcome): TextOutput {
  return provider === 'mango' ? mango(outcome) : zadarma(outcome);
}

/** Zadarma's URL check: the zd_echo value, as plain text and nothing else. */
export function zadarmaEchoAnswer(echo: string): TextOutput {
  return ContentService.createTextOutput(echo).setMimeType(ContentService.MimeType.TEXT);
}
