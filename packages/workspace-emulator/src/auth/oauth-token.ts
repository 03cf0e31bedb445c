// ScriptApp.getOAuthToken()'s access token: what a script sends as `Authorization: Bearer …` to Google's REST APIs
// through UrlFetchApp (the emulated Drive endpoints of drive/http.ts read it back). It carries what Google's token
// stands for: the project, the account, the scopes the run was granted (null: the manifest lists none, so every
// scope Apps Script detected), and its expiry, one hour after it was minted on the virtual clock (Google's access
// tokens live 3600 s; UNVERIFIED how much of its hour a token Apps Script hands out has left). Self-contained and
// signed, so any process sharing the Workspace's state reads it; not a secret of anyone's.

import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  project: string;
  account: string;
  scopes: string[] | null;
  /** Epoch ms (virtual clock). */
  expires: number;
}

export const TOKEN_LIFETIME_MS = 3600_000;
const KEY = 'workspace-emulator:oauth-token';

const sign = (payload: string) => createHmac('sha256', KEY).update(payload).digest('base64url');

export function mintToken(claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `ya29.${payload}.${sign(payload)}`;
}

/** The claims of a token the emulator minted; 'invalid' for anything else, 'expired' past its hour. */
export function readToken(token: string, now: number): TokenClaims | 'invalid' | 'expired' {
  const m = /^ya29\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!m) return 'invalid';
  const want = Buffer.from(sign(m[1]));
  const got = Buffer.from(m[2]);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return 'invalid';
  }
  return now >= claims.expires ? 'expired' : claims;
}
