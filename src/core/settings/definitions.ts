// Every setting the office can change in its Settings sheet (key | value | note): its default, the values it allows
// and how a written cell is read. The one list: the server, the Settings sidebar and the CLI all read and check
// settings through it, so a default or a rule is stated here and nowhere else.

import { Locale, localeOf, LOCALES } from '../i18n/locale';
import { t } from '../i18n/messages';
import { countryCodes, isCountryCode } from '../phone';

export interface SettingValues {
  /** What a phone number without a +country code means (ISO code, upper case). */
  defaultCountry: string;
  /** '' = the account's language. */
  language: '' | Locale;
  /** Days without events after which a client whose label has no period of its own has gone quiet. */
  quietDaysDefault: number;
  /** The reason that marks a client's interest, and the one that marks an order ("interested, no order"). */
  interestReason: string;
  orderReason: string;
  /** A planned timed event's calendar reminders, minutes before it (all-day events: 17:00 the day before). */
  reminderPopupMinutes: number;
  reminderEmailMinutes: number;
  /**
   * The office's IANA time zone ('' = the spreadsheet's). Saving it sets the spreadsheet's zone too, so date cells and
   * what the sidebar, the card, the CLI and the calendar show are in one zone; setup writes the spreadsheet's zone here.
   */
  timeZone: string;
  /** "Plan a congratulation" on a birthday: the event's kind and reason, and its hour (office time). */
  birthdayKind: string;
  birthdayReason: string;
  birthdayHour: number;
  /** The office-clock hour the evening shift starts (the morning shift is before it): the reports' shift grouping. */
  shiftSplitHour: number;
  /**
   * 'yes': a manager and a specialist see only their own events (Reminders, the due list) and their own clients (the
   * card's manager field) — enforced where Google names the person, a convenience in a shared-account browser.
   */
  onlyOwn: 'yes' | 'no';
  /** Nightly backups kept (the first backup of each month is also kept for a year): core/backup/retention.ts. */
  backupKeepNights: number;
  /** The office-clock hour the nightly backup (and the outside-change sync before it) starts. */
  backupHour: number;
  /** The mass-deletion guard fires when more than this share (%) of all contacts, or of one label, went since last night. */
  deletionAlertPercent: number;
  /**
   * Mango Office's API key and salt (its "API connection" page): the salt verifies each notification's `sign`. Secret:
   * kept in the sheet project's script properties, never in the Settings sheet every editor can read, and shown masked.
   */
  mangoApiKey: string;
  mangoApiSalt: string;
  /** The kind and reason of the events PBX calls become (the kind from the Lists sheet, the office's word for a call). */
  callKind: string;
  callReason: string;
  /** The currency an order's amount is in when it names none (ISO 4217, upper case: RUB, GEL, USD, EUR). */
  currency: string;
  /** The kind of an order event (its reason is orderReason): the Lists sheet's word. */
  orderKind: string;
  /** The forecast counts an open offer at this share (%) of its amount, an order placed (not yet invoiced) at this. */
  forecastOfferPercent: number;
  forecastOrderedPercent: number;
  /** The kind and reason of the event each mailing message becomes on its client (e-mail and SMS). */
  mailKind: string;
  mailReason: string;
  smsKind: string;
  /** The sender's name on mailing and document e-mails ('' = the spreadsheet's name). */
  mailFromName: string;
  /** Clients with this label never get a mailing (beside the Lists sheet's unsubscribed addresses and phones). */
  unsubscribeLabel: string;
  /** The SMS gateway: SMS.ru (smsApiKey = its api_id) or SMSC (smscLogin + smscPassword); 'none' sends nothing. */
  smsGateway: 'none' | 'smsru' | 'smsc';
  /** Secret: SMS.ru's api_id. */
  smsApiKey: string;
  smscLogin: string;
  /** Secret: SMSC's password (or its API key). */
  smscPassword: string;
  /** The sender name the gateway shows ('' = the gateway account's default). */
  smsSender: string;
  /** At most this many SMS a day (a rolling 24 hours), whatever the gateway's balance allows. */
  smsDailyLimit: number;
  /** The office's own requisites for offers and invoices. */
  officeName: string;
  officeTaxId: string;
  officeAddress: string;
  /** Bank, BIC, account: as the office writes them on an invoice. */
  officeBank: string;
  officePhone: string;
  officeEmail: string;
  /** The Google Doc (or, for an invoice, Google Sheet) an offer / invoice is made from: its id or URL; '' = the CRM's own. */
  offerTemplate: string;
  invoiceTemplate: string;
}

