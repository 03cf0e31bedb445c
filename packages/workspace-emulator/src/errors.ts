// Errors shaped the way Apps Script surfaces them to script code, so product code can be tested against the wording
// and the fields it will really see.

/** What an advanced service (People) throws: `e.details.code` is the HTTP status, `e.message` Google's sentence. */
export class GoogleJsonResponseException extends Error {
  readonly details: {
    code: number;
    message: string;
    status: string;
    errors: Array<{ reason: string; message: string; domain: string }>;
    /** google.rpc details of the JSON error (ErrorInfo for a quota); UNVERIFIED that Apps Script exposes them. */
    details?: unknown[];
  };

  constructor(apiMethod: string, code: number, status: string, message: string, reason = status) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, status, errors: [{ reason, message, domain: 'global' }] };
  }
}

/** What a built-in service (SpreadsheetApp, CalendarApp, ...) throws: a plain `Exception: ...`. */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * The execution was stopped by the platform (run-time limit, or a fault that kills the run). Apps Script cannot be
 * caught from inside once this happens; the emulator marks the execution dead so every later service call fails too
 * and the runner reports the kill whatever the script did with the error.
 */
export class ExecutionKilled extends Error {
  constructor(message = 'Exceeded maximum execution time') {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * The Sheets API's 429 for its per-minute quota (`Read requests` / `Write requests`), the sentence quoted in many public
 * reports; the consumer's project number is made up (UNVERIFIED how Apps Script's default project appears there).
 */
export const sheetsQuotaSentence = (metric: 'Read requests' | 'Write requests', api = 'sheets'): string =>
  `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service '${api}.googleapis.com' for consumer 'project_number:000000000000'.`;

export const HTTP = {
  badRequest: (api: string, message: string) =>
    new GoogleJsonResponseException(api, 400, 'INVALID_ARGUMENT', message, 'badRequest'),
  failedPrecondition: (api: string, message: string) =>
    new GoogleJsonResponseException(api, 400, 'FAILED_PRECONDITION', message, 'failedPrecondition'),
  notFound: (api: string, message: string) =>
    new GoogleJsonResponseException(api, 404, 'NOT_FOUND', message, 'notFound'),
  /** A resource that existed and was deleted (the Calendar API's 410 for a deleted event). */
  gone: (api: string, message: string) => new GoogleJsonResponseException(api, 410, 'GONE', message, 'deleted'),
  forbidden: (api: string, message: string, reason: string) =>
    new GoogleJsonResponseException(api, 403, 'PERMISSION_DENIED', message, reason),
  conflict: (api: string, message: string) =>
    new GoogleJsonResponseException(api, 409, 'ALREADY_EXISTS', message, 'conflict'),
  quota: (
    api: string,
    message = "Quota exceeded for quota metric 'Critical read requests (Contact and Profile Reads)' and limit 'Critical read requests (Contact and Profile Reads) per minute per user' of service 'people.googleapis.com'.",
  ) => new GoogleJsonResponseException(api, 429, 'RESOURCE_EXHAUSTED', message, 'rateLimitExceeded'),
  internal: (api: string) =>
    new GoogleJsonResponseException(api, 500, 'INTERNAL', 'Internal error encountered.', 'backendError'),
  unavailable: (api: string) =>
    new GoogleJsonResponseException(api, 503, 'UNAVAILABLE', 'The service is currently unavailable.', 'backendError'),
  deadline: (api: string) =>
    new GoogleJsonResponseException(
      api,
      504,
      'DEADLINE_EXCEEDED',
      'Deadline expired before operation could complete.',
      'deadlineExceeded',
    ),
};
