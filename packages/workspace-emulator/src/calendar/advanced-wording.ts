// Google's sentences for Calendar API v3 failures, as the `Calendar` advanced service surfaces them
// ("API call to calendar.events.insert failed with error: <sentence>"). Where a sentence was seen in a real response
// it says where; the others are UNVERIFIED: a plain sentence in Google's style, pinned by tests only so that a change
// here is deliberate.

export const SAY = {
  /** Google's usual 404 body for an unknown calendar or event id ("Not Found"), seen in many client dumps. */
  notFound: 'Not Found',
  /**
   * 410 Gone on a deleted event: "API call to calendar.events.delete failed with error: Resource has been deleted"
   * (derekantrican/GAS-ICS-Sync#297 and #472, google-api-python-client#210).
   */
  deleted: 'Resource has been deleted',
  /** Widely quoted 400s of events.insert/patch. */
  missingEnd: 'Missing end time.',
  missingTimeZone: (which: 'start' | 'end') => `Missing time zone definition for ${which} time.`,
  emptyRange: 'The specified time range is empty.',
  bothReminderKinds: 'Cannot specify both default reminders and overrides at the same time.',
  /** Quoted for events.list with orderBy=startTime without singleEvents=true. */
  badOrdering: 'The requested ordering is not available for the particular query.',
  /** Google's answer to an unknown field in a JSON body (shared with the other Google APIs). */
  unknownField: (name: string, at?: string) =>
    `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`,
  /** The Calendar API's "usageLimits" 403 (https://developers.google.com/calendar/api/guides/errors). */
  usageLimits: 'Calendar usage limits exceeded.',
  rateLimit: 'Rate Limit Exceeded',

  // UNVERIFIED from here on.
  missingStart: 'Missing start time.',
  invalidTime: (which: 'start' | 'end') => `Invalid ${which} time.`,
  invalidTimeZone: (which: 'start' | 'end') => `Invalid time zone definition for ${which} time.`,
  mixedKinds: 'The start and end times must both be dates or both be date-times.',
  tooManyReminders: 'Cannot have more than 5 reminder overrides.',
  reminderMinutes: 'Invalid reminder minutes: must be between 0 and 40320.',
  reminderMethod: (method: string) => `Invalid reminder method: "${method}".`,
  invalidAttendee: 'Invalid attendee email.',
  invalidParam: (name: string, value: string) => `Invalid value for: ${name} = ${value}`,
  unknownParam: (name: string) => `Unknown parameter: ${name}`,
  badPageToken: 'Invalid page token value.',
  /** The emulator's own: a field Google accepts but this emulator does not model, refused rather than dropped. */
  notEmulated: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot find field. (The emulator does not model this field.)`,
} as const;
