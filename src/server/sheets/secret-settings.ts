// Where the secret settings are kept (core/settings/secret.ts says which and why): the sheet project's script
// properties, one property per setting. Only the settings code reads and writes them here; the PBX endpoint reads the
// same properties in its one getProperties (server/pbx/endpoint.ts) through secretSettingProperty.

import type { SettingKey } from '../../core/settings/definitions';
import { SETTING_KEYS } from '../../core/settings/definitions';
import { isSecretSetting, secretSettingProperty } from '../../core/settings/secret';

export const SECRET_SETTING_KEYS: SettingKey[] = SETTING_KEYS.filter(isSecretSetting);

/** The secret settings among the script properties `props` ('' for those unset are left out). */
export function secretSettingsOf(props: Record<string, string>): Partial<Record<SettingKey, string>> {
  const out: Partial<Record<SettingKey, string>> = {};
  for (const key of SECRET_SETTING_KEYS) {
    const value = props[secretSettingProperty(key)];
    if (value) out[key] = value;
  }
  return out;
}

/** Every secret setting that is set: one Properties read. */
export function readSecretSettings(): Partial<Record<SettingKey, string>> {
  return secretSettingsOf(PropertiesService.getScriptProperties().getProperties());
}

/** Writes the given secret settings; '' removes one (back to its default: unset). One call per key. */
export function writeSecretSettings(changes: Partial<Record<SettingKey, string>>): void {
  const props = PropertiesService.getScriptProperties();
  for (const [key, value] of Object.entries(changes) as Array<[SettingKey, string | undefined]>) {
    if (value === undefined || !isSecretSetting(key)) continue;
    if (value === '') props.deleteProperty(secretSettingProperty(key));
    else props.setProperty(secretSettingProperty(key), value);
  }
}
