// Google's sentences for People API failures. Where a sentence was seen in a real response it says where; the others
// are marked UNVERIFIED: Google's wording was not found, so ours is a plain sentence in the same style, and tests pin
// it only so that a change here is deliberate.

/** Where Google documents the valid `personFields` / `readMask` paths (it names this page in its own errors). */
export const PERSON_FIELDS_URL = 'https://developers.google.com/people/api/rest/v1/people/get';
export const UPDATE_FIELDS_URL = 'https://developers.google.com/people/api/rest/v1/people/updateContact';
export const GROUP_FIELDS_URL = 'https://developers.google.com/people/api/rest/v1/contactGroups/list';

export const SAY = {
  /**
   * Seen verbatim for `readMask` in a captured 400 from people:listDirectoryPeople (google-api-nodejs-client dump,
   * 2020); the same template serves personFields/updatePersonFields/updateMask.
   */
  maskRequired: (param: string, url = PERSON_FIELDS_URL) =>
    `${param} mask is required. Please specify one or more valid paths. Valid paths are documented at ${url}.`,
  /** Seen verbatim for personFields in a captured 400 (`Invalid personFields mask path: "metadfafads". ...`). */
  invalidMaskPath: (param: string, path: string, url = PERSON_FIELDS_URL) =>
    `Invalid ${param} mask path: "${path}". Valid paths are documented at ${url}.`,
  /** Seen in many real reports of updateContact without an etag (400). */
  etagMissing: 'Request must set person.etag or person.metadata.sources.etag for the source that is being updated.',
  /** googleapis/google-api-python-client#2417 and google-api-go-client#1904: 400 failedPrecondition. */
  etagStale:
    'Request person.etag is different than the current person.etag. Clear local cache and get the latest person.',
  /** rapidwebltd/php-google-people-api#22 (quoted without the final period). */
  sourceEtagStale:
    'Request person.metadata.sources.etag is different than the current person.metadata.sources.etag. Clear local cache and get the latest person.',
  /** mrmattwilkins/google-contacts-sync#2 for names; the other singletons by the same template. */
  singleton: (field: string) => `Cannot have more than one person.${field} per source.`,
  /** Google's standard NOT_FOUND sentence. */
  notFound: 'Requested entity was not found.',
  /** Google's standard answer to an unknown query parameter (optionalArgs become query parameters). */
  unknownParam: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
  /** Google's standard answer to an unknown body field ("Cannot find field."); the `at` path form is UNVERIFIED. */
  unknownField: (name: string, at?: string) =>
    `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`,
  /** Captured from a real people/me/connections call: HTTP 400 INVALID_ARGUMENT, ErrorInfo reason EXPIRED_SYNC_TOKEN. */
  syncTokenExpired: 'Sync token is expired. Clear local cache and retry call without the sync token.',

  // UNVERIFIED from here on.
  tooMany: (what: string, max: number) => `Too many ${what} in the request. The maximum is ${max}.`,
  pageSize: (max: number) => `Invalid pageSize. Valid values are between 1 and ${max}, inclusive.`,
  badPageToken: 'Invalid page token.',
  pageTokenMismatch: 'Parameters provided with a page token must match the request that returned the token.',
  badSyncToken: 'Invalid sync token.',
  badEnum: (field: string, type: string, value: string) => `Invalid value at '${field}' (${type}), "${value}"`,
  notArray: (field: string) => `Invalid value at 'person.${field}': expected a list.`,
  badPersonName: (name: string) => `Resource name "${name}" is not a valid person resource name.`,
  connectionsOfMeOnly: 'Only people/me is valid.',
  badGroupName: (name: string) => `Resource name "${name}" is not a valid contact group resource name.`,
  contactsLimit: (max: number) => `Contact limit reached. An account can have at most ${max} contacts.`,
  groupNameRequired: 'Contact group name must not be empty.',
  groupNameExists: 'Contact group name already exists.',
  systemGroupReadOnly: 'System contact groups cannot be modified.',
  cannotAddToGroup: (group: string) => `Cannot add members to the system contact group ${group}.`,
  unknownGroup: (group: string) => `Contact group ${group} does not exist.`,
  noMembership: 'A contact must have at least one contact group membership.',
  etagStaleGroup:
    'Request contactGroup.etag is different than the current contactGroup.etag. Clear local cache and get the latest contact group.',
} as const;
