// One form POST to an SMS gateway and its JSON answer, shared by the SMS.ru and SMSC adapters. The keys travel in the
// body (a POST), never in the URL: UrlFetchApp's errors and Google's execution log name the URL, never the body.

/** `[name, value]` pairs, encoded as UTF-8 (the charset both gateways are told: SMS.ru always, SMSC by charset=utf-8). */
export type FormFields = ReadonlyArray<readonly [string, string]>;

export function encodeForm(fields: FormFields): string {
  return fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/**
 * POSTs `fields` to `url` and returns the parsed JSON answer. Anything that is not a JSON answer (no network, an HTTP
 * error, an HTML page) throws an Error naming the gateway: the request's fate is unknown, nothing of it is said.
 */
export function postForm(gateway: string, url: string, fields: FormFields): unknown {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse | undefined;
  let failure = '';
  try {
    response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
      payload: encodeForm(fields),
      muteHttpExceptions: true,
      followRedirects: true,
    });
  } catch (e) {
    // UrlFetchApp's own words (DNS error, timeout, its daily quota) name the URL only: safe to pass on.
    failure = e instanceof Error ? e.message : String(e);
  }
  if (!response) throw new Error(`${gateway}: the request failed (${failure})`);
  const code = response.getResponseCode();
  if (code !== 200) throw new Error(`${gateway}: HTTP ${code}`);
  try {
    return JSON.parse(response.getContentText('UTF-8')) as unknown;
  } catch {
    throw new Error(`${gateway}: the answer is not JSON`);
  }
}

/** A JSON value as a plain object ({} for anything else), for reading answers field by field. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A gateway's number or numeric string → the number; undefined otherwise. */
export function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The gateway's words for a refusal: "code text", trimmed to what a cell shows. */
export function reasonOf(code: unknown, text: unknown): string {
  return [code, text]
    .filter((v) => v !== undefined && v !== null && String(v).trim() !== '')
    .map((v) => String(v).trim())
    .join(' ')
    .slice(0, 200);
}

/** Messages are E.164 and each number comes once per request: both gateways answer per number, not per message. */
export function checkBatch(gateway: string, messages: ReadonlyArray<{ to: string }>, max: number): void {
  if (messages.length > max)
    throw new Error(`${gateway}: at most ${max} messages per request, ${messages.length} given`);
  const seen = new Set<string>();
  for (const m of messages) {
    if (!/^\+[1-9]\d{6,14}$/.test(m.to)) throw new Error(`${gateway}: a number that is not E.164 was handed over`);
    if (seen.has(m.to)) throw new Error(`${gateway}: the same number twice in one request`);
    seen.add(m.to);
  }
}
