// The Reminders sidebar, the office's first screen of the day: what is due today and overdue, tomorrow and in the
// week ahead, by manager (a filter, "my tasks" by default); Done / Result / Reschedule / Cancel patch the row in place
// from the server's EventPatch, with Undo for the last one; birthdays this week with "Plan a congratulation"; a form
// to log an event; who has gone quiet, who showed interest without ordering, and missed calls. Everything is
// rendered with textContent (lib/dom.ts element()); every date and time is in the office's zone.

import { formatLocalInput } from '../../../core/events/zone';
import type { Locale } from '../../../core/i18n/locale';
import type {
  BirthdayView,
  EventChange,
  EventPatch,
  EventView,
  RemindersView,
  UndoToken,
} from '../../../shared/events-dto';
import { byId, element, fillTexts, options } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { actingAs, chosenStaff, loadAccess, renderWhoAmI } from '../../lib/access';
import type { AccessView } from '../../../shared/access-dto';
import { visitKind } from '../../../core/roles/visit-kind';
import { errorText, showStatus } from '../../lib/status';
import { renderTab } from './due-list';
import {
  applyPatch,
  createModel,
  type ListModel,
  loadTab,
  mergePage,
  nextPageQuery,
  firstPageQuery,
  TAB_KEYS,
  type TabKey,
} from './list-model';
import { LogForm } from './log-form';
import { renderSideLists } from './side-lists';
import { remindersText } from './strings';
import { dayOf, when as whenIn, type When } from './when';

let locale: Locale = 'en';
let timeZone = 'UTC';
let when: When = whenIn(locale, timeZone);
let model: ListModel | undefined;
let active: TabKey = 'today';
/** The manager filter the lists were read with ('' = everyone). */
let filter = '';
/**
 * The server's "now" (RemindersView.due.at) against this browser's clock when it came: the office's time runs from the
 * server's, so a browser clock that is off (or the sandbox's emulated clock) does not move the form's default time.
 */
let clockSkew = 0;
/** Where the Events sheet ended (RemindersView.eventsEnd): the log form sends it so a retry finds its row at once. */
let eventsEnd = 0;
/** Only the last action can be undone: a newer one replaces it. */
let undoToken: UndoToken | undefined;

const say = (key: Parameters<typeof remindersText>[1], params?: object) => remindersText(locale, key, params);

function fail(e: unknown): void {
  showStatus(say('error', { message: errorText(e) }), 'error');
}

/** A button that opens the Client sidebar on this client's card (it replaces this sidebar, as Sheets shows one). */
function cardButton(resourceName: string): HTMLElement | null {
  if (!resourceName) return null;
  const button = element('button', { type: 'button', class: 'card', 'data-action': 'card' }, say('card'));
  button.addEventListener('click', () => {
    button.disabled = true;
    rpc.openClientSidebar(resourceName).catch((e: unknown) => {
      fail(e);
      button.disabled = false;
    });
  });
  return button;
}

// ---- The notice bar: what the last action did, with Undo, at the top of what the user sees.

function notice(text: string, kind: 'ok' | 'error', token?: UndoToken): void {
  undoToken = token;
  const bar = byId('undo-bar');
  bar.className = `undo-bar ${kind}`;
  byId('undo-message').textContent = text;
  byId<HTMLButtonElement>('undo-button').hidden = !token;
  byId<HTMLButtonElement>('undo-button').disabled = false;
  bar.hidden = false;
}

function closeNotice(): void {
  undoToken = undefined;
  byId('undo-bar').hidden = true;
}

byId('undo-button').addEventListener('click', () => {
  const token = undoToken;
  if (!token) return;
  const button = byId<HTMLButtonElement>('undo-button');
  button.disabled = true;
  rpc.undoChange({ ...token, ...actingAs() }).then(
    (patch) => {
      patched(patch);
      notice(patch.message, 'ok');
    },
    // The server refuses when the event changed since; its words say so.
    (e: unknown) => notice(errorText(e), 'error'),
  );
});
byId('undo-close').addEventListener('click', closeNotice);

// ---- The due tabs.

