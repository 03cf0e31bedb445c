// What a People API failure means to the product, whichever client threw it: Apps Script's advanced service carries
// the HTTP status in `details.code` (and Google's sentence in the message), googleapis in `code` or
// `response.status`. Apps Script exposes no HTTP headers (no Retry-After) and it is UNVERIFIED whether it passes
// Google's error details (google.rpc.ErrorInfo) on: the product decides from the status and the message, which names
// the quota's limit ("... per minute per user", "... per day ...").

interface ErrorShape {
  message?: unknown;
  details?: { code?: number; status?: string; errors?: Array<{ reason?: string }> };
  code?: unknown;
  status?: unknown;
  response?: { status?: number };
}

const shape = (e: unknown) => (e ?? {}) as ErrorShape;

function statusCodes(e: unknown): number[] {
  const x = shape(e);
  return [x.details?.code, x.code, x.status, x.response?.status].map(Number);
}

/**
 * A People quota answer (429 RESOURCE_EXHAUSTED, per minute or per day): the request was refused before it was
 * applied, so sending it again later is safe.
 */
export function isQuotaError(e: unknown): boolean {
  return statusCodes(e).includes(429) || shape(e).details?.status === 'RESOURCE_EXHAUSTED';
}

/** A quota that refills only the next day (the daily contact-creation limit): waiting minutes will not help. */
export function isDailyQuotaError(e: unknown): boolean {
  if (!isQuotaError(e)) return false;
  const text = String(shape(e).message ?? '');
  return /per day|daily/i.test(text);
}

/**
 * The contact changed between our read and our write: its etag is stale. Google answers 400 FAILED_PRECONDITION
 * ("Request person.etag is different than the current person.etag…", googleapis/google-api-python-client#2417);
 * older client docs say 412.
 */
export function isStaleEtag(e: unknown): boolean {
  const x = shape(e);
  const codes = statusCodes(e);
  return (
    codes.includes(412) ||
    (codes.includes(400) &&
      (x.details?.status === 'FAILED_PRECONDITION' ||
        !!x.details?.errors?.some((r) => r.reason === 'failedPrecondition') ||
        /etag is different/i.test(String(x.message ?? ''))))
  );
}

/**
 * A quota answer the caller chose not to wait out here (the wait would pass its execution's budget): the import
 * stops cleanly with status `running` and the next execution carries on from its journal.
 */
export function markResumeLater<E>(e: E): E {
  if (e && typeof e === 'object') (e as { resumeLater?: boolean }).resumeLater = true;
  return e;
}

export function isResumeLater(e: unknown): boolean {
  return !!(e as { resumeLater?: boolean } | undefined)?.resumeLater;
}
