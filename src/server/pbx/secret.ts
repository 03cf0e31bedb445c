// The PBX endpoint's secret: a random token in the sheet project's script properties, carried in the URL each PBX is
// given (server/pbx/setup-view.ts), because Apps Script shows a web app no request headers — Zadarma's header
// signature cannot be checked, so the URL itself must be unguessable. Made by setup, the first CRM → Telephony… view
// or `crm pbx-secret`; the same one stays until someone deletes the property (every PBX would need the new URL).

export const PBX_SECRET_PROPERTY = 'crm.pbxSecret';

/**
 * 43 base64url characters from two UUIDs (Google's are random v4: 244 random bits) hashed together; no padding, so it
 * sits in a URL path or query as it is.
 */
function newSecret(): string {
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    `${Utilities.getUuid()}${Utilities.getUuid()}${Date.now()}${Math.random()}`,
    Utilities.Charset.UTF_8,
  );
  return Utilities.base64EncodeWebSafe(digest).replace(/=+$/, '');
}

/** The secret, made and kept now if there is none (`props`: the script properties already read this execution). */
export function ensurePbxSecret(props?: Record<string, string>): string {
  const store = PropertiesService.getScriptProperties();
  const known = props ? props[PBX_SECRET_PROPERTY] : store.getProperty(PBX_SECRET_PROPERTY);
  if (known) return known;
  const secret = newSecret();
  store.setProperty(PBX_SECRET_PROPERTY, secret);
  return secret;
}
