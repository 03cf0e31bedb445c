// Shared secrets between the CRM's two Apps Script projects (the sheet project announcing index changes to the Gmail
// add-on's web app). The web app is open to anyone by design; the secret is what guards it.

/** The fewest characters a secret may have: shorter ones are refused, as if none were set. */
export const MIN_SECRET_CHARS = 32;

/**
 * Whether `given` is `expected`, in time that depends only on their lengths, never on where they first differ (a
 * caller timing the answers learns nothing character by character). An expected secret too short to guard anything
 * matches nothing.
 */
export function sameSecret(given: unknown, expected: string): boolean {
  const a = typeof given === 'string' ? given : '';
  if (expected.length < MIN_SECRET_CHARS) return false;
  let diff = a.length ^ expected.length;
  for (let i = 0; i < expected.length; i++)
    diff |= (a.charCodeAt(i % Math.max(1, a.length)) || 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
