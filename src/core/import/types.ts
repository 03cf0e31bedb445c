// The shapes an office's file passes through on its way to Google Contacts:
// bytes → SourceTable (spreadsheets, CSV) or straight to ContactDraft (vCard) → ContactDraft → normalised contact.
// Row numbers are always the ones a person sees when they open the file (spreadsheet row, or CSV line).

export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'vcard';

/** A date without a time zone, as a person wrote it: a birthday may have no year. */
export interface CalendarDate {
  year?: number;
  month: number;
  day: number;
}

export interface SourceCell {
  /** The cell as text, trimmed of nothing: exactly what the file holds (a formatted number for numeric cells). */
  text: string;
  /** Set when the file itself typed the cell as a date (a spreadsheet date cell, any date system). */
  date?: CalendarDate;
  /** A spreadsheet formula cell (`=HYPERLINK(…)`): `text` is its displayed (cached) value when the file holds one,
   *  else the formula itself; `shown` tells which. */
  formula?: { formula: string; shown: boolean };
}

export interface SourceRow {
  /** 1-based row (spreadsheets) or the line the record starts on (CSV), as the user sees it. */
  rowNumber: number;
  cells: SourceCell[];
}

export interface SourceTable {
  format: SourceFormat;
  /** For text formats: the encoding the bytes were decoded with (`utf-8`, `utf-16le`, `windows-1251`, …). */
  encoding?: string;
  /** For CSV: the delimiter used. */
  delimiter?: string;
  /** For workbooks: the sheet read. */
  sheetName?: string;
  /** The row the headers were found on (title rows and merged banners above it are skipped). */
  headerRowNumber: number;
  headers: string[];
  rows: SourceRow[];
  /** Set when the file has no header row (its first row is already a client): `headers` are generic names
   *  ("Column 1"…), `headerRowNumber` is 0 and every row is in `rows`. */
  headerless?: boolean;
  /** Things the reader noticed and the user should know (dropped photos, skipped empty sheets…). */
  warnings: string[];
}

/** A value with the place it came from, so every problem can name its column. */
export interface Located<T = string> {
  value: T;
  /** The source column header (or vCard property name, e.g. `TEL`). */
  column: string;
  /** The cell was a spreadsheet formula (see SourceCell.formula). */
  formula?: { formula: string; shown: boolean };
}

export interface DraftAddress {
  column: string;
  type?: string;
  formatted?: string;
  poBox?: string;
  extended?: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** One client as read from a file, before any cleaning: every value still the raw text the office typed. */
export interface ContactDraft {
  rowNumber: number;
  fullName?: Located;
  familyName?: Located;
  givenName?: Located;
  middleName?: Located;
  prefix?: Located;
  suffix?: Located;
  nickname?: Located;
  company?: Located;
  title?: Located;
  department?: Located;
  /** A cell may hold several numbers; splitting is the normaliser's job. */
  phones: Array<Located & { type?: string }>;
  emails: Array<Located & { type?: string }>;
  addresses: DraftAddress[];
  urls: Array<Located & { type?: string }>;
  birthday?: Located<string | CalendarDate>;
  firstVisit?: Located<string | CalendarDate>;
  /** Other dated events (anniversary…), with their label. */
  events: Array<Located<string | CalendarDate> & { type?: string }>;
  notes: Located[];
  labels: Located[];
  manager?: Located;
  /** Anything else worth keeping as a custom field (`userDefined`). */
  custom: Array<Located & { key: string }>;
  /** Set when the source carried a photo; the importer does not upload photos and says so. */
  hadPhoto?: boolean;
}

export function emptyDraft(rowNumber: number): ContactDraft {
  return { rowNumber, phones: [], emails: [], addresses: [], urls: [], events: [], notes: [], labels: [], custom: [] };
}

export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
  /** `warning`: the row is imported as the message says (a formula kept as text…); absent: the value was not used. */
  severity?: 'warning';
}