export type SettingKey = keyof SettingValues;

export interface SettingDefinition<T> {
  /** The value when the sheet has no row for the key, an empty cell or a value that is not allowed. */
  fallback(locale: () => Locale): T;
  /** A written (non-empty, trimmed) cell → the value, normalised; undefined when it is not an allowed value. */
  parse(text: string): T | undefined;
  /** The allowed values in words (the CLI's refusal and listing). */
  allowed: string;
  /** What tells the office that `value` is not allowed, in its language (absent: every text is allowed). */
  invalid?(locale: Locale, value: string): string;
  /** Kept in the script properties instead of the Settings sheet, and shown masked (server/sheets/settings.ts). */
  secret?: true;
}

/** Google Calendar keeps a reminder at most four weeks before the event. */
const MAX_REMINDER_MINUTES = 40_320;

/** A whole number in [min, max]; offices write "90", "90,0" or a number cell. */
function wholeNumber(min: number, max: number): Omit<SettingDefinition<number>, 'fallback'> {
  return {
    parse(text) {
      const n = Number(text.replace(',', '.'));
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    },
    allowed: `a whole number from ${min} to ${max}`,
    invalid: (locale, value) => t(locale, 'numberInvalid', { value, min, max }),
  };
}

const REASONS: Record<
  Locale,
  {
    interest: string;
    order: string;
    birthdayKind: string;
    birthday: string;
    call: string;
    mailing: string;
    unsubscribed: string;
  }
> = {
  ru: {
    interest: 'Интерес',
    order: 'Заказ',
    birthdayKind: 'Звонок',
    birthday: 'Поздравление',
    call: 'Звонок АТС',
    mailing: 'Рассылка',
    unsubscribed: 'Отписались',
  },
  en: {
    interest: 'Interest',
    order: 'Order',
    birthdayKind: 'Call',
    birthday: 'Congratulations',
    call: 'PBX call',
    mailing: 'Mailing',
    unsubscribed: 'Unsubscribed',
  },
  ka: {
    interest: 'ინტერესი',
    order: 'შეკვეთა',
    birthdayKind: 'ზარი',
    birthday: 'მილოცვა',
    call: 'ატს ზარი',
    mailing: 'დაგზავნა',
    unsubscribed: 'გამოწერა გაუქმებულია',
  },
};

