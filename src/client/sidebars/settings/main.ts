// The Settings sidebar: is the CRM spreadsheet complete, and the office's basic settings.

import { Locale } from '../../../core/i18n/locale';
import { MessageKey, t } from '../../../core/i18n/messages';
import type { SettingKey } from '../../../core/settings/definitions';
import { checkSettingChanges } from '../../../core/settings/read';
import type { SettingsView } from '../../../shared/rpc';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { accessText } from '../../../core/roles/access-text';
import type { AccessView } from '../../../shared/access-dto';
import { allows, loadAccess, modeSentence, renderWhoAmI } from '../../lib/access';
import { showStatus } from '../../lib/status';

let locale: Locale = 'en';

const setStatus = showStatus;

/** The settings shown below country and language, each a labelled input filled from the view's entry for its key. */
const MORE: Array<{ key: SettingKey; label: MessageKey; note?: MessageKey; input: Record<string, string> }> = [
  {
    key: 'timeZone',
    label: 'settingTimeZone',
    note: 'settingTimeZoneNote',
    input: { list: 'time-zones', autocomplete: 'off', spellcheck: 'false', placeholder: 'Europe/Moscow' },
  },
  { key: 'birthdayKind', label: 'settingBirthdayKind', input: { autocomplete: 'off' } },
  { key: 'birthdayReason', label: 'settingBirthdayReason', input: { autocomplete: 'off' } },
  { key: 'birthdayHour', label: 'settingBirthdayHour', input: { type: 'number', min: '0', max: '23', step: '1' } },
];

/** What each of MORE held when the view was shown: only what the office changed is sent. */
let shown: Partial<Record<SettingKey, string>> = {};

/** The zones the browser knows, for the time zone field's suggestions (older browsers: none, typing still works). */
function zoneNames(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [];
}

function renderMore(view: SettingsView): void {
  const values = new Map(view.settings.map((s) => [s.key, s]));
  shown = {};
  replaceChildren(
    byId('more-settings'),
    ...MORE.map(({ key, label, note, input }) => {
      const value = String(values.get(key)?.value ?? '');
      shown[key] = value;
      const id = `setting-${key}`;
      const field = element('input', { id, name: key, ...input });
      field.value = value;
      return element(
        'div',
        { class: 'setting', 'data-setting': key },
        element('label', { for: id }, t(locale, label)),
        field,
        note ? element('div', { class: 'muted' }, t(locale, note)) : null,
        element('div', { id: `${id}-error`, class: 'error' }),
      );
    }),
  );
  const list = byId('time-zones');
  if (!list.firstChild) replaceChildren(list, ...zoneNames().map((zone) => element('option', { value: zone })));
}

function errorBox(field: SettingKey): HTMLElement {
  if (field === 'defaultCountry') return byId('country-error');
  if (field === 'language') return byId('language-error');
  return document.getElementById(`setting-${field}-error`) ?? byId('language-error');
}

function render(view: SettingsView): void {
  locale = view.locale;
  byId('title').textContent = t(locale, 'settingsTitle');
  byId('summary').textContent =
    `${view.spreadsheetName} · ${t(locale, 'contactsCount', { count: view.contactsCount })}`;
  byId('sheets-title').textContent = view.spreadsheetName;
  replaceChildren(
    byId('sheets'),
    ...view.sheets.map((s) =>
      element(
        'li',
        { 'data-sheet': s.key, 'data-state': s.state },
        element('span', {}, s.title),
        element(
          'span',
          { class: s.state === 'ok' ? 'ok' : 'error' },
          s.state === 'ok'
            ? t(locale, 'sheetOk')
            : s.state === 'missing'
              ? t(locale, 'sheetMissing')
              : t(locale, 'sheetNeedsRepair', { columns: s.missingColumns.join(', ') }),
        ),
      ),
    ),
  );
  byId('setup').textContent = t(locale, 'runSetup');
  byId('country-label').textContent = t(locale, 'defaultCountry');
  byId<HTMLInputElement>('country').value = view.defaultCountry;
  byId('language-label').textContent = t(locale, 'language');
  const select = byId<HTMLSelectElement>('language');
  replaceChildren(
    select,
    element('option', { value: '' }, t(locale, 'accountLanguage')),
    element('option', { value: 'ru' }, 'Русский'),
    element('option', { value: 'en' }, 'English'),
    element('option', { value: 'ka' }, 'ქართული'),
  );
  select.value = view.language;
  renderMore(view);
  byId('save').textContent = t(locale, 'save');
  // A value the office typed into the Settings sheet that is not allowed: the CRM uses the default until it is fixed.
  const problems = view.settings.filter((s) => s.problem).map((s) => `${s.key}: ${s.problem}`);
  if (problems.length) setStatus(problems.join('\n'), 'error');
}

