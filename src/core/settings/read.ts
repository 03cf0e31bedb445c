// The Settings sheet's values (getValues) → the office's settings, and the check of a change before it is written.
// Keys are found however the office wrote them ("DefaultCountry ", "default country"); an empty cell means the
// default; a value that is not allowed is not used: the default applies and the office is told (problems()).

import { Locale } from '../i18n/locale';
import { headerKey } from '../sheets/template';
import { template } from '../sheets/templates';
import { cellText, findTable } from '../events/table';
import { settingDefault, SETTING_KEYS, SettingKey, SETTINGS, SettingValues } from './definitions';
import { PENDING_OPEN_FIRST_ROW } from './pending-open';
import { isSecretSetting, maskSecret } from './secret';

/** A key as the office wrote it → the setting; undefined when it names none. */
export function settingKey(name: unknown): SettingKey | undefined {
  const written = headerKey(name);
  return written ? SETTING_KEYS.find((key) => headerKey(key) === written) : undefined;
}

/** Written text → the value; `undefined` for empty text (the default applies); `null` when it is not allowed. */
export function parseSetting<K extends SettingKey>(key: K, text: string): SettingValues[K] | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const definition: { parse(text: string): SettingValues[K] | undefined } = SETTINGS[key];
  return definition.parse(trimmed) ?? null;
}

export interface SettingsSheet {
  /** Each value the sheet gives that is allowed. */
  written: Partial<SettingValues>;
  /** Each value that is not allowed, as written. */
  invalid: Partial<Record<SettingKey, string>>;
  /** Each setting's row, 0-based in the values (the first row with the key wins). */
  rows: Partial<Record<SettingKey, number>>;
  /** The key and value columns (0-based); undefined when the values hold no Settings table. */
  columns?: { key: number; value: number };
}

export function readSettingsSheet(values: unknown[][]): SettingsSheet {
  const out: SettingsSheet = { written: {}, invalid: {}, rows: {} };
  const table = findTable(values, template('settings'), 2);
  if (!table || table.columns.key < 0 || table.columns.value < 0) return out;
  const columns = { key: table.columns.key, value: table.columns.value };
  out.columns = columns;
  // The rows from PENDING_OPEN_FIRST_ROW down are open to everyone (the card's records): no setting is read there.
  const end = Math.min(values.length, PENDING_OPEN_FIRST_ROW - 1);
  for (let i = table.headerIndex + 1; i < end; i++) {
    const key = settingKey(values[i][columns.key]);
    // A secret typed into the sheet by hand is not used: it lives in the script properties only (secret.ts).
    if (!key || key in out.rows || isSecretSetting(key)) continue;
    out.rows[key] = i;
    const text = cellText(values[i], columns.value);
    const value = parseSetting(key, text);
    if (value === null) out.invalid[key] = text;
    else if (value !== undefined) (out.written as Record<SettingKey, unknown>)[key] = value;
  }
  return out;
}

export interface SettingEntry {
  key: SettingKey;
  /** What the CRM uses. */
  value: string | number;
  default: string | number;
  isDefault: boolean;
  /** Set when the sheet holds a value that is not allowed (the default is used instead): what is wrong, in words. */
  problem?: string;
}

/**
 * The office's settings with defaults applied. The account's language is asked only when a setting needs it (it is
 * a service call), so reading the default country costs nothing more than the sheet.
 */
export class OfficeSettings {
  private chosenLocale: Locale | undefined;

  /**
   * `secrets`: the secret settings (secret.ts), asked only when one is wanted — they are a Properties read on the
   * server, which most executions reading the settings never need.
   */
  constructor(
    readonly sheet: SettingsSheet,
    private readonly accountLocale: () => Locale,
    private readonly secrets: () => Partial<Record<SettingKey, string>> = () => ({}),
  ) {}

  /** The office's chosen language, else the account's. */
  get locale(): Locale {
    if (this.chosenLocale === undefined) this.chosenLocale = this.sheet.written.language || this.accountLocale();
    return this.chosenLocale;
  }

  get<K extends SettingKey>(key: K): SettingValues[K] {
    const written = isSecretSetting(key) ? this.secretValue(key) : this.sheet.written[key];
    return written !== undefined ? (written as SettingValues[K]) : this.fallback(key);
  }

  private secretValues: Partial<Record<SettingKey, string>> | undefined;

  private secretValue<K extends SettingKey>(key: K): SettingValues[K] | undefined {
    const text = (this.secretValues ??= this.secrets())[key];
    if (!text) return undefined;
    return (parseSetting(key, text) ?? undefined) as SettingValues[K] | undefined;
  }

  fallback<K extends SettingKey>(key: K): SettingValues[K] {
    return settingDefault(key, () => this.locale);
  }

  /** A message per value the sheet holds that is not allowed, in the office's language. */
  problems(): Array<{ key: SettingKey; message: string }> {
    return SETTING_KEYS.filter((key) => key in this.sheet.invalid).map((key) => ({
      key,
      message: SETTINGS[key].invalid?.(this.locale, this.sheet.invalid[key] ?? '') ?? '',
    }));
  }

  /** Every setting: its value, its default and whether they are the same; a secret one masked (secret.ts). */
  entries(): SettingEntry[] {
    const problems = new Map(this.problems().map((p) => [p.key, p.message]));
    return SETTING_KEYS.map((key) => {
      const value = this.get(key);
      const fallback = this.fallback(key);
      const problem = problems.get(key);
      const shown = isSecretSetting(key) ? maskSecret(String(value)) : value;
      return { key, value: shown, default: fallback, isDefault: value === fallback, ...(problem ? { problem } : {}) };
    });
  }
}

export interface SettingRefusal {
  /** The setting's key, or the name as given when it names no setting. */
  key: string;
  value: string;
  message: string;
  /** The allowed values (or keys), in words. */
  allowed: string;
}

/**
 * Changes as given (by the sidebar, the CLI) → the texts to write, normalised ("ge" → "GE"; empty = back to the
 * default), or the refusals: an unknown key or a value that is not allowed. Nothing is to be written on a refusal.
 */
export function checkSettingChanges(
  changes: Record<string, string>,
  locale: Locale,
): { ok: true; texts: Partial<Record<SettingKey, string>> } | { ok: false; refusals: SettingRefusal[] } {
  const texts: Partial<Record<SettingKey, string>> = {};
  const refusals: SettingRefusal[] = [];
  for (const [name, raw] of Object.entries(changes)) {
    const value = String(raw ?? '');
    const key = settingKey(name);
    if (!key) {
      refusals.push({ key: name, value, message: `Unknown setting "${name}".`, allowed: SETTING_KEYS.join(', ') });
      continue;
    }
    const parsed = parseSetting(key, value);
    if (parsed === null)
      refusals.push({
        key,
        value,
        message: SETTINGS[key].invalid?.(locale, value) ?? '',
        allowed: SETTINGS[key].allowed,
      });
    else texts[key] = parsed === undefined ? '' : String(parsed);
  }
  return refusals.length ? { ok: false, refusals } : { ok: true, texts };
}