/** The People API resource as the product sends it (type-only: nothing of googleapis ships). */
export type Person = import('@googleapis/people').people_v1.Schema$Person;

/** Fields of our client card that hold one value (a name part, the company…): a later column of one fills it only
 *  when it is empty. */
export const SINGLE_VALUE_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'middleName',
  'prefix',
  'suffix',
  'nickname',
  'company',
  'title',
  'department',
  'manager',
] as const;

export type SingleValueField = (typeof SINGLE_VALUE_FIELDS)[number];

/** The fields of our client card, for mappings and messages. */
export type ContactField =
  | SingleValueField
  | 'phone'
  | 'email'
  | 'address'
  | 'url'
  | 'birthday'
  | 'firstVisit'
  | 'event'
  | 'notes'
  | 'label'
  | 'custom'
  | 'ignore';

/** One client after cleaning, ready to be written: the Person exactly as batchCreateContacts will receive it. */
export interface NormalizedContact {
  rowNumber: number;
  /** names, phoneNumbers (with canonicalForm), emailAddresses, birthdays, events, biographies, addresses,
   *  organizations, urls, userDefined, clientData. No memberships: labels are resolved to groups at write time. */
  person: Person;
  /** Label (contact group) names, as the office calls them. */
  labels: string[];
  /** Dedupe keys: E.164 phones and lower-cased e-mails. */
  keys: { phones: string[]; emails: string[] };
}

/** Which family of headers a file carries: decides how columns pair up (Google's `Phone 1 - Label`/`- Value`…). */
export type MappingLayout = 'google' | 'google-legacy' | 'outlook' | 'generic';

/** The structured parts of an address a column can hold (names of `DraftAddress` fields). */
export type AddressPart = 'formatted' | 'street' | 'extended' | 'poBox' | 'city' | 'region' | 'postalCode' | 'country';

export interface MappingColumn {
  index: number;
  header: string;
  field: ContactField;
  /** The People type the column implies (`mobile`, `work`, `home`…), or an event's type (`anniversary`). */
  type?: string;
  /** Custom field key; the header when absent. */
  key?: string;
  /** Columns that together describe one value share a group: Google's `Phone 1 - Label` + `Phone 1 - Value`,
   *  Outlook's `Business Street` + `Business City`, a sheet's `Адрес` + `Город`. */
  group?: string;
  /** Role inside the group: `label` gives the type (or custom key) of the group's values, `value` holds them,
   *  an address part names the address field; `photo` marks a photo column (ignored, but the draft says it had one). */
  part?: 'label' | 'value' | 'photo' | AddressPart;
  /** Where the field came from: the column's name, its content (mapping/content-guess.ts), the mapping remembered
   *  for this layout, or the user's choice in the sidebar. Absent on mappings made before this was recorded. */
  source?: MappingSource;
  /** With source `content`: what the guess rests on, for the reason shown beside the column. */
  guess?: import('./mapping/content-guess').ContentEvidence;
}

export type MappingSource = 'header' | 'content' | 'remembered' | 'user';

export interface Mapping {
  layout: MappingLayout;
  columns: MappingColumn[];
}

export interface NormalizeOptions {
  /** ISO 3166 two-letter code for numbers written without +country code (the office's setting, e.g. `RU`). */
  defaultCountry: string;
  locale: import('../i18n/locale').Locale;
  /** Stamped into `clientData` (`crm.importId`) so an import can be found and undone later. */
  importId?: string;
}

export interface NormalizedDraft {
  /** null when the row had nothing to make a client from (the problems say why). */
  contact: NormalizedContact | null;
  problems: ImportProblem[];
}

export interface NormalizeResult {
  contacts: NormalizedContact[];
  /** Every problem of every row, in row order. */
  problems: ImportProblem[];
  /** Decisions taken for the whole file, in the office's language (the order each column's names are read in). */
  warnings: string[];
}
