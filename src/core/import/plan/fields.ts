// The People fields an import deals with, in one table: their order (how fields are reported and listed in an
// update mask) and which of them the import's listing reads. Everything else about fields is derived from it.

/** Every field a merge knows, in report and update-mask order; `listed`: the listing reads it. */
const PEOPLE_FIELDS: ReadonlyArray<readonly [field: string, listed?: 'listed']> = [
  ['names', 'listed'],
  ['nicknames', 'listed'],
  ['birthdays', 'listed'],
  ['genders'],
  ['biographies', 'listed'],
  ['organizations', 'listed'],
  ['phoneNumbers', 'listed'],
  ['emailAddresses', 'listed'],
  ['addresses', 'listed'],
  ['urls', 'listed'],
  ['events', 'listed'],
  ['relations'],
  ['imClients'],
  ['sipAddresses'],
  ['locations'],
  ['occupations'],
  ['interests'],
  ['skills'],
  ['miscKeywords'],
  ['externalIds'],
  ['calendarUrls'],
  ['fileAses'],
  ['userDefined', 'listed'],
  ['clientData', 'listed'],
];

/** The order fields are reported and listed in an update mask. */
export const FIELD_ORDER: readonly string[] = PEOPLE_FIELDS.map(([field]) => field);

/** What the listing of existing contacts must read for updates to be safe: an update touches only these. */
export const MERGE_FIELDS: readonly string[] = PEOPLE_FIELDS.filter(([, listed]) => listed).map(([field]) => field);

/** Fields a contact's content is made of (what a person typed, not our clientData bookkeeping), in a fixed order:
 *  the content fingerprint stored on created contacts hashes them in this order, so it must not change. */
export const CONTENT_FIELDS: readonly string[] = MERGE_FIELDS.filter((field) => field !== 'clientData');
