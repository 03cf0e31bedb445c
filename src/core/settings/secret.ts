// Settings marked `secret` (definitions.ts: Mango's API key and salt) are kept out of the Settings sheet, which every
// editor of the spreadsheet (and anyone given a copy) can read: the sheet project's script properties hold them, and
// every view of the settings (the sidebar, the CLI) shows them masked. The one rule for both, used by the reading
// (read.ts), the writing (server/sheets/settings.ts) and the PBX endpoint.

import { SETTINGS, SettingKey } from './definitions';

export function isSecretSetting(key: SettingKey): boolean {
  return SETTINGS[key].secret === true;
}

/** The characters of a set secret that a view shows: enough to tell two keys apart, never enough to use one. */
const SHOWN_CHARS = 2;

/** What a view shows of a secret: '' when unset, else '••••' and its last two characters. */
export function maskSecret(value: string): string {
  if (!value) return '';
  return `••••${value.length > SHOWN_CHARS * 4 ? value.slice(-SHOWN_CHARS) : ''}`;
}

/** The script property a secret setting is kept in (the endpoint reads it with the rest of the properties at once). */
export function secretSettingProperty(key: SettingKey): string {
  return `crm.setting.${key}`;
}