const dueContext = {
  locale: () => locale,
  when: () => when,
  inputValue: (iso: string) => formatLocalInput(new Date(iso), timeZone),
  change: async (change: EventChange) => {
    try {
      const patch = await rpc.changeEvent({ ...change, ...actingAs() });
      patched(patch);
      notice(patch.message || say('markedDone'), 'ok', patch.undo);
    } catch (e) {
      notice(say('error', { message: errorText(e) }), 'error');
      throw e;
    }
  },
  more: async (key: TabKey, manager: string) => {
    if (!model) return;
    try {
      const asked = model;
      const page = await rpc.getDue({ ...nextPageQuery(model, key, manager, filter), ...actingAs() });
      if (asked !== model) return;
      mergePage(model, key, page, manager || undefined);
      drawTab(key);
    } catch (e) {
      fail(e);
      throw e;
    }
  },
  cardButton,
};

function drawCounts(): void {
  if (!model) return;
  for (const key of TAB_KEYS) {
    const count = document.querySelector(`[data-count="${key}"]`);
    if (count) count.textContent = String(model.tabs[key].count);
  }
}

function drawTab(key: TabKey): void {
  if (!model) return;
  const tab = model.tabs[key];
  if (tab.loaded) renderTab(byId(`panel-${key}`), tab, dueContext);
  drawCounts();
}

/** An action's answer applied to the lists: only the tabs it touched are drawn again. */
function patched(patch: EventPatch): void {
  if (!model) return;
  for (const key of applyPatch(model, patch)) drawTab(key);
  drawCounts();
}

async function openTab(key: TabKey): Promise<void> {
  active = key;
  for (const k of TAB_KEYS) {
    byId(`tab-${k}`).setAttribute('aria-selected', String(k === key));
    byId(`panel-${k}`).hidden = k !== key;
  }
  if (!model || model.tabs[key].loaded) return;
  const panel = byId(`panel-${key}`);
  panel.textContent = say('loading');
  const asked = model;
  try {
    const due = await rpc.getDue({ ...firstPageQuery(model, key, filter), ...actingAs() });
    // A filter change meanwhile made a new model: this answer is for the old one.
    if (asked !== model) return;
    loadTab(model, key, due);
    drawTab(key);
  } catch (e) {
    panel.textContent = '';
    fail(e);
  }
}

for (const key of TAB_KEYS) byId(`tab-${key}`).addEventListener('click', () => void openTab(key));

// ---- Birthdays: a planned congratulation lands in the due lists through its patch.

async function congratulate(b: BirthdayView): Promise<void> {
  try {
    const patch = await rpc.planCongratulation({
      ...actingAs(),
      client: b.resourceName,
      ...(b.hints.indexRow ? { indexRow: b.hints.indexRow } : {}),
    });
    patched(patch);
    notice(patch.message, 'ok', patch.undo);
  } catch (e) {
    notice(say('error', { message: errorText(e) }), 'error');
    throw e;
  }
}

// ---- The log form: a planned event goes into the lists its day belongs to.

function logged(event: EventView): void {
  if (event.rowNumber > eventsEnd) eventsEnd = event.rowNumber;
  if (!model || event.status !== 'planned') return;
  const day = dayOf(event.at, timeZone);
  patched({ event, open: true, hints: {}, day, overdue: day < model.today, message: '' });
}

const logForm = new LogForm({
  locale: () => locale,
  timeZone: () => timeZone,
  now: () => Date.now() + clockSkew,
  eventsEnd: () => eventsEnd,
  dateOf: (iso) => when.date(iso),
  logged,
});

// ---- The whole view: at the start, and when the manager filter changes (the lists only, not the form).