function showErrors(errors: Array<{ field: SettingKey; message: string }>): void {
  for (const error of errors) errorBox(error.field).textContent = error.message;
}

/**
 * The access section (the office's mode, who this is, "who am I" in the shared mode) and what the role may do here:
 * an administrator reads the settings without changing them; a role without Settings sees the access section only.
 */
function applyAccess(access: AccessView): void {
  byId('access-title').textContent = accessText(locale, 'modeTitle');
  byId('access-mode').textContent = modeSentence(access, locale);
  renderWhoAmI(byId('who'), access, locale, (next) => {
    known = next;
    applyAccess(next);
  });
  const view = allows('settingsView', access);
  const edit = allows('settingsEdit', access);
  byId('settings-section').hidden = !view;
  byId('setup').hidden = !edit;
  byId('save').hidden = !edit;
  const form = byId<HTMLFormElement>('settings-form');
  for (const field of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')))
    field.disabled = !edit;
  const readOnly = byId('read-only');
  readOnly.hidden = edit;
  readOnly.textContent = accessText(locale, 'readOnlySettings');
  document.body.setAttribute('data-role', access.role);
}

/** The access view asked for when the sidebar opened (or after "who am I" changed). */
let known: AccessView | undefined;

async function load(): Promise<void> {
  try {
    // The access view is asked once, when the sidebar opens; a save or setup reads the settings again only. A role
    // the server refuses the settings to still sees the access section (in the account's language then).
    const [view, access] = await Promise.all([
      rpc.getSettingsView().catch((e: Error) => e),
      known ? Promise.resolve(known) : loadAccess(),
    ]);
    known = access;
    if (view instanceof Error) {
      applyAccess(access);
      if (allows('settingsView', access)) throw view;
      return;
    }
    render(view);
    applyAccess(access);
  } catch (e) {
    setStatus(t(locale, 'error', { message: (e as Error).message }), 'error');
  }
  document.body.setAttribute('data-loaded', 'true');
}

byId('setup').addEventListener('click', async () => {
  const button = byId<HTMLButtonElement>('setup');
  button.disabled = true;
  try {
    const result = await rpc.runSetup();
    setStatus(result.message, 'ok');
    await load();
  } catch (e) {
    setStatus(t(locale, 'error', { message: (e as Error).message }), 'error');
  } finally {
    button.disabled = false;
  }
});

byId('settings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  byId('country-error').textContent = '';
  byId('language-error').textContent = '';
  const input: Record<string, string> = {
    defaultCountry: byId<HTMLInputElement>('country').value,
    language: byId<HTMLSelectElement>('language').value,
  };
  for (const { key } of MORE) {
    errorBox(key).textContent = '';
    const value = byId<HTMLInputElement>(`setting-${key}`).value.trim();
    if (value !== shown[key]) input[key] = value;
  }
  // The server's rules (core/settings), checked here first so a typo is answered without a round trip.
  const checked = checkSettingChanges(input, locale);
  if (!checked.ok) {
    showErrors(checked.refusals.map((r) => ({ field: r.key as SettingKey, message: r.message })));
    return;
  }
  const result = await rpc.saveSettings(input).catch((e: Error) => {
    setStatus(t(locale, 'error', { message: e.message }), 'error');
    return undefined;
  });
  if (!result) return;
  if (result.ok) {
    render(result.view);
    if (known) applyAccess(known);
    setStatus(t(locale, 'saved'), 'ok');
  } else showErrors(result.errors);
});

void load();
