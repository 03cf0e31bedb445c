import { initialRows } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { LOCALES } from '../../../src/core/i18n/locale';
import { SETTING_KEYS } from '../../../src/core/settings/definitions';
import {
  checkSettingChanges,
  OfficeSettings,
  parseSetting,
  readSettingsSheet,
  settingKey,
} from '../../../src/core/settings/read';
import { isSecretSetting } from '../../../src/core/settings/secret';

const settingsOf = (values: unknown[][], account: 'ru' | 'en' | 'ka' = 'en') => {
  let asked = 0;
  const settings = new OfficeSettings(readSettingsSheet(values), () => {
    asked++;
    return account;
  });
  return { settings, asked: () => asked };
};

describe('the Settings sheet read by one reader', () => {
  test('keys match however the office wrote them, below a title row, with the columns swapped', () => {
    const { settings } = settingsOf([
      ['CRM settings of our office'],
      ['Значение', 'Параметр'],
      ['ge', ' DefaultCountry '],
      ['30', 'quiet days default'],
      ['Заявка', 'INTEREST_REASON'],
    ]);
    expect(settings.get('defaultCountry')).toBe('GE');
    expect(settings.get('quietDaysDefault')).toBe(30);
    expect(settings.get('interestReason')).toBe('Заявка');
    expect(settingKey('Default country')).toBe('defaultCountry');
    expect(settingKey('office fax')).toBeUndefined();
  });

  test('a missing sheet, a missing row and an empty cell all give the defaults', () => {
    for (const values of [
      [],
      [['Setting', 'Value']],
      [
        ['Setting', 'Value'],
        ['defaultCountry', ''],
        ['language', ' '],
      ],
    ]) {
      const { settings } = settingsOf(values, 'ru');
      expect(settings.get('defaultCountry')).toBe('RU');
      expect(settings.get('language')).toBe('');
      expect(settings.get('quietDaysDefault')).toBe(90);
      expect(settings.get('reminderPopupMinutes')).toBe(30);
      expect(settings.get('reminderEmailMinutes')).toBe(60);
      expect(settings.locale).toBe('ru');
      expect(settings.get('orderReason')).toBe('Заказ');
    }
  });

  test("the language-dependent defaults follow the office's language, and the account is asked only when needed", () => {
    const chosen = settingsOf([
      ['Setting', 'Value'],
      ['language', 'ka'],
    ]);
    expect(chosen.settings.get('interestReason')).toBe('ინტერესი');
    expect(chosen.asked()).toBe(0);
    const account = settingsOf([['Setting', 'Value']], 'en');
    expect(account.settings.get('defaultCountry')).toBe('RU');
    expect(account.asked()).toBe(0);
    expect(account.settings.get('orderReason')).toBe('Order');
    expect(account.settings.get('interestReason')).toBe('Interest');
    expect(account.asked()).toBe(1);
  });

  test('a value that is not allowed is not used: the default applies and the office is told', () => {
    const { settings } = settingsOf([
      ['Setting', 'Value'],
      ['defaultCountry', 'Russia'],
      ['language', 'fr'],
      ['quietDaysDefault', 'soon'],
      ['reminderPopupMinutes', -5],
      ['reminderEmailMinutes', '45,0'],
      ['defaultCountry', 'KZ'],
    ]);
    expect(settings.get('defaultCountry')).toBe('RU'); // the first row wins, even when it is wrong
    expect(settings.get('language')).toBe('');
    expect(settings.get('quietDaysDefault')).toBe(90);
    expect(settings.get('reminderPopupMinutes')).toBe(30);
    expect(settings.get('reminderEmailMinutes')).toBe(45);
    expect(settings.problems().map((p) => p.key)).toEqual([
      'defaultCountry',
      'language',
      'quietDaysDefault',
      'reminderPopupMinutes',
    ]);
    expect(settings.problems()[0].message).toContain('Russia');
    const entries = Object.fromEntries(settings.entries().map((e) => [e.key, e]));
    expect(entries.quietDaysDefault).toMatchObject({ value: 90, default: 90, isDefault: true });
    expect(entries.quietDaysDefault.problem).toContain('soon');
    expect(entries.reminderEmailMinutes).toEqual({
      key: 'reminderEmailMinutes',
      value: 45,
      default: 60,
      isDefault: false,
    });
  });

  test('values are normalised as they are read', () => {
    expect(parseSetting('defaultCountry', ' kz ')).toBe('KZ');
    expect(parseSetting('language', 'ru_RU')).toBe('ru');
    expect(parseSetting('quietDaysDefault', '60')).toBe(60);
    expect(parseSetting('quietDaysDefault', '0')).toBeNull();
    expect(parseSetting('quietDaysDefault', '1.5')).toBeNull();
    expect(parseSetting('defaultCountry', '')).toBeUndefined();
  });
});

describe('a change is checked by the same rules before anything is written', () => {
  test('normalised texts, empty meaning back to the default', () => {
    expect(checkSettingChanges({ DefaultCountry: 'ge', language: '', quietDaysDefault: '45' }, 'en')).toEqual({
      ok: true,
      texts: { defaultCountry: 'GE', language: '', quietDaysDefault: '45' },
    });
  });

  test('an unknown key and a value not allowed are refused with the allowed values', () => {
    const checked = checkSettingChanges({ defaultCountry: 'XX', colour: 'red', language: 'ru' }, 'ru');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.refusals.map((r) => r.key)).toEqual(['defaultCountry', 'colour']);
    expect(checked.refusals[0].message).toContain('XX');
    expect(checked.refusals[0].allowed).toContain('GE');
    expect(checked.refusals[1].allowed.split(', ')).toEqual(SETTING_KEYS);
  });
});

test("the Settings template's rows name every setting but the secret ones, with allowed values, in each language", () => {
  for (const locale of LOCALES) {
    const rows = initialRows(template('settings'), locale);
    // Mango's key and salt live in the script properties, never in the sheet (core/settings/secret.ts).
    expect(rows.map((r) => settingKey(r[0]))).toEqual(SETTING_KEYS.filter((k) => !isSecretSetting(k)));
    for (const [key, value] of rows) expect(parseSetting(settingKey(key)!, String(value))).not.toBeNull();
  }
});

test('a secret setting is read from the secrets given, never from the sheet, and shown masked', () => {
  const sheet = readSettingsSheet([
    ['key', 'value', 'note'],
    ['mangoApiSalt', 'typed-into-the-sheet', ''],
  ]);
  const none = new OfficeSettings(sheet, () => 'en');
  expect(none.get('mangoApiSalt')).toBe('');
  const set = new OfficeSettings(
    sheet,
    () => 'en',
    () => ({ mangoApiSalt: 'salt-from-properties' }),
  );
  expect(set.get('mangoApiSalt')).toBe('salt-from-properties');
  expect(set.entries().find((e) => e.key === 'mangoApiSalt')).toEqual({
    key: 'mangoApiSalt',
    value: '••••es',
    default: '',
    isDefault: false,
  });
  expect(none.entries().find((e) => e.key === 'mangoApiSalt')?.value).toBe('');
});
