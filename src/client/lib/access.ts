// What the person using a sidebar may do (ServerApi.getAccess, asked once when the sidebar opens) and, in the shared
// mode, who they said they are: the "who am I" picker, its choice kept in this browser's localStorage per
// spreadsheet. Google cannot tell people on one shared account apart, so the choice is a convenience, not security:
// the picker says so in the office's language. Everything is rendered with textContent (dom.ts).

import type { Locale } from '../../core/i18n/locale';
import { accessText, roleName } from '../../core/roles/access-text';
import type { Capability } from '../../core/roles/roles';
import type { AccessView } from '../../shared/access-dto';
import { element, replaceChildren } from './dom';
import { rpc } from './rpc';

/** The spreadsheet the sidebar is for (src/server/ui/sidebars.ts puts it on the body). */
function spreadsheetId(): string {
  return document.body.getAttribute('data-spreadsheet') ?? '';
}

const storageKey = () => `crm.whoAmI.${spreadsheetId()}`;

/** The staff e-mail this browser chose to be ('' for none, or where the browser keeps nothing). */
export function chosenStaff(): string {
  try {
    return window.localStorage.getItem(storageKey()) ?? '';
  } catch {
    return '';
  }
}

function remember(email: string): void {
  try {
    if (email) window.localStorage.setItem(storageKey(), email);
    else window.localStorage.removeItem(storageKey());
  } catch {
    // A browser that keeps nothing (private mode, blocked storage): the choice lasts until the sidebar closes.
  }
}

let current: AccessView | undefined;

/** The access view for this browser's choice; also what `actingAs` and `allows` answer from afterwards. */
export async function loadAccess(): Promise<AccessView> {
  const chosen = chosenStaff();
  current = await rpc.getAccess(...(chosen ? [chosen] : []));
  return current;
}

export function allows(capability: Capability, view = current): boolean {
  return !!view && view.capabilities.includes(capability);
}

/**
 * The `as` a call carries: the staff member this browser chose to be. Sent whatever the mode — the server heeds it
 * for the office's shared account only (core/roles/identity.ts) — so a call made before the access view came is right.
 */
export function actingAs(): { as?: string } {
  const chosen = chosenStaff();
  return chosen ? { as: chosen } : {};
}

/**
 * The "who am I" picker (shared mode) or a line saying who the person is (other modes) into `box`. Choosing someone
 * keeps the choice and calls `changed` with the new view (the sidebar redraws its sections for it).
 */
export function renderWhoAmI(
  box: HTMLElement,
  view: AccessView,
  locale: Locale,
  changed: (view: AccessView) => void,
): void {
  const say = (key: Parameters<typeof accessText>[1], params?: object) => accessText(locale, key, params);
  box.setAttribute('data-mode', view.mode);
  box.setAttribute('data-role', view.role);
  if (view.mode !== 'shared') {
    const who = view.me || view.email || '—';
    replaceChildren(box, element('div', { class: 'muted' }, say('youAre', { who, role: roleName(locale, view.role) })));
    return;
  }
  const select = element('select', { id: 'who-am-i', 'aria-label': say('whoAmI') });
  replaceChildren(
    select,
    element('option', { value: '' }, say('whoAmIOffice')),
    ...view.staff.map((s) => element('option', { value: s.email }, `${s.name} · ${roleName(locale, s.role)}`)),
  );
  select.value = view.staff.some((s) => s.email === chosenStaff()) ? chosenStaff() : '';
  select.addEventListener('change', () => {
    remember(select.value);
    select.disabled = true;
    loadAccess().then(
      (next) => {
        select.disabled = false;
        changed(next);
      },
      () => {
        select.disabled = false;
      },
    );
  });
  replaceChildren(
    box,
    element('label', { for: 'who-am-i' }, say('whoAmI')),
    select,
    element('div', { class: 'muted', id: 'who-am-i-note' }, say('whoAmINote')),
  );
}

/** The sentence on what the office's mode means (Settings shows it). */
export function modeSentence(view: AccessView, locale: Locale): string {
  const key = view.mode === 'shared' ? 'modeShared' : view.mode === 'personal' ? 'modePersonal' : 'modeAnonymous';
  return accessText(locale, key);
}