/** ISO 4217: three Latin letters (the office writes "rub" or "RUB"). */
export function currencyCode(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

const SMS_GATEWAYS = ['none', 'smsru', 'smsc'] as const;

/** An IANA zone name the runtime knows ("Europe/Moscow"); '' = the spreadsheet's own zone. */
function ianaZone(text: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The words offices write for yes and no, in the product's languages (compared without case). */
const YES = ['yes', 'y', 'true', '1', 'да', 'д', 'კი', 'დიახ'];
const NO = ['no', 'n', 'false', '0', 'нет', 'н', 'არა'];

const yesNo: Omit<SettingDefinition<'yes' | 'no'>, 'fallback'> = {
  parse(text) {
    const word = text.trim().toLowerCase();
    return YES.includes(word) ? 'yes' : NO.includes(word) ? 'no' : undefined;
  },
  allowed: 'yes or no',
  invalid: (locale, value) => t(locale, 'yesNoInvalid', { value }),
};

/** Any text: a reason is the office's own word. */
const anyText = { parse: (text: string) => text, allowed: 'any text' };

export const SETTINGS: { [K in SettingKey]: SettingDefinition<SettingValues[K]> } = {
  defaultCountry: {
    fallback: () => 'RU',
    parse(text) {
      const code = text.toUpperCase();
      return isCountryCode(code) ? code : undefined;
    },
    allowed: `a two-letter country code: ${countryCodes().join(', ')}`,
    invalid: (locale, value) => t(locale, 'countryInvalid', { value }),
  },
  language: {
    fallback: () => '',
    parse: localeOf,
    allowed: `${LOCALES.join(', ')}, or empty for the account's language`,
    invalid: (locale, value) => t(locale, 'languageInvalid', { value }),
  },
  quietDaysDefault: { fallback: () => 90, ...wholeNumber(1, 3650) },
  interestReason: { fallback: (locale) => REASONS[locale()].interest, ...anyText },
  orderReason: { fallback: (locale) => REASONS[locale()].order, ...anyText },
  reminderPopupMinutes: { fallback: () => 30, ...wholeNumber(0, MAX_REMINDER_MINUTES) },
  reminderEmailMinutes: { fallback: () => 60, ...wholeNumber(0, MAX_REMINDER_MINUTES) },
  timeZone: {
    fallback: () => '',
    parse: ianaZone,
    allowed: "an IANA time zone such as Europe/Moscow or Asia/Tbilisi, or empty for the spreadsheet's",
    invalid: (locale, value) => t(locale, 'timeZoneInvalid', { value }),
  },
  birthdayKind: { fallback: (locale) => REASONS[locale()].birthdayKind, ...anyText },
  birthdayReason: { fallback: (locale) => REASONS[locale()].birthday, ...anyText },
  birthdayHour: { fallback: () => 10, ...wholeNumber(0, 23) },
  shiftSplitHour: { fallback: () => 14, ...wholeNumber(1, 23) },
  onlyOwn: { fallback: () => 'no', ...yesNo },
  backupKeepNights: { fallback: () => 30, ...wholeNumber(1, 366) },
  backupHour: { fallback: () => 3, ...wholeNumber(0, 23) },
  deletionAlertPercent: { fallback: () => 5, ...wholeNumber(1, 100) },
  mangoApiKey: { fallback: () => '', ...anyText, secret: true },
  mangoApiSalt: { fallback: () => '', ...anyText, secret: true },
  callKind: { fallback: (locale) => REASONS[locale()].birthdayKind, ...anyText },
  callReason: { fallback: (locale) => REASONS[locale()].call, ...anyText },
  currency: {
    fallback: () => 'RUB',
    parse: currencyCode,
    allowed: 'a three-letter ISO 4217 currency code such as RUB, GEL, USD or EUR',
    invalid: (locale, value) => t(locale, 'currencyInvalid', { value }),
  },
  orderKind: { fallback: (locale) => REASONS[locale()].order, ...anyText },
  forecastOfferPercent: { fallback: () => 30, ...wholeNumber(0, 100) },
  forecastOrderedPercent: { fallback: () => 70, ...wholeNumber(0, 100) },
  mailKind: { fallback: () => 'E-mail', ...anyText },
  mailReason: { fallback: (locale) => REASONS[locale()].mailing, ...anyText },
  smsKind: { fallback: () => 'SMS', ...anyText },
  mailFromName: { fallback: () => '', ...anyText },
  unsubscribeLabel: { fallback: (locale) => REASONS[locale()].unsubscribed, ...anyText },
  smsGateway: {
    fallback: () => 'none',
    parse(text) {
      const word = text
        .trim()
        .toLowerCase()
        .replace(/[\s.-]/g, '');
      return (SMS_GATEWAYS as readonly string[]).includes(word) ? (word as SettingValues['smsGateway']) : undefined;
    },
    allowed: SMS_GATEWAYS.join(', '),
    invalid: (locale, value) => t(locale, 'smsGatewayInvalid', { value }),
  },
  smsApiKey: { fallback: () => '', ...anyText, secret: true },
  smscLogin: { fallback: () => '', ...anyText },
  smscPassword: { fallback: () => '', ...anyText, secret: true },
  smsSender: { fallback: () => '', ...anyText },
  smsDailyLimit: { fallback: () => 200, ...wholeNumber(0, 100_000) },
  officeName: { fallback: () => '', ...anyText },
  officeTaxId: { fallback: () => '', ...anyText },
  officeAddress: { fallback: () => '', ...anyText },
  officeBank: { fallback: () => '', ...anyText },
  officePhone: { fallback: () => '', ...anyText },
  officeEmail: { fallback: () => '', ...anyText },
  offerTemplate: { fallback: () => '', ...anyText },
  invoiceTemplate: { fallback: () => '', ...anyText },
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A setting's default; `locale` is asked only by the defaults that depend on the language. */
export function settingDefault<K extends SettingKey>(key: K, locale: () => Locale): SettingValues[K] {
  const definition: SettingDefinition<SettingValues[K]> = SETTINGS[key];
  return definition.fallback(locale);
}