/** Element id → the words it shows. */
const TEXTS = {
  title: 'title',
  'manager-filter-label': 'managerFilter',
  'undo-button': 'undo',
  'undo-close': 'dismiss',
  'tab-today-label': 'tabToday',
  'tab-tomorrow-label': 'tabTomorrow',
  'tab-week-label': 'tabWeek',
  'birthdays-title': 'birthdays',
  'log-title': 'logHeading',
  'log-client-label': 'client',
  'log-kind-label': 'kind',
  'log-reason-label': 'reason',
  'log-at-label': 'when',
  'log-planned-label': 'planned',
  'log-manager-label': 'manager',
  'log-note-label': 'note',
  'log-submit': 'log',
  'quiet-title': 'quiet',
  'interested-title': 'interested',
  'missed-title': 'missed',
  'problems-title': 'problems',
} as const;

function render(view: RemindersView): void {
  locale = view.locale;
  timeZone = view.timeZone || view.due.timeZone || 'UTC';
  clockSkew = Date.parse(view.due.at) - Date.now();
  when = whenIn(locale, timeZone);
  fillTexts(TEXTS, (key) => say(key));
  // The filter the server applied: the one asked for, else the signed-in staff member, else the remembered one.
  filter = view.manager;
  eventsEnd = view.eventsEnd;
  const select = byId<HTMLSelectElement>('manager-filter');
  options(select, view.managers, { value: '', label: say('allManagers') });
  if (filter && !view.managers.includes(filter)) select.appendChild(element('option', { value: filter }, filter));
  select.value = filter;
  model = createModel(view);
  for (const key of TAB_KEYS) if (key !== 'today') byId(`panel-${key}`).textContent = '';
  drawTab('today');
  renderSideLists(view, { locale, when, today: model.today, cardButton, congratulate });
  options(byId<HTMLSelectElement>('log-kind'), view.kinds);
  options(byId<HTMLSelectElement>('log-reason'), view.reasons, { value: '', label: '—' });
  options(byId<HTMLSelectElement>('log-manager'), view.managers, { value: '', label: say('me') });
  logForm.defaultTime();
  if (access) applyAccess(view, access);
}

/** The access view asked for when the sidebar opened (or after "who am I" changed). */
let access: AccessView | undefined;

/**
 * What the role changes here: the filter is the person's own tasks first and, when Settings say only their own, fixed
 * there; someone who may not make others responsible logs for themselves only; a specialist's form offers a visit.
 */
function applyAccess(view: RemindersView, a: AccessView): void {
  renderWhoAmI(byId('who'), a, locale, (next) => {
    access = next;
    closeNotice();
    void load(next.me || '');
  });
  const filterSelect = byId<HTMLSelectElement>('manager-filter');
  const own = a.onlyOwn && !a.capabilities.includes('allClients');
  filterSelect.disabled = own && !!a.me;
  const assign = byId<HTMLSelectElement>('log-manager');
  assign.disabled = !a.capabilities.includes('everyone');
  if (assign.disabled) assign.value = '';
  byId('log-section').hidden = !a.capabilities.includes('logEvents');
  if (a.role === 'specialist') {
    const visit = visitKind(view.kinds);
    if (visit) byId<HTMLSelectElement>('log-kind').value = visit;
  }
  document.body.setAttribute('data-role', a.role);
}

async function load(manager?: string): Promise<void> {
  showStatus(say('loading'));
  try {
    // The access view, once: first when this browser chose who it is (their tasks are the ones to read), else along.
    if (!access && chosenStaff()) access = await loadAccess();
    const asked = access?.me && manager === undefined && access.mode === 'shared' ? access.me : manager;
    const [view, known] = await Promise.all([
      rpc.getReminders({ ...(asked === undefined ? {} : { manager: asked }), ...actingAs() }),
      access ? Promise.resolve(access) : loadAccess(),
    ]);
    access = known;
    render(view);
    showStatus('');
    if (active !== 'today') await openTab(active);
    document.body.setAttribute('data-loaded', 'true');
  } catch (e) {
    fail(e);
  }
}

byId<HTMLSelectElement>('manager-filter').addEventListener('change', () => {
  const manager = byId<HTMLSelectElement>('manager-filter').value;
  closeNotice();
  document.body.removeAttribute('data-loaded');
  // Remembered for the next time the sidebar opens; the lists are read for it now in parallel.
  rpc.rememberManagerFilter(manager).catch(fail);
  void load(manager);
});

void load();
